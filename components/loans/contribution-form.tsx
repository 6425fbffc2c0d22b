'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordContributionAction } from '@/app/admin/schemes/actions';
import { zoneDay } from '@/lib/dates';
import { errorText } from '@/lib/i18n/translate';
import { contributionSchema, NOTE_MAX, type Contribution, type ContributionInput } from '@/lib/validation/loans';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

/** 登记出资: a dated amount (万元) added to the fund's balance. */
export function ContributionForm({ schemeId, schemeName }: { schemeId: string; schemeName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const empty = (): ContributionInput => ({ schemeId, amountWan: '', contributedOn: zoneDay(), note: '' });
  const { register, handleSubmit, formState, setError, getValues, reset } = useForm<ContributionInput, unknown, Contribution>({
    resolver: zodResolver(contributionSchema),
    defaultValues: empty(),
  });

  async function onSubmit() {
    setFormError(undefined);
    setSaved(false);
    const r = await recordContributionAction(getValues());
    if (r.ok) {
      setSaved(true);
      reset(empty());
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }

  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  const id = (f: string) => `${f}-${schemeId}`;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label={`${t('loans.admin.contribution.title')}：${schemeName}`}>
      <h3 className="font-semibold">{t('loans.admin.contribution.title')}</h3>
      <FormError message={formError} />
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('loans.admin.contribution.saved')}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id('amountWan')} label={t('loans.admin.contribution.amount')} error={err(e.amountWan)}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id={id('contributedOn')} label={t('loans.admin.contribution.on')} error={err(e.contributedOn)}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('contributedOn')} />
        </Field>
        <Field id={id('note')} label={t('loans.admin.contribution.note')} error={err(e.note)}>
          <input maxLength={NOTE_MAX} className={inputClass} {...register('note')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t('loans.admin.contribution.submit')}
      </button>
    </form>
  );
}
