'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createIpAssetAction, updateIpAssetAction } from '@/app/enterprise/ip/actions';
import { errorText, type Translate } from '@/lib/i18n/translate';
import { checkPatentNumber } from '@/lib/patent-number';
import { IP_KINDS, ipAssetFormSchema, isPatentKind, type IpAssetForm as IpAssetFormOutput, type IpAssetFormInput } from '@/lib/validation/ip-asset';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

/** A key of this area ('ipAssets.errors.x', with variables) or a shared one ('required'). */
function ipErrorText(t: Translate, key: string | undefined, vars?: Record<string, string>): string {
  return key?.includes('.') ? t(key, vars) : errorText(t, key);
}

function numberLabel(t: Translate, kind: string): string {
  if (isPatentKind(kind)) return t('ipAssets.numberLabels.patent');
  if (kind === 'trademark' || kind === 'software_copyright' || kind === 'work_copyright') return t(`ipAssets.numberLabels.${kind}`);
  return t('ipAssets.number');
}

export function IpAssetForm({ assetId, initial }: { assetId?: string; initial: IpAssetFormInput }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues, watch } = useForm<IpAssetFormInput, unknown, IpAssetFormOutput>({
    resolver: zodResolver(ipAssetFormSchema),
    defaultValues: initial,
  });
  const kind = watch('kind');
  const number = watch('number');

  async function onSubmit() {
    setFormError(undefined);
    const values = getValues();
    const result = assetId ? await updateIpAssetAction(assetId, values) : await createIpAssetAction(values);
    if (result.ok) {
      router.push('/enterprise/ip');
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, result);
    if (key) setFormError(ipErrorText(t, key));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? ipErrorText(t, m.message) : undefined);
  // A wrong check digit names the one the first 12 digits call for.
  const numberError = (() => {
    const message = e.number?.message;
    if (message !== 'ipAssets.errors.patent_check') return err(e.number);
    const r = checkPatentNumber(number ?? '');
    return !r.ok && r.error === 'check' ? t(message, { expected: r.expected }) : t('ipAssets.errors.patent_check_plain');
  })();
  const hintKind = (IP_KINDS as readonly string[]).includes(kind) ? kind : 'none';

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label={t('ipAssets.kind')} error={err(e.kind)}>
          <select className={inputClass} {...register('kind')}>
            <option value="">{t('register.select')}</option>
            {IP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ipAssets.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="number" label={numberLabel(t, kind)} hint={t(`ipAssets.numberHints.${hintKind}`)} error={numberError}>
          <input className={`${inputClass} font-mono`} autoComplete="off" spellCheck={false} {...register('number')} />
        </Field>
      </div>
      <Field id="title" label={t('ipAssets.assetTitle')} error={err(e.title)}>
        <input className={inputClass} {...register('title')} />
      </Field>
      <Field id="owners" label={t('ipAssets.owners')} hint={t('ipAssets.ownersHint')} error={err(e.owners)}>
        <textarea rows={3} className={inputClass} {...register('owners')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="grantDate" label={t('ipAssets.grantDate')} error={err(e.grantDate)}>
          <input type="date" className={inputClass} {...register('grantDate')} />
        </Field>
        <Field id="expiryDate" label={t('ipAssets.expiryDate')} hint={isPatentKind(kind) ? t('ipAssets.expiryHint') : undefined} error={err(e.expiryDate)}>
          <input type="date" className={inputClass} {...register('expiryDate')} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t('ipAssets.legalStatus')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register('inForce')} />
            {t('ipAssets.inForce')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register('feesPaid')} />
            {t('ipAssets.feesPaid')}
          </label>
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t('ipAssets.valuation')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="valuationWan" label={t('ipAssets.valuationWan')} hint={t('ipAssets.valuationHint')} error={err(e.valuationWan)}>
            <input inputMode="decimal" className={inputClass} {...register('valuationWan')} />
          </Field>
          <Field id="appraiser" label={t('ipAssets.appraiser')} error={err(e.appraiser)}>
            <input className={inputClass} {...register('appraiser')} />
          </Field>
          <Field id="valuedOn" label={t('ipAssets.valuedOn')} error={err(e.valuedOn)}>
            <input type="date" className={inputClass} {...register('valuedOn')} />
          </Field>
        </div>
      </fieldset>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('ipAssets.saving') : assetId ? t('ipAssets.update') : t('ipAssets.save')}
      </button>
    </form>
  );
}
