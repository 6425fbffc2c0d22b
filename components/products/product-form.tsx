'use client';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { createProductAction, updateProductAction } from '@/app/institution/products/actions';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, REPAYMENT_METHODS } from '@/lib/core/domain';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { DOCUMENT_KINDS } from '@/lib/validation/document';
import { productFormSchema, type ProductFormInput } from '@/lib/validation/product';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, FieldError, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

function CheckboxGroup({
  legend,
  name,
  options,
  register,
  error,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  register: (n: never) => object;
  error?: string;
}) {
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
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  );
}

export function ProductForm({
  productId,
  initial,
  parks,
  categories,
  schemes,
}: {
  productId?: string;
  initial: ProductFormInput;
  parks: { id: number; name: string }[];
  /** The zone's product categories, named in the page's language. */
  categories: { code: string; name: string }[];
  /** The risk-sharing schemes a product may join, with the categories each covers. */
  schemes: { id: string; name: string; eligibleCategories: string[] }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(
    productFormSchema,
    (values) => (productId ? updateProductAction(productId, values) : createProductAction(values)),
    {
      defaultValues: initial,
      onSuccess: (data) => {
        if (!productId) router.push(`/institution/products/${data.id}`);
        else router.refresh();
        return t('product.saved');
      },
    },
  );
  const { register, control } = form;
  const rateType = useWatch({ control, name: 'rateType' });
  const category = useWatch({ control, name: 'category' });
  const schemeId = useWatch({ control, name: 'schemeId' });
  // The schemes that cover the chosen category (and the current choice, so a change of category is explained by the server).
  const schemeOptions = schemes.filter((s) => s.eligibleCategories.includes(category) || s.id === schemeId);
  const reg = register as unknown as (n: never) => object;
  const section = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <section className={section} aria-labelledby="s-basics">
        <h2 id="s-basics" className="font-semibold">
          {t('product.basics')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label={t('product.name')} error={fieldError('name')}>
            <input className={inputClass} {...register('name')} />
          </Field>
          <Field id="category" label={t('product.category')} error={fieldError('category')}>
            <select className={inputClass} {...register('category')}>
              <option value="">{t('register.select')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="summary" label={t('product.summary')} error={fieldError('summary')}>
          <input className={inputClass} {...register('summary')} />
        </Field>
        <Field id="description" label={t('product.description')} error={fieldError('description')}>
          <textarea rows={4} className={inputClass} {...register('description')} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register('zoneExclusive')} />
          {t('product.zoneExclusive')}
        </label>
        <Field id="schemeId" label={t('product.scheme')} hint={t('product.schemeHint')} error={fieldError('schemeId')}>
          <select className={inputClass} {...register('schemeId')}>
            <option value="">{t('product.noScheme')}</option>
            {schemeOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </section>
      <section className={section} aria-labelledby="s-pricing">
        <h2 id="s-pricing" className="font-semibold">
          {t('product.pricing')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="amountMinWan" label={t('product.amountMin')} error={fieldError('amountMinWan')}>
            <input inputMode="decimal" className={inputClass} {...register('amountMinWan')} />
          </Field>
          <Field id="amountMaxWan" label={t('product.amountMax')} error={fieldError('amountMaxWan')}>
            <input inputMode="decimal" className={inputClass} {...register('amountMaxWan')} />
          </Field>
          <Field id="termMinMonths" label={t('product.termMin')} error={fieldError('termMinMonths')}>
            <input inputMode="numeric" className={inputClass} {...register('termMinMonths')} />
          </Field>
          <Field id="termMaxMonths" label={t('product.termMax')} error={fieldError('termMaxMonths')}>
            <input inputMode="numeric" className={inputClass} {...register('termMaxMonths')} />
          </Field>
          <Field id="rateType" label={t('product.rateType')} error={fieldError('rateType')}>
            <select className={inputClass} {...register('rateType')}>
              <option value="fixed">{t('rateTypes.fixed')}</option>
              <option value="lpr_spread">{t('rateTypes.lpr_spread')}</option>
            </select>
          </Field>
          <Field id="feeRate" label={t('product.feeRate')} error={fieldError('feeRate')}>
            <input inputMode="decimal" className={inputClass} {...register('feeRate')} />
          </Field>
          <Field id="rateMin" label={rateType === 'lpr_spread' ? t('product.spreadMin') : t('product.rateMin')} error={fieldError('rateMin')}>
            <input inputMode="decimal" className={inputClass} {...register('rateMin')} />
          </Field>
          <Field id="rateMax" label={rateType === 'lpr_spread' ? t('product.spreadMax') : t('product.rateMax')} error={fieldError('rateMax')}>
            <input inputMode="decimal" className={inputClass} {...register('rateMax')} />
          </Field>
        </div>
      </section>
      <section className={section} aria-labelledby="s-methods">
        <h2 id="s-methods" className="font-semibold">
          {t('product.methods')}
        </h2>
        <CheckboxGroup
          legend={t('product.guarantee')}
          name="guaranteeMethods"
          register={reg}
          error={fieldError('guaranteeMethods')}
          options={GUARANTEE_METHODS.map((g) => ({ value: g, label: t(`guaranteeMethods.${g}`) }))}
        />
        <CheckboxGroup
          legend={t('product.repayment')}
          name="repaymentMethods"
          register={reg}
          error={fieldError('repaymentMethods')}
          options={REPAYMENT_METHODS.map((r) => ({ value: r, label: t(`repaymentMethods.${r}`) }))}
        />
        <Field id="requiredDocuments" label={t('product.requiredDocuments')} hint={t('product.requiredDocumentsHint')} error={fieldError('requiredDocuments')}>
          <textarea rows={3} className={inputClass} {...register('requiredDocuments')} />
        </Field>
        <CheckboxGroup
          legend={t('documents.required.title')}
          name="documentKinds"
          register={reg}
          error={fieldError('documentKinds')}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        />
        <Field id="statementYears" label={t('documents.required.statementYears')} error={fieldError('statementYears')}>
          <input inputMode="numeric" className={inputClass} {...register('statementYears')} />
        </Field>
      </section>
      <section className={section} aria-labelledby="s-eligibility">
        <h2 id="s-eligibility" className="font-semibold">
          {t('product.eligibilitySection')}
        </h2>
        <CheckboxGroup
          legend={t('product.requiredCertifications')}
          name="requiredCertifications"
          register={reg}
          options={CERTIFICATION_KINDS.map((c) => ({ value: c, label: t(`certifications.${c}`) }))}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="minInnovationScore" label={t('product.minScore')} hint={t('product.minScoreHint')} error={fieldError('minInnovationScore')}>
            <input inputMode="decimal" className={inputClass} {...register('minInnovationScore')} />
          </Field>
          <Field id="minYearsInOperation" label={t('product.minYears')} error={fieldError('minYearsInOperation')}>
            <input inputMode="numeric" className={inputClass} {...register('minYearsInOperation')} />
          </Field>
          <Field id="maxEmployees" label={t('product.maxEmployees')} error={fieldError('maxEmployees')}>
            <input inputMode="numeric" className={inputClass} {...register('maxEmployees')} />
          </Field>
        </div>
        <CheckboxGroup
          legend={t('product.parks')}
          name="eligibleParkIds"
          register={reg}
          error={fieldError('eligibleParkIds')}
          options={parks.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <CheckboxGroup
          legend={t('product.industries')}
          name="eligibleIndustries"
          register={reg}
          options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: t(`industries.${s}`) }))}
        />
      </section>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('product.saving') : t('product.save')}
      </button>
    </form>
  );
}
