'use client';
import { fileClaimAction } from '@/app/institution/loans/actions';
import { claimFilingSchema } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

/** 补偿申请 for a defaulted loan enrolled in a scheme; the loss defaults to the outstanding principal. */
/** `outstandingWan`: the loss's starting value (an input); `outstanding`: the limit the check applies, to the fen (formatWanExact). */
export function ClaimForm({ loanId, outstandingWan, outstanding }: { loanId: string; outstandingWan: string; outstanding: string }) {
  const { t } = useI18n();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(claimFilingSchema, fileClaimAction, {
    defaultValues: { loanId, lossWan: outstandingWan },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="claim-title">
      <h3 id="claim-title" className="font-semibold">
        {t('loans.claims.file')}
      </h3>
      <p className="text-sm text-slate-700">{t('loans.claims.fileLead')}</p>
      <Alert>{formError}</Alert>
      <Field id="lossWan" label={t('loans.claims.loss')} hint={t('loans.claims.lossHint', { outstanding })} error={fieldError('lossWan')}>
        <input inputMode="decimal" className={inputClass} {...form.register('lossWan')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('loans.claims.submit')}
      </button>
    </form>
  );
}
