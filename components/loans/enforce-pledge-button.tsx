'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { enforcePledgeAction } from '@/app/institution/loans/actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

/** 处置质押物, after default; confirmed first. */
export function EnforcePledgeButton({ pledgeId }: { pledgeId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t('loans.pledge.enforceConfirm'))) return;
          start(async () => {
            const r = await enforcePledgeAction({ pledgeId });
            if (r.ok) router.refresh();
            else setError(errorText(t, r.error));
          });
        }}
      >
        {t('loans.pledge.enforce')}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
