'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { createProductAction, updateProductAction } from '@/app/institution/products/actions';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, PRODUCT_CATEGORIES, REPAYMENT_METHODS } from '@/lib/domain';
import { errorText } from '@/lib/i18n/translate';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { productFormSchema, type ProductForm as ProductFormOutput, type ProductFormInput } from '@/lib/validation/product';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

function CheckboxGroup({ legend, name, options, register, error }: { legend: string; name: string; options: { value: string; label: string }[]; register: (n: never) => object; error?: string }) {
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1 text-sm">
            <input type="checkbox" value={o.value} {...register(name as never)} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function ProductForm({ productId, initial, parks }: { productId?: string; initial: ProductFormInput; parks: { id: number; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError, getValues, control } = useForm<ProductFormInput, unknown, ProductFormOutput>({
    resolver: zodResolver(productFormSchema),
    defaultValues: initial,
  });
  const rateType = useWatch({ control, name: 'rateType' });

  async function onSubmit() {
    setFormError(undefined);
    setSaved(false);
    const values = getValues();
    const result = productId ? await updateProductAction(productId, values) : await createProductAction(values);
    if (result.ok) {
      setSaved(true);
      if (!productId) router.push(`/institution/products/${result.data.id}`);
      else router.refresh();
      return;
    }
    const key = applyServerErrors(setError, result);
    if (key) setFormError(errorText(t, key));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  const reg = register as unknown as (n: never) => object;
  const section = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      <FormError message={formError} />
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('product.saved')}
        </p>
      )}
      <section className={section} aria-labelledby="s-basics">
        <h2 id="s-basics" className="font-semibold">
          {t('product.basics')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label={t('product.name')} error={err(e.name)}>
            <input className={inputClass} {...register('name')} />
          </Field>
          <Field id="category" label={t('product.category')} error={err(e.category)}>
            <select className={inputClass} {...register('category')}>
              <option value="">{t('register.select')}</option>
              {PRODUCT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="summary" label={t('product.summary')} error={err(e.summary)}>
          <input className={inputClass} {...register('summary')} />
        </Field>
        <Field id="description" label={t('product.description')} error={err(e.description)}>
          <textarea rows={4} className={inputClass} {...register('description')} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register('zoneExclusive')} />
          {t('product.zoneExclusive')}
        </label>
      </section>
      <section className={section} aria-labelledby="s-pricing">
        <h2 id="s-pricing" className="font-semibold">
          {t('product.pricing')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="amountMinWan" label={t('product.amountMin')} error={err(e.amountMinWan)}>
            <input inputMode="decimal" className={inputClass} {...register('amountMinWan')} />
          </Field>
          <Field id="amountMaxWan" label={t('product.amountMax')} error={err(e.amountMaxWan)}>
            <input inputMode="decimal" className={inputClass} {...register('amountMaxWan')} />
          </Field>
          <Field id="termMinMonths" label={t('product.termMin')} error={err(e.termMinMonths)}>
            <input inputMode="numeric" className={inputClass} {...register('termMinMonths')} />
          </Field>
          <Field id="termMaxMonths" label={t('product.termMax')} error={err(e.termMaxMonths)}>
            <input inputMode="numeric" className={inputClass} {...register('termMaxMonths')} />
          </Field>
          <Field id="rateType" label={t('product.rateType')} error={err(e.rateType)}>
            <select className={inputClass} {...register('rateType')}>
              <option value="fixed">{t('rateTypes.fixed')}</option>
              <option value="lpr_spread">{t('rateTypes.lpr_spread')}</option>
            </select>
          </Field>
          <Field id="feeRate" label={t('product.feeRate')} error={err(e.feeRate)}>
            <input inputMode="decimal" className={inputClass} {...register('feeRate')} />
          </Field>
          <Field id="rateMin" label={rateType === 'lpr_spread' ? t('product.spreadMin') : t('product.rateMin')} error={err(e.rateMin)}>
            <input inputMode="decimal" className={inputClass} {...register('rateMin')} />
          </Field>
          <Field id="rateMax" label={rateType === 'lpr_spread' ? t('product.spreadMax') : t('product.rateMax')} error={err(e.rateMax)}>
            <input inputMode="decimal" className={inputClass} {...register('rateMax')} />
          </Field>
        </div>
      </section>
      <section className={section} aria-labelledby="s-methods">
        <h2 id="s-methods" className="font-semibold">
          {t('product.methods')}
        </h2>
        <CheckboxGroup legend={t('product.guarantee')} name="guaranteeMethods" register={reg} error={err(e.guaranteeMethods)} options={GUARANTEE_METHODS.map((g) => ({ value: g, label: t(`guaranteeMethods.${g}`) }))} />
        <CheckboxGroup legend={t('product.repayment')} name="repaymentMethods" register={reg} error={err(e.repaymentMethods)} options={REPAYMENT_METHODS.map((r) => ({ value: r, label: t(`repaymentMethods.${r}`) }))} />
        <Field id="requiredDocuments" label={t('product.requiredDocuments')} hint={t('product.requiredDocumentsHint')} error={err(e.requiredDocuments)}>
          <textarea rows={3} className={inputClass} {...register('requiredDocuments')} />
        </Field>
      </section>
      <section className={section} aria-labelledby="s-eligibility">
        <h2 id="s-eligibility" className="font-semibold">
          {t('product.eligibilitySection')}
        </h2>
        <CheckboxGroup legend={t('product.requiredCertifications')} name="requiredCertifications" register={reg} options={CERTIFICATION_KINDS.map((c) => ({ value: c, label: t(`certifications.${c}`) }))} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="minInnovationScore" label={t('product.minScore')} hint={t('product.minScoreHint')} error={err(e.minInnovationScore)}>
            <input inputMode="decimal" className={inputClass} {...register('minInnovationScore')} />
          </Field>
          <Field id="minYearsInOperation" label={t('product.minYears')} error={err(e.minYearsInOperation)}>
            <input inputMode="numeric" className={inputClass} {...register('minYearsInOperation')} />
          </Field>
          <Field id="maxEmployees" label={t('product.maxEmployees')} error={err(e.maxEmployees)}>
            <input inputMode="numeric" className={inputClass} {...register('maxEmployees')} />
          </Field>
        </div>
        <CheckboxGroup legend={t('product.parks')} name="eligibleParkIds" register={reg} error={err(e.eligibleParkIds)} options={parks.map((p) => ({ value: String(p.id), label: p.name }))} />
        <CheckboxGroup legend={t('product.industries')} name="eligibleIndustries" register={reg} options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: t(`industries.${s}`) }))} />
      </section>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('product.saving') : t('product.save')}
      </button>
    </form>
  );
}
