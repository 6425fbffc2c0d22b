'use client';
import { enforcePledgeAction } from '@/app/institution/loans/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

/** 处置质押物, after default; confirmed first. */
export function EnforcePledgeButton({ pledgeId }: { pledgeId: string }) {
  const { t } = useI18n();
  return <ActionButton label={t('loans.pledge.enforce')} confirm={t('loans.pledge.enforceConfirm')} run={() => enforcePledgeAction({ pledgeId })} />;
}
