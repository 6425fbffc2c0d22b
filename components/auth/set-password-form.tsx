'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { setPasswordAction } from '@/app/set-password/actions';
import { errorText } from '@/lib/i18n/translate';
import { setPasswordSchema, type SetPasswordInput } from '@/lib/validation/profile';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';
import { applyServerErrors } from './use-server-errors';

export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues } = useForm<SetPasswordInput, unknown, z.output<typeof setPasswordSchema>>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: '', passwordConfirm: '' },
  });
  const e = formState.errors;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit(async () => {
        setFormError(undefined);
        const r = await setPasswordAction(getValues());
        if (r.ok) {
          router.push('/login?registered=password');
          return;
        }
        const key = applyServerErrors(setError, r);
        setFormError(errorText(t, r.fieldErrors?.token ?? key));
      })}
    >
      <FormError message={formError ?? (e.token ? errorText(t, e.token.message) : undefined)} />
      <Field id="password" label={t('register.password')} error={e.password && errorText(t, e.password.message)}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('password')} />
      </Field>
      <Field id="passwordConfirm" label={t('register.passwordConfirm')} error={e.passwordConfirm && errorText(t, e.passwordConfirm.message)}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('passwordConfirm')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t('profile.setPassword')}
      </button>
    </form>
  );
}
