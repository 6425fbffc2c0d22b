'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { submitApplicationAction } from '@/app/products/[id]/apply/actions';
import { errorText } from '@/lib/i18n/translate';
import { applicationFormSchema, type ApplicationFormInput } from '@/lib/validation/application';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

export function ApplyForm({
  productId,
  needs,
  assets,
  initial,
  pledge,
}: {
  productId: string;
  needs: { id: string; label: string }[];
  assets: { id: string; label: string }[];
  initial: { needId: string; amountWan: string; termMonths: string };
  pledge: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  // One key per form: a double click or a retried request creates one application.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { register, handleSubmit, formState, setError, getValues } = useForm<ApplicationFormInput, unknown, z.output<typeof applicationFormSchema>>({
    resolver: zodResolver(applicationFormSchema),
    defaultValues: { productId, ipAssetIds: [], idempotencyKey, ...initial },
  });
  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={handleSubmit(async () => {
        setFormError(undefined);
        const r = await submitApplicationAction(getValues());
        if (r.ok) {
          router.push(`/enterprise/applications/${r.data.id}`);
          return;
        }
        const key = applyServerErrors(setError, r);
        if (key) setFormError(errorText(t, key));
      })}
    >
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="amountWan" label={t('applications.amount')} error={err(e.amountWan)}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id="termMonths" label={t('applications.term')} error={err(e.termMonths)}>
          <input inputMode="numeric" className={inputClass} {...register('termMonths')} />
        </Field>
      </div>
      <Field id="needId" label={t('applications.need')} error={err(e.needId)}>
        <select className={inputClass} {...register('needId')}>
          <option value="">{t('applications.noNeed')}</option>
          {needs.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      {pledge && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t('applications.ipAssets')}</legend>
          <p className="text-xs text-slate-600">{t('applications.ipAssetsHint')}</p>
          {assets.map((a) => (
            <label key={a.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={a.id} {...register('ipAssetIds')} />
              {a.label}
            </label>
          ))}
          {e.ipAssetIds && (
            <p role="alert" className="text-sm text-red-700">
              {err(e.ipAssetIds as { message?: string })}
            </p>
          )}
        </fieldset>
      )}
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting || formState.isSubmitSuccessful}>
        {formState.isSubmitting ? t('applications.submitting') : t('applications.submit')}
      </button>
    </form>
  );
}
