'use client';
import { needTransitionAction } from '@/app/enterprise/needs/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

export function WithdrawNeedButton({ needId }: { needId: string }) {
  const { t } = useI18n();
  return <ActionButton label={t('needs.withdraw')} confirm={t('needs.withdrawConfirm')} run={() => needTransitionAction({ needId, action: 'withdraw' })} />;
}
