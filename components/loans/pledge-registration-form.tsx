'use client';
import { registerPledgeAction } from '@/app/institution/loans/actions';
import { zoneDay } from '@/lib/core/dates';
import { REGISTRATION_NUMBER_MAX, pledgeRegistrationSchema } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

/**
 * 质押登记: the registration number and date from the IP office. For an approved application's
 * pending pledge (the application page) — disbursement needs the pledge registered.
 */
export function PledgeRegistrationForm({ pledgeId }: { pledgeId: string }) {
  const { t } = useI18n();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(pledgeRegistrationSchema, registerPledgeAction, {
    defaultValues: { pledgeId, registrationNumber: '', registeredOn: zoneDay() },
    onSuccess: () => {
      return t('loans.pledge.registered');
    },
  });

  if (success) return <Alert tone="success">{success}</Alert>;
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`pledge-reg-${pledgeId}`}>
      <h3 id={`pledge-reg-${pledgeId}`} className="font-semibold">
        {t('loans.pledge.register')}
      </h3>
      <p className="text-sm text-slate-700">{t('loans.pledge.registerLead')}</p>
      <Alert>{formError}</Alert>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`registrationNumber-${pledgeId}`} label={t('loans.pledge.registrationNumber')} error={fieldError('registrationNumber')}>
          <input maxLength={REGISTRATION_NUMBER_MAX} className={inputClass} {...register('registrationNumber')} />
        </Field>
        <Field id={`registeredOn-${pledgeId}`} label={t('loans.pledge.registeredOn')} error={fieldError('registeredOn')}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('registeredOn')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('loans.pledge.registerSubmit')}
      </button>
    </form>
  );
}
