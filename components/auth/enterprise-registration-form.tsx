'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { registerEnterpriseAction } from '@/app/(auth)/register/actions';
import { registrationErrorText, usccCheckText } from '@/lib/enterprises/registration-limit';
import { suggestPark, usccOutsideZone } from '@/lib/enterprises/parks';
import { checkUscc } from '@/lib/enterprises/uscc';
import { enterpriseRegistrationSchema, type EnterpriseRegistrationInput } from '@/lib/validation/auth';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';
import { signInAction } from './login-form';

export interface ParkOption {
  id: number;
  name: string;
  districtCode: string;
}

export function EnterpriseRegistrationForm({ parks }: { parks: ParkOption[] }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(enterpriseRegistrationSchema, registerEnterpriseAction, {
    describe: (t, key, vars) => registrationErrorText(t, locale, key, vars),
    // Signed in with what was just typed, straight to the enterprise's first steps; should the sign-in
    // be refused (its limits), the sign-in page says the registration worked.
    onSuccess: async (_data, values) => {
      const signedIn = await signInAction({ email: values.email, password: values.password });
      if (!signedIn.ok) return router.push('/login?registered=enterprise');
      router.replace('/after-sign-in');
      router.refresh();
    },
    defaultValues: {
      uscc: '',
      confirmAsPrinted: false,
      name: '',
      parkId: '',
      industry: '' as EnterpriseRegistrationInput['industry'],
      foundedOn: '',
      registeredCapitalWan: '',
      employees: '',
      contactName: '',
      email: '',
      password: '',
      passwordConfirm: '',
    },
  });
  const { register, setValue, control, getValues } = form;
  const uscc = useWatch({ control, name: 'uscc' });
  const usccState = uscc && uscc.replace(/\s/g, '').length >= 18 ? checkUscc(uscc) : null;
  const checkFailed = usccState !== null && !usccState.ok && usccState.error === 'check';
  // A wrong check character names the one the first 17 characters call for (docs/domain.md).
  const usccError = usccCheckText(t, form.formState.errors.uscc?.message, uscc ?? '', true) ?? fieldError('uscc');
  const suggested = usccState && (usccState.ok || usccState.error === 'check') ? suggestPark(parks, usccState.districtCode) : null;
  // A code issued outside the zone's cities may register; it is flagged for the admin who verifies it.
  const outsideZone = usccState !== null && (usccState.ok || usccState.error === 'check') && usccOutsideZone(uscc, parks);

  useEffect(() => {
    if (suggested && !getValues('parkId')) setValue('parkId', String(suggested.id));
  }, [suggested, getValues, setValue]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{formError}</Alert>
      <Field id="uscc" label={t('register.uscc')} hint={t('register.usccHint')} error={usccError}>
        <input className={`${inputClass} font-mono uppercase`} autoComplete="off" maxLength={30} {...register('uscc')} />
      </Field>
      {outsideZone && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="uscc-outside-zone">
          {t('register.outsideZone')}
        </p>
      )}
      {checkFailed && (
        <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <input type="checkbox" className="mt-1" {...register('confirmAsPrinted')} />
          <span>{t('register.usccConfirm')}</span>
        </label>
      )}
      <Field id="name" label={t('register.enterpriseName')} error={fieldError('name')}>
        <input className={inputClass} autoComplete="organization" {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="parkId"
          label={t('register.park')}
          hint={suggested ? t('register.parkSuggested', { park: suggested.name }) : undefined}
          error={fieldError('parkId')}
        >
          <select className={inputClass} {...register('parkId')}>
            <option value="">{t('register.select')}</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="industry" label={t('register.industry')} error={fieldError('industry')}>
          <select className={inputClass} {...register('industry')}>
            <option value="">{t('register.select')}</option>
            {INDUSTRY_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`industries.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="foundedOn" label={t('register.foundedOn')} error={fieldError('foundedOn')}>
          <input type="date" className={inputClass} {...register('foundedOn')} />
        </Field>
        <Field id="registeredCapitalWan" label={t('register.registeredCapital')} error={fieldError('registeredCapitalWan')}>
          <input inputMode="decimal" className={inputClass} {...register('registeredCapitalWan')} />
        </Field>
        <Field id="employees" label={t('register.employees')} error={fieldError('employees')}>
          <input inputMode="numeric" className={inputClass} {...register('employees')} />
        </Field>
        <Field id="contactName" label={t('register.contactName')} error={fieldError('contactName')}>
          <input className={inputClass} autoComplete="name" {...register('contactName')} />
        </Field>
      </div>
      <Field id="email" label={t('register.email')} error={fieldError('email')}>
        <input type="email" className={inputClass} autoComplete="email" {...register('email')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="password" label={t('register.password')} error={fieldError('password')}>
          <input type="password" className={inputClass} autoComplete="new-password" {...register('password')} />
        </Field>
        <Field id="passwordConfirm" label={t('register.passwordConfirm')} error={fieldError('passwordConfirm')}>
          <input type="password" className={inputClass} autoComplete="new-password" {...register('passwordConfirm')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
