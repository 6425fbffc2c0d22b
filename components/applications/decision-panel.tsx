'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { decideApplicationAction } from '@/app/institution/applications/actions';
import { errorText } from '@/lib/i18n/translate';
import { applicationRejectionSchema, REJECT_REASON_MAX, type ApplicationDecisionInput } from '@/lib/validation/application';
import { useI18n } from '../i18n-provider';
import { buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { ReasonForm } from '../ui/reason-form';

/** The officer's next steps for one application: only the actions its state allows. */
export function DecisionPanel({
  applicationId,
  actions,
  defaults,
  rateHint,
  repaymentMethods = [],
  documentKinds = [],
}: {
  applicationId: string;
  actions: string[];
  /** The approval form starts from the application and the product's lowest rate (inside its range). */
  defaults: { amountWan: string; rate: string; term: string; repaymentMethod?: string };
  rateHint?: string;
  repaymentMethods?: string[];
  /** 补充材料: the kinds an officer may ask for. */
  documentKinds?: readonly string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function run(input: ApplicationDecisionInput) {
    start(async () => {
      const r = await decideApplicationAction(input);
      if (r.ok) {
        setError(undefined);
        setFieldErrors({});
        router.refresh();
      } else {
        setFieldErrors(r.fieldErrors ?? {});
        setError(r.fieldErrors ? undefined : errorText(t, r.error));
      }
    });
  }
  const fe = (k: string) =>
    fieldErrors[k] ? (
      <p role="alert" className="text-sm text-red-700">
        {errorText(t, fieldErrors[k])}
      </p>
    ) : null;
  const text = (f: FormData, k: string) => String(f.get(k) ?? '');

  return (
    <div className="space-y-4">
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.includes('accept') && (
          <button type="button" className={buttonClass} disabled={pending} onClick={() => run({ applicationId, action: 'accept' })}>
            {t('applications.accept')}
          </button>
        )}
        {actions.includes('disburse') && (
          <button type="button" className={buttonClass} disabled={pending} onClick={() => run({ applicationId, action: 'disburse' })}>
            {t('applications.disburse')}
          </button>
        )}
      </div>
      {actions.includes('approve') && (
        <form
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            run({
              applicationId,
              action: 'approve',
              approvedAmountWan: text(f, 'approvedAmountWan'),
              approvedRate: text(f, 'approvedRate'),
              approvedTermMonths: text(f, 'approvedTermMonths'),
              repaymentMethod: text(f, 'repaymentMethod') as never,
            });
          }}
        >
          <div>
            <label htmlFor="approvedAmountWan" className="block text-sm font-medium">
              {t('applications.approvedAmount')}
            </label>
            <input id="approvedAmountWan" name="approvedAmountWan" defaultValue={defaults.amountWan} inputMode="decimal" className={inputClass} />
            {fe('approvedAmountWan')}
          </div>
          <div>
            <label htmlFor="approvedRate" className="block text-sm font-medium">
              {t('applications.approvedRate')}
            </label>
            <input
              id="approvedRate"
              name="approvedRate"
              defaultValue={defaults.rate}
              inputMode="decimal"
              aria-describedby={rateHint ? 'approvedRate-hint' : undefined}
              className={inputClass}
            />
            {rateHint && (
              <p id="approvedRate-hint" className="text-xs text-slate-600">
                {rateHint}
              </p>
            )}
            {fe('approvedRate')}
          </div>
          <div>
            <label htmlFor="approvedTermMonths" className="block text-sm font-medium">
              {t('applications.approvedTerm')}
            </label>
            <input id="approvedTermMonths" name="approvedTermMonths" defaultValue={defaults.term} inputMode="numeric" className={inputClass} />
            {fe('approvedTermMonths')}
          </div>
          {repaymentMethods.length > 0 && (
            <div>
              <label htmlFor="repaymentMethod" className="block text-sm font-medium">
                {t('documents.repayment.label')}
              </label>
              <select id="repaymentMethod" name="repaymentMethod" defaultValue={defaults.repaymentMethod ?? repaymentMethods[0]} className={inputClass}>
                {repaymentMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`repaymentMethods.${m}`)}
                  </option>
                ))}
              </select>
              {fe('repaymentMethod')}
            </div>
          )}
          <button type="submit" className={buttonClass} disabled={pending}>
            {t('applications.approve')}
          </button>
        </form>
      )}
      {actions.includes('request_materials') && documentKinds.length > 0 && (
        <form
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          aria-labelledby="materials-title"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            run({ applicationId, action: 'request_materials', kinds: f.getAll('kinds').map(String) as never, reason: text(f, 'materialsReason') });
          }}
        >
          <h3 id="materials-title" className="font-semibold">
            {t('documents.materials.request')}
          </h3>
          <fieldset>
            <legend className="text-sm font-medium">{t('documents.materials.kinds')}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {documentKinds.map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="kinds" value={k} />
                  {t(`documents.kinds.${k}`)}
                </label>
              ))}
            </div>
            {fe('kinds')}
          </fieldset>
          <div>
            <label htmlFor="materialsReason" className="block text-sm font-medium">
              {t('documents.materials.reason')}
            </label>
            <input id="materialsReason" name="materialsReason" className={inputClass} />
            {fe('reason')}
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
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
          busy={pending}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          onSuccess={() => router.refresh()}
        />
      )}
    </div>
  );
}
