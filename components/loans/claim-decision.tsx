'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { decideClaimAction, payClaimAction } from '@/app/admin/schemes/actions';
import { errorText } from '@/lib/i18n/translate';
import { claimDecisionSchema, REASON_MAX } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { FieldError, Field, inputClass, secondaryButtonClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

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
  const router = useRouter();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const {
    form,
    onSubmit,
    formError: error,
    setFormError: setError,
    fieldError,
    pending: submitting,
  } = useActionForm(claimDecisionSchema, decideClaimAction, {
    defaultValues: { claimId, decision: 'reject', reason: '' },
    onSuccess: () => router.refresh(),
  });
  const { register, setFocus, reset } = form;
  const formId = `reject-claim-${claimId}`;

  useEffect(() => {
    if (rejecting) setFocus('reason');
  }, [rejecting, setFocus]);

  const run = (call: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(undefined);
      const r = await call();
      if (r.ok) router.refresh();
      else setError(errorText(t, r.error));
    });

  const busy = pending || submitting;
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {status === 'filed' && (
          <>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={busy}
              aria-label={`${t('loans.admin.approve')}${t('app.colon')}${subject}`}
              onClick={() => run(() => decideClaimAction({ claimId, decision: 'approve', reason: '' }))}
            >
              {t('loans.admin.approve')}
            </button>
            <button
              ref={rejectButton}
              type="button"
              className={secondaryButtonClass}
              disabled={busy}
              aria-label={`${t('loans.admin.reject')}${t('app.colon')}${subject}`}
              aria-expanded={rejecting}
              aria-controls={formId}
              onClick={() => {
                if (rejecting) {
                  setRejecting(false);
                  reset();
                } else setRejecting(true);
              }}
            >
              {t('loans.admin.reject')}
            </button>
          </>
        )}
        {status === 'approved' && (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={busy}
            aria-label={`${t('loans.admin.pay')}${t('app.colon')}${subject}`}
            onClick={() => {
              if (window.confirm(t('loans.admin.payConfirm', { scheme: schemeName }))) run(() => payClaimAction({ claimId }));
            }}
          >
            {t('loans.admin.pay')}
          </button>
        )}
      </div>
      {rejecting && (
        <form id={formId} onSubmit={onSubmit} noValidate className="w-full space-y-2">
          <Field id={`reason-${claimId}`} label={t('loans.admin.reason')} error={fieldError('reason')}>
            <textarea rows={2} maxLength={REASON_MAX} className={inputClass} {...register('reason')} />
          </Field>
          <div className="flex gap-2">
            <button type="submit" className={secondaryButtonClass} disabled={busy}>
              {t('loans.admin.confirmReject')}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                setRejecting(false);
                reset();
                rejectButton.current?.focus();
              }}
            >
              {t('loans.admin.cancel')}
            </button>
          </div>
        </form>
      )}
      <FieldError message={error} />
    </div>
  );
}
