'use client';
// Reject an institution's application to join, with a reason its users will read on /account/status.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { decideInstitutionAction } from '@/app/admin/actions';
import { INSTITUTION_REASON_MAX, institutionDecisionSchema } from '@/lib/validation/institution';
import { useI18n } from '../i18n-provider';
import { Field, FieldError, inputClass, secondaryButtonClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60';

export function InstitutionRejectForm({ institutionId, institutionName }: { institutionId: string; institutionName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { form, onSubmit, formError, setFormError, fieldError, pending } = useActionForm(institutionDecisionSchema, decideInstitutionAction, {
    defaultValues: { institutionId, action: 'reject', reason: '' },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const { register, setFocus, reset } = form;
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

  return (
    <div className="flex flex-col items-start gap-2">
      <button
        ref={toggle}
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${t('admin.reject')}${t('app.colon')}${institutionName}`}
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
          onSubmit={onSubmit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <Field id={`reason-${institutionId}`} label={t('admin.rejectReason')} hint={t('admin.rejectReasonHint')} error={fieldError('reason')}>
            <textarea rows={3} maxLength={INSTITUTION_REASON_MAX} className={inputClass} {...register('reason')} />
          </Field>
          <div className="flex gap-2">
            <button type="submit" className={dangerButtonClass} disabled={pending}>
              {t('admin.rejectConfirm')}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={cancel}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      )}
      <FieldError message={formError} />
    </div>
  );
}
