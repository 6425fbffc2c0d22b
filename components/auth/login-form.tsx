'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { signInSchema, type SignInInput } from '@/lib/validation/auth';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm, type ActionOutcome } from '../ui/use-action-form';

/** next-auth's sign-in as an action result: its error ('rate_limited:<until>', 'disabled', …) is the key. */
export async function signInAction(values: SignInInput): Promise<ActionOutcome<undefined>> {
  const res = await signIn('credentials', { redirect: false, email: values.email, password: values.password });
  return res?.ok && !res.error ? { ok: true, data: undefined } : { ok: false, error: res?.error ?? '' };
}

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(signInSchema, signInAction, {
    defaultValues: { email: '', password: '' },
    onSuccess: () => {
      // The server decides where to land (the status page for an organisation that may not act).
      router.replace(callbackUrl ? `/after-sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/after-sign-in');
      router.refresh();
    },
    describe: (t, error) => {
      if (error.startsWith('rate_limited:')) {
        const at = new Date(error.slice('rate_limited:'.length));
        const time = at.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
        return t('login.rateLimited', { time });
      }
      return error === 'disabled' ? t('login.disabled') : t('login.invalid');
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{formError}</Alert>
      <Field id="email" label={t('login.email')} error={fieldError('email')}>
        <input type="email" autoComplete="username" className={inputClass} {...register('email')} />
      </Field>
      <Field id="password" label={t('login.password')} error={fieldError('password')}>
        <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
