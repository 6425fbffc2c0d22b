'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordRepaymentAction } from '@/app/institution/loans/actions';
import { zoneDay } from '@/lib/dates';
import { errorText } from '@/lib/i18n/translate';
import { repaymentSchema, type Repayment, type RepaymentInput } from '@/lib/validation/loans';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

/** 登记还款: principal and interest in 万元, and the day it was paid. */
export function RepaymentForm({ loanId, outstandingWan }: { loanId: string; outstandingWan: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const empty = (paidOn: string): RepaymentInput => ({ loanId, principalWan: '', interestWan: '0', paidOn });
  const { register, handleSubmit, formState, setError, getValues, reset } = useForm<RepaymentInput, unknown, Repayment>({
    resolver: zodResolver(repaymentSchema),
    defaultValues: empty(zoneDay()),
  });

  async function onSubmit() {
    setFormError(undefined);
    setSaved(false);
    // The typed strings go to the server, which parses them with the same schema.
    const values = getValues();
    const r = await recordRepaymentAction(values);
    if (r.ok) {
      setSaved(true);
      reset(empty(values.paidOn));
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="repayment-title">
      <h3 id="repayment-title" className="font-semibold">
        {t('loans.repaymentForm.title')}
      </h3>
      <FormError message={formError} />
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('loans.repaymentForm.saved')}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="principalWan" label={t('loans.repaymentForm.principal')} hint={t('loans.repaymentForm.hint', { outstanding: outstandingWan })} error={err(e.principalWan)}>
          <input inputMode="decimal" className={inputClass} {...register('principalWan')} />
        </Field>
        <Field id="interestWan" label={t('loans.repaymentForm.interest')} error={err(e.interestWan)}>
          <input inputMode="decimal" className={inputClass} {...register('interestWan')} />
        </Field>
        <Field id="paidOn" label={t('loans.repaymentForm.paidOn')} error={err(e.paidOn)}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('paidOn')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('loans.repaymentForm.saving') : t('loans.repaymentForm.submit')}
      </button>
    </form>
  );
}
