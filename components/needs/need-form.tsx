'use client';
import { useRouter } from 'next/navigation';
import { createNeedAction, updateNeedAction } from '@/app/enterprise/needs/actions';
import { GUARANTEE_METHODS } from '@/lib/core/domain';
import { NEED_PURPOSES, needFormSchema, type NeedFormInput } from '@/lib/validation/need';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, FieldError, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

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
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(
    needFormSchema,
    (values) => (needId ? updateNeedAction(needId, values) : createNeedAction(values)),
    {
      defaultValues: initial,
      // A new need opens on its own page, where the matching products are; an edit stays there.
      onSuccess: (data) => {
        router.push(`/enterprise/needs/${data.id}`);
        router.refresh();
      },
    },
  );
  const { register } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Alert>{formError}</Alert>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="amountWan" label={t('needs.amount')} error={fieldError('amountWan')}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id="termMonths" label={t('needs.term')} error={fieldError('termMonths')}>
          <input inputMode="numeric" className={inputClass} {...register('termMonths')} />
        </Field>
        <Field id="purpose" label={t('needs.purpose')} error={fieldError('purpose')}>
          <select className={inputClass} {...register('purpose')}>
            <option value="">{t('register.select')}</option>
            {NEED_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`needs.purposes.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="maxRate" label={t('needs.maxRate')} hint={t('needs.maxRateHint')} error={fieldError('maxRate')}>
          <input inputMode="decimal" className={inputClass} {...register('maxRate')} />
        </Field>
        <Field id="wantedBy" label={t('needs.wantedBy')} hint={t('needs.wantedByHint')} error={fieldError('wantedBy')}>
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
        <FieldError message={fieldError('guaranteeMethods')} />
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
        <FieldError message={fieldError('ipAssetIds')} />
      </fieldset>
      <Field id="description" label={t('needs.description')} error={fieldError('description')}>
        <textarea rows={3} className={inputClass} {...register('description')} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('needs.saving') : needId ? t('needs.update') : t('needs.save')}
      </button>
    </form>
  );
}
