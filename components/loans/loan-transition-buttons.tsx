'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { loanTransitionAction } from '@/app/institution/loans/actions';
import { errorText } from '@/lib/i18n/translate';
import type { LoanLifecycleAction } from '@/lib/loan-machines';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

/** An officer's lifecycle moves on a loan: mark overdue, cure, default, write off; each confirmed first. */
export function LoanTransitionButtons({ loanId, actions }: { loanId: string; actions: LoanLifecycleAction[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t('loans.actions.confirm', { action: t(`loans.actions.${action}`) }))) return;
            start(async () => {
              const r = await loanTransitionAction({ loanId, action });
              if (r.ok) {
                setError(undefined);
                router.refresh();
              } else setError(errorText(t, r.error));
            });
          }}
        >
          {t(`loans.actions.${action}`)}
        </button>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
