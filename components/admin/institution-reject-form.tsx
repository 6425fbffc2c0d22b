'use client';
// Reject an institution's application to join, with a reason its users will read on /account/status.
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { decideInstitutionAction } from '@/app/admin/actions';
import { errorText } from '@/lib/i18n/translate';
import { INSTITUTION_REASON_MAX, institutionDecisionSchema, type InstitutionDecision, type InstitutionDecisionInput } from '@/lib/validation/institution';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { Field, inputClass, secondaryButtonClass } from '../ui/field';

const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60';

export function InstitutionRejectForm({ institutionId, institutionName }: { institutionId: string; institutionName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  const { register, handleSubmit, formState, setError, setFocus, reset } = useForm<InstitutionDecisionInput, unknown, InstitutionDecision>({
    resolver: zodResolver(institutionDecisionSchema),
    defaultValues: { institutionId, action: 'reject', reason: '' },
  });
  const formId = `reject-institution-${institutionId}`;

  useEffect(() => {
    if (open) setFocus('reason');
  }, [open, setFocus]);

  function cancel() {
    setOpen(false);
    setFormError(undefined);
    reset();
    toggle.current?.focus();
  }

  async function onSubmit(values: InstitutionDecision) {
    setFormError(undefined);
    const r = await decideInstitutionAction(values);
    if (r.ok) {
      setOpen(false);
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }

  const reasonError = formState.errors.reason?.message;
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        ref={toggle}
        type="button"
        className={secondaryButtonClass}
        disabled={formState.isSubmitting}
        aria-label={`${t('admin.reject')}：${institutionName}`}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => (open ? cancel() : setOpen(true))}
      >
        {t('admin.reject')}
      </button>
      {open && (
        <form
          id={formId}
          noValidate
          className="w-72 max-w-full space-y-2"
          onSubmit={handleSubmit(onSubmit)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <Field id={`reason-${institutionId}`} label={t('admin.rejectReason')} hint={t('admin.rejectReasonHint')} error={reasonError ? errorText(t, reasonError) : undefined}>
            <textarea rows={3} maxLength={INSTITUTION_REASON_MAX} className={inputClass} {...register('reason')} />
          </Field>
          <div className="flex gap-2">
            <button type="submit" className={dangerButtonClass} disabled={formState.isSubmitting}>
              {t('admin.rejectConfirm')}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={cancel}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      )}
      {formError && (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
    </div>
  );
}
