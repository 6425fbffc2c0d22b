'use client';
import { loanTransitionAction } from '@/app/institution/loans/actions';
import type { LoanLifecycleAction } from '@/lib/machines/loan';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

/** An officer's lifecycle moves on a loan: mark overdue, cure, default, write off; each confirmed first. */
export function LoanTransitionButtons({ loanId, actions }: { loanId: string; actions: LoanLifecycleAction[] }) {
  const { t } = useI18n();
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {actions.map((action) => (
        <ActionButton
          key={action}
          label={t(`loans.actions.${action}`)}
          confirm={t('loans.actions.confirm', { action: t(`loans.actions.${action}`) })}
          run={() => loanTransitionAction({ loanId, action })}
        />
      ))}
    </div>
  );
}
