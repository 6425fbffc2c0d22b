'use client';
import { needTransitionAction } from '@/app/enterprise/needs/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

/** Closes a need that a smaller loan already served (the service checks a loan from it was disbursed). */
export function FulfilNeedButton({ needId, disbursed }: { needId: string; disbursed: string }) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={t('needs.fulfil')}
      confirm={t('needs.fulfilConfirm', { amount: disbursed })}
      run={() => needTransitionAction({ needId, action: 'fulfil' })}
    />
  );
}
