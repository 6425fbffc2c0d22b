'use client';
import { decideApplicationAction } from '@/app/institution/applications/actions';
import { applicationDecisionSchema, applicationRejectionSchema, REJECT_REASON_MAX, type ApplicationDecisionInput } from '@/lib/validation/application';
import type { EarliestDisbursal } from '@/lib/applications/disbursal';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, FieldError, inputClass, secondaryButtonClass } from '../ui/field';
import { ReasonForm } from '../ui/reason-form';
import { useActionForm } from '../ui/use-action-form';

/** The page passes the product's methods as plain strings (the schema checks them). */
type RepaymentMethodInput = Extract<ApplicationDecisionInput, { action: 'approve' }>['repaymentMethod'];

/**
 * The officer's next steps for one application: only the actions its state allows. Each form sends
 * its member of applicationDecisionSchema; while one is being sent the others wait. 放款 asks for
 * the value date and a confirmation.
 */
export function DecisionPanel({
  applicationId,
  actions,
  defaults,
  rateHint,
  repaymentMethods = [],
  documentKinds = [],
  disbursal,
}: {
  applicationId: string;
  actions: string[];
  /** The approval form starts from the application and the product's lowest rate (inside its range). */
  defaults: { amountWan: string; rate: string; term: string; repaymentMethod?: string };
  rateHint?: string;
  repaymentMethods?: string[];
  /** 补充材料: the kinds an officer may ask for. */
  documentKinds?: readonly string[];
  /**
   * 放款: today, the earliest value date allowed (the approval's day, or the pledge's registration)
   * with the message for a day before it, and the amount as shown.
   */
  disbursal?: { today: string; earliest: EarliestDisbursal; amountWan: string };
}) {
  const { t } = useI18n();
  const step = useActionForm(applicationDecisionSchema, decideApplicationAction, {
    defaultValues: { applicationId, action: 'accept' },
  });
  const approval = useActionForm(applicationDecisionSchema, decideApplicationAction, {
    defaultValues: {
      applicationId,
      action: 'approve',
      approvedAmountWan: defaults.amountWan,
      approvedRate: defaults.rate,
      approvedTermMonths: defaults.term,
      // Without a choice of method the approval keeps the application's.
      repaymentMethod: (repaymentMethods.length ? (defaults.repaymentMethod ?? repaymentMethods[0]) : '') as RepaymentMethodInput,
    },
  });
  const disburse = useActionForm(applicationDecisionSchema, decideApplicationAction, {
    defaultValues: { applicationId, action: 'disburse', disbursedOn: disbursal?.today ?? '' },
  });
  const materials = useActionForm(applicationDecisionSchema, decideApplicationAction, {
    defaultValues: { applicationId, action: 'request_materials', kinds: [], reason: '' },
  });
  const busy = step.pending || approval.pending || materials.pending || disburse.pending;
  const kindsError = materials.fieldError('kinds');

  return (
    <div className="space-y-4">
      {actions.includes('accept') && (
        <form noValidate className="space-y-4" onSubmit={step.onSubmit}>
          <Alert>{step.formError}</Alert>
          <button type="submit" className={buttonClass} disabled={busy}>
            {t('applications.accept')}
          </button>
        </form>
      )}
      {actions.includes('disburse') && disbursal && (
        // 放款 creates the loan and cannot be undone: the officer confirms the amount and the date first.
        <form
          noValidate
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
          onSubmit={async (e) => {
            e.preventDefault();
            // The date is checked before the confirmation names it (the server checks it again).
            if (!(await disburse.form.trigger('disbursedOn'))) return;
            const date = disburse.form.getValues('disbursedOn') ?? '';
            if (date < disbursal.earliest.day)
              return disburse.form.setError('disbursedOn', { type: 'manual', message: disbursal.earliest.key }, { shouldFocus: true });
            if (!window.confirm(t('applications.disburseConfirm', { amount: disbursal.amountWan, date }))) return;
            await disburse.onSubmit(e);
          }}
        >
          <Alert className="sm:col-span-4">{disburse.formError}</Alert>
          <Field id="disbursedOn" label={t('applications.disbursedOn')} hint={t('applications.disbursedOnHint')} error={disburse.fieldError('disbursedOn')}>
            <input
              type="date"
              min={disbursal.earliest.day || undefined}
              max={disbursal.today}
              className={inputClass}
              {...disburse.form.register('disbursedOn')}
            />
          </Field>
          <button type="submit" className={buttonClass} disabled={busy}>
            {t('applications.disburse')}
          </button>
        </form>
      )}
      {actions.includes('approve') && (
        <form noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end" onSubmit={approval.onSubmit}>
          <Alert className="sm:col-span-4">{approval.formError}</Alert>
          <Field id="approvedAmountWan" label={t('applications.approvedAmount')} error={approval.fieldError('approvedAmountWan')}>
            <input inputMode="decimal" className={inputClass} {...approval.form.register('approvedAmountWan')} />
          </Field>
          <Field id="approvedRate" label={t('applications.approvedRate')} hint={rateHint} error={approval.fieldError('approvedRate')}>
            <input inputMode="decimal" className={inputClass} {...approval.form.register('approvedRate')} />
          </Field>
          <Field id="approvedTermMonths" label={t('applications.approvedTerm')} error={approval.fieldError('approvedTermMonths')}>
            <input inputMode="numeric" className={inputClass} {...approval.form.register('approvedTermMonths')} />
          </Field>
          {repaymentMethods.length > 0 && (
            <Field id="repaymentMethod" label={t('documents.repayment.label')} error={approval.fieldError('repaymentMethod')}>
              <select className={inputClass} {...approval.form.register('repaymentMethod')}>
                {repaymentMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`repaymentMethods.${m}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <button type="submit" className={buttonClass} disabled={busy}>
            {t('applications.approve')}
          </button>
        </form>
      )}
      {actions.includes('request_materials') && documentKinds.length > 0 && (
        <form noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="materials-title" onSubmit={materials.onSubmit}>
          <h3 id="materials-title" className="font-semibold">
            {t('documents.materials.request')}
          </h3>
          <fieldset aria-describedby={kindsError ? 'materials-kinds-error' : undefined}>
            <legend className="text-sm font-medium">{t('documents.materials.kinds')}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {documentKinds.map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={k} {...materials.form.register('kinds')} />
                  {t(`documents.kinds.${k}`)}
                </label>
              ))}
            </div>
            <FieldError id="materials-kinds-error" message={kindsError} />
          </fieldset>
          <Field id="materialsReason" label={t('documents.materials.reason')} error={materials.fieldError('reason')}>
            <input className={inputClass} {...materials.form.register('reason')} />
          </Field>
          <Alert>{materials.formError}</Alert>
          <button type="submit" className={secondaryButtonClass} disabled={busy}>
            {t('documents.materials.submit')}
          </button>
        </form>
      )}
      {actions.includes('reject') && (
        <ReasonForm
          schema={applicationRejectionSchema}
          action={decideApplicationAction}
          defaultValues={{ applicationId, action: 'reject', reason: '' }}
          id="reject-application"
          label={t('applications.reason')}
          maxLength={REJECT_REASON_MAX}
          rows={2}
          submitLabel={t('applications.reject')}
          busy={busy}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        />
      )}
    </div>
  );
}
