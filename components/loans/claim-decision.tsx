'use client';
import { useState, useTransition } from 'react';
import { decideClaimAction, payClaimAction } from '@/app/admin/schemes/actions';
import { errorText } from '@/lib/i18n/translate';
import { claimDecisionSchema, REASON_MAX } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { FieldError, secondaryButtonClass } from '../ui/field';
import { ReasonForm } from '../ui/reason-form';

/** One claim in the admins' queue: approve or reject (with a reason) a filed claim; pay an approved one. */
export function ClaimDecision({
  claimId,
  status,
  schemeName,
  subject,
}: {
  claimId: string;
  status: 'filed' | 'approved';
  schemeName: string;
  subject: string;
}) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();

  const run = (call: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(undefined);
      const r = await call();
      if (!r.ok) setError(errorText(t, r.error));
    });

  if (status === 'filed')
    return (
      <ReasonForm
        schema={claimDecisionSchema}
        action={decideClaimAction}
        defaultValues={{ claimId, decision: 'reject', reason: '' }}
        id={`reject-claim-${claimId}`}
        label={t('loans.admin.reason')}
        maxLength={REASON_MAX}
        rows={2}
        submitLabel={t('loans.admin.confirmReject')}
        toggle={{ label: t('loans.admin.reject'), ariaLabel: `${t('loans.admin.reject')}${t('app.colon')}${subject}`, cancelLabel: t('loans.admin.cancel') }}
        actions={(busy) => (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={pending || busy}
            aria-label={`${t('loans.admin.approve')}${t('app.colon')}${subject}`}
            onClick={() => run(() => decideClaimAction({ claimId, decision: 'approve', reason: '' }))}
          >
            {t('loans.admin.approve')}
          </button>
        )}
        busy={pending}
        error={error}
        className="w-full space-y-2"
      />
    );
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${t('loans.admin.pay')}${t('app.colon')}${subject}`}
        onClick={() => {
          if (window.confirm(t('loans.admin.payConfirm', { scheme: schemeName }))) run(() => payClaimAction({ claimId }));
        }}
      >
        {t('loans.admin.pay')}
      </button>
      <FieldError message={error} />
    </div>
  );
}
