'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { submitApplicationAction } from '@/app/products/[id]/apply/actions';
import { applicationFormSchema } from '@/lib/validation/application';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, FieldError, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function ApplyForm({
  productId,
  needs,
  assets,
  initial,
  pledge,
  documents = [],
  repaymentMethods = [],
  consent,
}: {
  productId: string;
  needs: { id: string; label: string }[];
  assets: { id: string; label: string }[];
  initial: { needId: string; amountWan: string; termMonths: string };
  pledge: boolean;
  /** Vault documents to share; `checked` ones start ticked (what the product requires). */
  documents?: { id: string; label: string; checked: boolean }[];
  repaymentMethods?: string[];
  /** What submitting grants (lib/core/consent-term.ts): to whom, and until when (a zone day). */
  consent: { institution: string; until: string };
}) {
  const { t } = useI18n();
  const router = useRouter();
  // One key per form: a double click or a retried request creates one application.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(applicationFormSchema, submitApplicationAction, {
    defaultValues: {
      productId,
      ipAssetIds: [],
      documentIds: documents.filter((d) => d.checked).map((d) => d.id),
      repaymentMethod: (repaymentMethods[0] ?? '') as never,
      idempotencyKey,
      ...initial,
    },
    onSuccess: (data) => router.push(`/enterprise/applications/${data.id}`),
  });
  const { register } = form;
  return (
    <form noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" onSubmit={onSubmit}>
      <Alert>{formError}</Alert>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="amountWan" label={t('applications.amount')} error={fieldError('amountWan')}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id="termMonths" label={t('applications.term')} error={fieldError('termMonths')}>
          <input inputMode="numeric" className={inputClass} {...register('termMonths')} />
        </Field>
      </div>
      <Field id="needId" label={t('applications.need')} error={fieldError('needId')}>
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
          <FieldError message={fieldError('ipAssetIds')} />
        </fieldset>
      )}
      {repaymentMethods.length > 0 && (
        <Field id="repaymentMethod" label={t('documents.repayment.label')} error={fieldError('repaymentMethod')}>
          <select className={inputClass} {...register('repaymentMethod')}>
            {repaymentMethods.map((m) => (
              <option key={m} value={m}>
                {t(`repaymentMethods.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {documents.length > 0 && (
        <fieldset className="space-y-1" data-testid="share-documents">
          <legend className="text-sm font-medium">{t('documents.share.title')}</legend>
          <p className="text-sm text-slate-600">{t('documents.share.lead', { institution: consent.institution })}</p>
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={d.id} {...register('documentIds')} />
              {d.label}
            </label>
          ))}
          <FieldError message={fieldError('documentIds')} />
        </fieldset>
      )}
      {/* The consent the submission grants, said before the button that grants it (DESIGN §2). */}
      <p id="apply-consent" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="apply-consent">
        {t('applications.consentNotice', consent)}{' '}
        <Link href="/enterprise/documents#consents" className="font-medium text-brand-700 underline">
          {t('applications.consentWhere')}
        </Link>
      </p>
      <button type="submit" className={buttonClass} disabled={pending || form.formState.isSubmitSuccessful} aria-describedby="apply-consent">
        {pending ? t('applications.submitting') : t('applications.submit')}
      </button>
    </form>
  );
}
