'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fileClaimAction } from '@/app/institution/loans/actions';
import { errorText } from '@/lib/i18n/translate';
import { claimFilingSchema, type ClaimFiling, type ClaimFilingInput } from '@/lib/validation/loans';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

/** 补偿申请 for a defaulted loan enrolled in a scheme; the loss defaults to the outstanding principal. */
export function ClaimForm({ loanId, outstandingWan }: { loanId: string; outstandingWan: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues } = useForm<ClaimFilingInput, unknown, ClaimFiling>({
    resolver: zodResolver(claimFilingSchema),
    defaultValues: { loanId, lossWan: outstandingWan },
  });

  async function onSubmit() {
    setFormError(undefined);
    const r = await fileClaimAction(getValues());
    if (r.ok) {
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="claim-title">
      <h3 id="claim-title" className="font-semibold">
        {t('loans.claims.file')}
      </h3>
      <p className="text-sm text-slate-700">{t('loans.claims.fileLead')}</p>
      <FormError message={formError} />
      <Field id="lossWan" label={t('loans.claims.loss')} hint={t('loans.claims.lossHint', { outstanding: outstandingWan })} error={formState.errors.lossWan ? errorText(t, formState.errors.lossWan.message) : undefined}>
        <input inputMode="decimal" className={inputClass} {...register('lossWan')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t('loans.claims.submit')}
      </button>
    </form>
  );
}
