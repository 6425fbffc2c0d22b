'use client';
// Reject an institution's application to join, with a reason its users will read on /account/status.
import { decideInstitutionAction } from '@/app/admin/actions';
import { INSTITUTION_REASON_MAX, institutionDecisionSchema } from '@/lib/validation/institution';
import { useI18n } from '../i18n-provider';
import { ReasonForm } from '../ui/reason-form';

export function InstitutionRejectForm({ institutionId, institutionName }: { institutionId: string; institutionName: string }) {
  const { t } = useI18n();
  return (
    <ReasonForm
      schema={institutionDecisionSchema}
      action={decideInstitutionAction}
      defaultValues={{ institutionId, action: 'reject', reason: '' }}
      id={`reject-institution-${institutionId}`}
      label={t('admin.rejectReason')}
      hint={t('admin.rejectReasonHint')}
      maxLength={INSTITUTION_REASON_MAX}
      submitLabel={t('admin.rejectConfirm')}
      toggle={{ label: t('admin.reject'), ariaLabel: `${t('admin.reject')}${t('app.colon')}${institutionName}`, cancelLabel: t('admin.cancel') }}
    />
  );
}
