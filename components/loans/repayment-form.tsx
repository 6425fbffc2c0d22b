'use client';
import { useRouter } from 'next/navigation';
import { recordRepaymentAction } from '@/app/institution/loans/actions';
import { zoneDay } from '@/lib/core/dates';
import { repaymentSchema, type RepaymentInput } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

/** 登记还款: principal and interest in 万元, and the day it was paid. */
/** `outstanding`: the outstanding principal, to the fen (formatWanExact): the limit the check applies. */
export function RepaymentForm({ loanId, outstanding }: { loanId: string; outstanding: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const empty = (paidOn: string): RepaymentInput => ({ loanId, principalWan: '', interestWan: '0', paidOn });
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(repaymentSchema, recordRepaymentAction, {
    defaultValues: empty(zoneDay()),
    onSuccess: (_, values) => {
      form.reset(empty(values.paidOn));
      router.refresh();
      return t('loans.repaymentForm.saved');
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="repayment-title">
      <h3 id="repayment-title" className="font-semibold">
        {t('loans.repaymentForm.title')}
      </h3>
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id="principalWan"
          label={t('loans.repaymentForm.principal')}
          hint={t('loans.repaymentForm.hint', { outstanding })}
          error={fieldError('principalWan')}
        >
          <input inputMode="decimal" className={inputClass} {...register('principalWan')} />
        </Field>
        <Field id="interestWan" label={t('loans.repaymentForm.interest')} error={fieldError('interestWan')}>
          <input inputMode="decimal" className={inputClass} {...register('interestWan')} />
        </Field>
        <Field id="paidOn" label={t('loans.repaymentForm.paidOn')} error={fieldError('paidOn')}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('paidOn')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('loans.repaymentForm.saving') : t('loans.repaymentForm.submit')}
      </button>
    </form>
  );
}
