'use client';
import { useRouter } from 'next/navigation';
import { createIpAssetAction, updateIpAssetAction } from '@/app/enterprise/ip/actions';
import { errorText, type Translate } from '@/lib/i18n/translate';
import { checkPatentNumber } from '@/lib/ip/patent-number';
import { IP_KINDS, ipAssetFormSchema, isPatentKind, type IpAssetFormInput } from '@/lib/validation/ip-asset';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

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
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(
    ipAssetFormSchema,
    (values) => (assetId ? updateIpAssetAction(assetId, values) : createIpAssetAction(values)),
    {
      defaultValues: initial,
      describe: (t, key) => ipErrorText(t, key),
      onSuccess: () => {
        router.push('/enterprise/ip');
        router.refresh();
      },
    },
  );
  const { register, watch } = form;
  const kind = watch('kind');
  const number = watch('number');

  // A wrong check digit names the one the first 12 digits call for.
  const numberError = (() => {
    const message = form.formState.errors.number?.message;
    if (message !== 'ipAssets.errors.patent_check') return fieldError('number');
    const r = checkPatentNumber(number ?? '');
    return !r.ok && r.error === 'check' ? t(message, { expected: r.expected }) : t('ipAssets.errors.patent_check_plain');
  })();
  const hintKind = (IP_KINDS as readonly string[]).includes(kind) ? kind : 'none';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Alert>{formError}</Alert>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label={t('ipAssets.kind')} error={fieldError('kind')}>
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
      <Field id="title" label={t('ipAssets.assetTitle')} error={fieldError('title')}>
        <input className={inputClass} {...register('title')} />
      </Field>
      <Field id="owners" label={t('ipAssets.owners')} hint={t('ipAssets.ownersHint')} error={fieldError('owners')}>
        <textarea rows={3} className={inputClass} {...register('owners')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="grantDate" label={t('ipAssets.grantDate')} error={fieldError('grantDate')}>
          <input type="date" className={inputClass} {...register('grantDate')} />
        </Field>
        <Field
          id="expiryDate"
          label={t('ipAssets.expiryDate')}
          hint={isPatentKind(kind) ? t('ipAssets.expiryHint') : undefined}
          error={fieldError('expiryDate')}
        >
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
          <Field id="valuationWan" label={t('ipAssets.valuationWan')} hint={t('ipAssets.valuationHint')} error={fieldError('valuationWan')}>
            <input inputMode="decimal" className={inputClass} {...register('valuationWan')} />
          </Field>
          <Field id="appraiser" label={t('ipAssets.appraiser')} error={fieldError('appraiser')}>
            <input className={inputClass} {...register('appraiser')} />
          </Field>
          <Field id="valuedOn" label={t('ipAssets.valuedOn')} error={fieldError('valuedOn')}>
            <input type="date" className={inputClass} {...register('valuedOn')} />
          </Field>
        </div>
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('ipAssets.saving') : assetId ? t('ipAssets.update') : t('ipAssets.save')}
      </button>
    </form>
  );
}
