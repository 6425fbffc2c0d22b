'use client';
import { useRouter } from 'next/navigation';
import { setPasswordAction } from '@/app/set-password/actions';
import { setPasswordSchema } from '@/lib/validation/profile';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  // The token is no field the user can fix: its error is the form's.
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(setPasswordSchema, setPasswordAction, {
    defaultValues: { token, password: '', passwordConfirm: '' },
    onSuccess: () => router.push('/login?registered=password'),
  });
  const { register } = form;
  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit}>
      <Alert>{fieldError('token') ?? formError}</Alert>
      <Field id="password" label={t('register.password')} error={fieldError('password')}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('password')} />
      </Field>
      <Field id="passwordConfirm" label={t('register.passwordConfirm')} error={fieldError('passwordConfirm')}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('passwordConfirm')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('profile.setPassword')}
      </button>
    </form>
  );
}
