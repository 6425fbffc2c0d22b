'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createNeedAction, updateNeedAction } from '@/app/enterprise/needs/actions';
import { GUARANTEE_METHODS } from '@/lib/domain';
import { errorText } from '@/lib/i18n/translate';
import { NEED_PURPOSES, needFormSchema, type NeedForm as NeedFormOutput, type NeedFormInput } from '@/lib/validation/need';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

export interface AssetOption {
  id: string;
  kind: string;
  number: string;
  title: string;
  status: string;
}

export function NeedForm({ needId, initial, assets }: { needId?: string; initial: NeedFormInput; assets: AssetOption[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues } = useForm<NeedFormInput, unknown, NeedFormOutput>({
    resolver: zodResolver(needFormSchema),
    defaultValues: initial,
  });

  async function onSubmit() {
    setFormError(undefined);
    const values = getValues();
    const result = needId ? await updateNeedAction(needId, values) : await createNeedAction(values);
    if (result.ok) {
      // A new need opens on its own page, where the matching products are; an edit stays there.
      router.push(`/enterprise/needs/${result.data.id}`);
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, result);
    if (key) setFormError(errorText(t, key));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="amountWan" label={t('needs.amount')} error={err(e.amountWan)}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id="termMonths" label={t('needs.term')} error={err(e.termMonths)}>
          <input inputMode="numeric" className={inputClass} {...register('termMonths')} />
        </Field>
        <Field id="purpose" label={t('needs.purpose')} error={err(e.purpose)}>
          <select className={inputClass} {...register('purpose')}>
            <option value="">{t('register.select')}</option>
            {NEED_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`needs.purposes.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="maxRate" label={t('needs.maxRate')} hint={t('needs.maxRateHint')} error={err(e.maxRate)}>
          <input inputMode="decimal" className={inputClass} {...register('maxRate')} />
        </Field>
        <Field id="wantedBy" label={t('needs.wantedBy')} hint={t('needs.wantedByHint')} error={err(e.wantedBy)}>
          <input type="date" className={inputClass} {...register('wantedBy')} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t('needs.guarantee')}</legend>
        <div className="flex flex-wrap gap-x-4">
          {GUARANTEE_METHODS.map((g) => (
            <label key={g} className="flex items-center gap-1 text-sm">
              <input type="checkbox" value={g} {...register('guaranteeMethods')} />
              {t(`guaranteeMethods.${g}`)}
            </label>
          ))}
        </div>
        {e.guaranteeMethods && (
          <p role="alert" className="text-sm text-red-700">
            {err(e.guaranteeMethods)}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t('needs.ipAssets')}</legend>
        {assets.length === 0 ? (
          <p className="text-sm text-slate-600">{t('needs.noIpAssets')}</p>
        ) : (
          <div className="flex flex-col gap-1">
            {assets.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={a.id} {...register('ipAssetIds')} />
                <span className="font-mono">{a.number}</span> {a.title}
              </label>
            ))}
          </div>
        )}
        {e.ipAssetIds && (
          <p role="alert" className="text-sm text-red-700">
            {err(e.ipAssetIds as { message?: string })}
          </p>
        )}
      </fieldset>
      <Field id="description" label={t('needs.description')} error={err(e.description)}>
        <textarea rows={3} className={inputClass} {...register('description')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('needs.saving') : needId ? t('needs.update') : t('needs.save')}
      </button>
    </form>
  );
}
