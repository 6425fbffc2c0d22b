'use client';
import { decideInstitutionAction } from '@/app/admin/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

export function InstitutionDecisionButton({
  institutionId,
  action,
  institutionName,
}: {
  institutionId: string;
  action: 'approve' | 'suspend' | 'reactivate';
  institutionName: string;
}) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={t(`admin.${action}`)}
      ariaLabel={`${t(`admin.${action}`)}${t('app.colon')}${institutionName}`}
      run={() => decideInstitutionAction({ institutionId, action })}
    />
  );
}
