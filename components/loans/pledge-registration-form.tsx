'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { registerPledgeAction } from '@/app/institution/loans/actions';
import { zoneDay } from '@/lib/dates';
import { errorText } from '@/lib/i18n/translate';
import { REGISTRATION_NUMBER_MAX, pledgeRegistrationSchema, type PledgeRegistration, type PledgeRegistrationInput } from '@/lib/validation/loans';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

/**
 * 质押登记: the registration number and date from the IP office. For an approved application's
 * pending pledge (the application page) — disbursement needs the pledge registered.
 */
export function PledgeRegistrationForm({ pledgeId }: { pledgeId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setError, getValues } = useForm<PledgeRegistrationInput, unknown, PledgeRegistration>({
    resolver: zodResolver(pledgeRegistrationSchema),
    defaultValues: { pledgeId, registrationNumber: '', registeredOn: zoneDay() },
  });

  async function onSubmit() {
    setFormError(undefined);
    const r = await registerPledgeAction(getValues());
    if (r.ok) {
      setDone(true);
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }

  if (done) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        {t('loans.pledge.registered')}
      </p>
    );
  }
  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3" aria-labelledby={`pledge-reg-${pledgeId}`}>
      <h3 id={`pledge-reg-${pledgeId}`} className="font-semibold">
        {t('loans.pledge.register')}
      </h3>
      <p className="text-sm text-slate-700">{t('loans.pledge.registerLead')}</p>
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`registrationNumber-${pledgeId}`} label={t('loans.pledge.registrationNumber')} error={err(e.registrationNumber)}>
          <input maxLength={REGISTRATION_NUMBER_MAX} className={inputClass} {...register('registrationNumber')} />
        </Field>
        <Field id={`registeredOn-${pledgeId}`} label={t('loans.pledge.registeredOn')} error={err(e.registeredOn)}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('registeredOn')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t('loans.pledge.registerSubmit')}
      </button>
    </form>
  );
}
