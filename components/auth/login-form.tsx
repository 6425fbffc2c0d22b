'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorText } from '@/lib/i18n/translate';
import { signInSchema, type SignInInput } from '@/lib/validation/auth';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  async function onSubmit(values: SignInInput) {
    setFormError(undefined);
    const res = await signIn('credentials', { redirect: false, email: values.email, password: values.password });
    if (res?.ok && !res.error) {
      // The server decides where to land (the status page for an organisation that may not act).
      router.replace(callbackUrl ? `/after-sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/after-sign-in');
      router.refresh();
      return;
    }
    const error = res?.error ?? '';
    if (error.startsWith('rate_limited:')) {
      const at = new Date(error.slice('rate_limited:'.length));
      const time = at.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
      setFormError(t('login.rateLimited', { time }));
    } else if (error === 'disabled') setFormError(t('login.disabled'));
    else setFormError(t('login.invalid'));
  }

  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="email" label={t('login.email')} error={e.email && errorText(t, e.email.message)}>
        <input type="email" autoComplete="username" className={inputClass} {...register('email')} />
      </Field>
      <Field id="password" label={t('login.password')} error={e.password && errorText(t, e.password.message)}>
        <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
