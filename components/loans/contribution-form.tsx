'use client';
import { recordContributionAction } from '@/app/admin/schemes/actions';
import { zoneDay } from '@/lib/core/dates';
import { contributionSchema, NOTE_MAX, type ContributionInput } from '@/lib/validation/loans';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

/** 登记出资: a dated amount (万元) added to the fund's balance. */
export function ContributionForm({ schemeId, schemeName }: { schemeId: string; schemeName: string }) {
  const { t } = useI18n();
  const empty = (): ContributionInput => ({ schemeId, amountWan: '', contributedOn: zoneDay(), note: '' });
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(contributionSchema, recordContributionAction, {
    defaultValues: empty(),
    onSuccess: () => {
      form.reset(empty());
      return t('loans.admin.contribution.saved');
    },
  });
  const { register } = form;
  const id = (f: string) => `${f}-${schemeId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`${t('loans.admin.contribution.title')}${t('app.colon')}${schemeName}`}>
      <h3 className="font-semibold">{t('loans.admin.contribution.title')}</h3>
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id('amountWan')} label={t('loans.admin.contribution.amount')} error={fieldError('amountWan')}>
          <input inputMode="decimal" className={inputClass} {...register('amountWan')} />
        </Field>
        <Field id={id('contributedOn')} label={t('loans.admin.contribution.on')} error={fieldError('contributedOn')}>
          <input type="date" max={zoneDay()} className={inputClass} {...register('contributedOn')} />
        </Field>
        <Field id={id('note')} label={t('loans.admin.contribution.note')} error={fieldError('note')}>
          <input maxLength={NOTE_MAX} className={inputClass} {...register('note')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('loans.admin.contribution.submit')}
      </button>
    </form>
  );
}
