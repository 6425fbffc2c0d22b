'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { decideClaimAction, payClaimAction } from '@/app/admin/schemes/actions';
import { errorText } from '@/lib/i18n/translate';
import { claimDecisionSchema, REASON_MAX, type ClaimDecisionInput } from '@/lib/validation/loans';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { Field, inputClass, secondaryButtonClass } from '../ui/field';

/** One claim in the admins' queue: approve or reject (with a reason) a filed claim; pay an approved one. */
export function ClaimDecision({ claimId, status, schemeName, subject }: { claimId: string; status: 'filed' | 'approved'; schemeName: string; subject: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string>();
  const rejectButton = useRef<HTMLButtonElement>(null);
  const { register, handleSubmit, formState, setError: setFieldError, setFocus, reset, getValues } = useForm<ClaimDecisionInput>({
    resolver: zodResolver(claimDecisionSchema),
    defaultValues: { claimId, decision: 'reject', reason: '' },
  });
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

  async function onReject() {
    setError(undefined);
    const r = await decideClaimAction(getValues());
    if (r.ok) {
      router.refresh();
      return;
    }
    const key = applyServerErrors(setFieldError, r);
    if (key) setError(errorText(t, key));
  }

  const busy = pending || formState.isSubmitting;
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {status === 'filed' && (
          <>
            <button type="button" className={secondaryButtonClass} disabled={busy} aria-label={`${t('loans.admin.approve')}：${subject}`} onClick={() => run(() => decideClaimAction({ claimId, decision: 'approve', reason: '' }))}>
              {t('loans.admin.approve')}
            </button>
            <button
              ref={rejectButton}
              type="button"
              className={secondaryButtonClass}
              disabled={busy}
              aria-label={`${t('loans.admin.reject')}：${subject}`}
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
            aria-label={`${t('loans.admin.pay')}：${subject}`}
            onClick={() => {
              if (window.confirm(t('loans.admin.payConfirm', { scheme: schemeName }))) run(() => payClaimAction({ claimId }));
            }}
          >
            {t('loans.admin.pay')}
          </button>
        )}
      </div>
      {rejecting && (
        <form id={formId} onSubmit={handleSubmit(onReject)} noValidate className="w-full space-y-2">
          <Field id={`reason-${claimId}`} label={t('loans.admin.reason')} error={formState.errors.reason ? errorText(t, formState.errors.reason.message) : undefined}>
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
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
