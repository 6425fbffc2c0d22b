'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { decideCertificationAction, decideEnterpriseAction } from '@/app/admin/verification/actions';
import { errorText } from '@/lib/i18n/translate';
import { REASON_MAX, verificationDecisionSchema } from '@/lib/validation/verification';
import { useI18n } from '../i18n-provider';
import { Field, FieldError, inputClass, secondaryButtonClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60';

/** Verify, or reject with a reason the enterprise will read, one queue row. */
export function VerificationDecision({ entity, id, subject }: { entity: 'enterprise' | 'certification'; id: string; subject: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const decide = entity === 'enterprise' ? decideEnterpriseAction : decideCertificationAction;
  const {
    form,
    onSubmit,
    formError,
    setFormError,
    fieldError,
    pending: submitting,
  } = useActionForm(verificationDecisionSchema, decide, {
    defaultValues: { id, action: 'reject', reason: '' },
    onSuccess: () => router.refresh(),
  });
  const { register, setFocus, reset } = form;
  const formId = `reject-${id}`;

  useEffect(() => {
    if (rejecting) setFocus('reason');
  }, [rejecting, setFocus]);

  function cancel() {
    setRejecting(false);
    setFormError(undefined);
    reset();
    rejectButton.current?.focus();
  }

  function verify() {
    setFormError(undefined);
    start(async () => {
      const r = await decide({ id, action: 'verify' });
      if (r.ok) router.refresh();
      else setFormError(errorText(t, r.error));
    });
  }

  const busy = pending || submitting;
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex gap-2 whitespace-nowrap">
        <button type="button" className={secondaryButtonClass} disabled={busy} aria-label={`${t('verify.verify')}${t('app.colon')}${subject}`} onClick={verify}>
          {t('verify.verify')}
        </button>
        <button
          ref={rejectButton}
          type="button"
          className={secondaryButtonClass}
          disabled={busy}
          aria-label={`${t('verify.reject')}${t('app.colon')}${subject}`}
          aria-expanded={rejecting}
          aria-controls={formId}
          onClick={() => (rejecting ? cancel() : setRejecting(true))}
        >
          {t('verify.reject')}
        </button>
      </div>
      {rejecting && (
        <form
          id={formId}
          noValidate
          className="w-72 max-w-full space-y-2"
          onSubmit={onSubmit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <Field id={`reason-${id}`} label={t('verify.reason')} hint={t('verify.reasonHint')} error={fieldError('reason')}>
            <textarea rows={3} maxLength={REASON_MAX} className={inputClass} {...register('reason')} />
          </Field>
          <div className="flex gap-2">
            <button type="submit" className={dangerButtonClass} disabled={busy}>
              {t('verify.rejectConfirm')}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={cancel}>
              {t('verify.cancel')}
            </button>
          </div>
        </form>
      )}
      <FieldError message={formError} />
    </div>
  );
}
