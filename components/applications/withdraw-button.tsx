'use client';
import { withdrawApplicationAction } from '@/app/enterprise/applications/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

export function WithdrawApplicationButton({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  return (
    <ActionButton label={t('applications.withdraw')} confirm={t('applications.withdrawConfirm')} run={() => withdrawApplicationAction({ applicationId })} />
  );
}
