'use client';
import { useRouter } from 'next/navigation';
import { publishWeightSetAction } from '@/app/admin/weights/actions';
import { weightSetPublishSchema } from '@/lib/validation/innovation';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function PublishWeightsForm({ initial }: { initial: { name: string; weightsJson: string } }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(weightSetPublishSchema, publishWeightSetAction, {
    defaultValues: initial,
    onSuccess: (data) => {
      router.refresh();
      return t('score.published', { version: data.version });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <Field id="name" label={t('score.weightsName')} error={fieldError('name')}>
        <input className={inputClass} {...form.register('name')} />
      </Field>
      <Field id="weightsJson" label={t('score.weightsJson')} error={fieldError('weightsJson')}>
        <textarea rows={18} className={`${inputClass} font-mono text-xs`} spellCheck={false} {...form.register('weightsJson')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('score.publish')}
      </button>
    </form>
  );
}
