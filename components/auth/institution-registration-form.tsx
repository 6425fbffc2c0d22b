'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { registerInstitutionAction } from '@/app/(auth)/register/actions';
import { errorText } from '@/lib/i18n/translate';
import { registrationErrorText } from '@/lib/registration-limit';
import { INSTITUTION_KINDS, institutionRegistrationSchema, type InstitutionRegistration, type InstitutionRegistrationInput } from '@/lib/validation/auth';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';
import { applyServerErrors } from './use-server-errors';

export function InstitutionRegistrationForm() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues } = useForm<InstitutionRegistrationInput, unknown, InstitutionRegistration>({
    resolver: zodResolver(institutionRegistrationSchema),
    defaultValues: { uscc: '', name: '', kind: '' as InstitutionRegistrationInput['kind'], contactName: '', contactPhone: '', email: '', password: '', passwordConfirm: '' },
  });

  async function onSubmit() {
    setFormError(undefined);
    const result = await registerInstitutionAction(getValues());
    if (result.ok) {
      router.push('/login?registered=institution');
      return;
    }
    const key = applyServerErrors(setError, result);
    if (key) setFormError(registrationErrorText(t, locale, key, result.vars));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="name" label={t('register.institutionName')} error={err(e.name)}>
        <input className={inputClass} autoComplete="organization" {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label={t('register.institutionKind')} error={err(e.kind)}>
          <select className={inputClass} {...register('kind')}>
            <option value="">{t('register.select')}</option>
            {INSTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`institutionKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="uscc" label={t('register.uscc')} hint={t('register.usccHint')} error={err(e.uscc)}>
          <input className={`${inputClass} font-mono uppercase`} autoComplete="off" maxLength={30} {...register('uscc')} />
        </Field>
        <Field id="contactName" label={t('register.contactName')} error={err(e.contactName)}>
          <input className={inputClass} autoComplete="name" {...register('contactName')} />
        </Field>
        <Field id="contactPhone" label={t('register.contactPhone')} error={err(e.contactPhone)}>
          <input type="tel" className={inputClass} autoComplete="tel" {...register('contactPhone')} />
        </Field>
      </div>
      <Field id="email" label={t('register.email')} error={err(e.email)}>
        <input type="email" className={inputClass} autoComplete="email" {...register('email')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="password" label={t('register.password')} error={err(e.password)}>
          <input type="password" className={inputClass} autoComplete="new-password" {...register('password')} />
        </Field>
        <Field id="passwordConfirm" label={t('register.passwordConfirm')} error={err(e.passwordConfirm)}>
          <input type="password" className={inputClass} autoComplete="new-password" {...register('passwordConfirm')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
