'use client';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { registerInstitutionAction } from '@/app/(auth)/register/actions';
import { registrationErrorText, usccCheckText } from '@/lib/enterprises/registration-limit';
import { INSTITUTION_KINDS, institutionRegistrationSchema, type InstitutionRegistrationInput } from '@/lib/validation/auth';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function InstitutionRegistrationForm() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(institutionRegistrationSchema, registerInstitutionAction, {
    describe: (t, key, vars) => registrationErrorText(t, locale, key, vars),
    onSuccess: () => router.push('/login?registered=institution'),
    defaultValues: {
      uscc: '',
      name: '',
      kind: '' as InstitutionRegistrationInput['kind'],
      contactName: '',
      contactPhone: '',
      email: '',
      password: '',
      passwordConfirm: '',
    },
  });
  const { register, control } = form;
  // A wrong check character names the one the first 17 characters call for (docs/domain.md).
  const uscc = useWatch({ control, name: 'uscc' });
  const usccError = usccCheckText(t, form.formState.errors.uscc?.message, uscc ?? '', false) ?? fieldError('uscc');

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{formError}</Alert>
      <Field id="name" label={t('register.institutionName')} error={fieldError('name')}>
        <input className={inputClass} autoComplete="organization" {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label={t('register.institutionKind')} error={fieldError('kind')}>
          <select className={inputClass} {...register('kind')}>
            <option value="">{t('register.select')}</option>
            {INSTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`institutionKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="uscc" label={t('register.uscc')} hint={t('register.usccHint')} error={usccError}>
          <input className={`${inputClass} font-mono uppercase`} autoComplete="off" maxLength={30} {...register('uscc')} />
        </Field>
        <Field id="contactName" label={t('register.contactName')} error={fieldError('contactName')}>
          <input className={inputClass} autoComplete="name" {...register('contactName')} />
        </Field>
        <Field id="contactPhone" label={t('register.contactPhone')} error={fieldError('contactPhone')}>
          <input type="tel" className={inputClass} autoComplete="tel" {...register('contactPhone')} />
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
