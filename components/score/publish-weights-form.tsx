'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { publishWeightSetAction } from '@/app/admin/weights/actions';
import { errorText } from '@/lib/i18n/translate';
import { weightSetPublishSchema } from '@/lib/validation/innovation';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

type Values = { name: string; weightsJson: string };

export function PublishWeightsForm({ initial }: { initial: Values }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<number>();
  const { register, handleSubmit, formState, setError, getValues } = useForm<Values>({ resolver: zodResolver(weightSetPublishSchema), defaultValues: initial });
  async function onSubmit() {
    setFormError(undefined);
    const r = await publishWeightSetAction(getValues());
    if (r.ok) {
      setDone(r.data.version);
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={formError} />
      {done !== undefined && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('score.published', { version: done })}
        </p>
      )}
      <Field id="name" label={t('score.weightsName')} error={e.name && errorText(t, e.name.message)}>
        <input className={inputClass} {...register('name')} />
      </Field>
      <Field id="weightsJson" label={t('score.weightsJson')} error={e.weightsJson && errorText(t, e.weightsJson.message)}>
        <textarea rows={18} className={`${inputClass} font-mono text-xs`} spellCheck={false} {...register('weightsJson')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t('score.publish')}
      </button>
    </form>
  );
}
