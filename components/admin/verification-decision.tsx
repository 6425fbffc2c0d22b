'use client';
import { useState, useTransition } from 'react';
import { decideCertificationAction, decideEnterpriseAction } from '@/app/admin/verification/actions';
import { errorText } from '@/lib/i18n/translate';
import { REASON_MAX, verificationDecisionSchema } from '@/lib/validation/verification';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';
import { ReasonForm } from '../ui/reason-form';

type Status = 'unverified' | 'verified' | 'rejected';

/**
 * One row's decision. Unverified: verify, or reject with a reason the enterprise will read. Verified
 * (an enterprise found by its code): revoke with a reason. Rejected: reopen, unless its code was
 * released. Rejecting or revoking an enterprise can release its credit code (USCC squatting); the form
 * says first what business of the enterprise's the decision touches.
 */
export function VerificationDecision({
  entity,
  id,
  subject,
  status = 'unverified',
  codeReleased = false,
  business,
}: {
  entity: 'enterprise' | 'certification';
  id: string;
  subject: string;
  status?: Status;
  codeReleased?: boolean;
  /** An enterprise's applications in progress and loans not yet settled: what its rejection or revocation touches. */
  business?: { applications: number; loans: number };
}) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const decide = entity === 'enterprise' ? decideEnterpriseAction : decideCertificationAction;

  function run(action: 'verify' | 'reopen') {
    setError(undefined);
    start(async () => {
      const r = await decide({ id, action });
      if (!r.ok) setError(errorText(t, r.error));
    });
  }

  if (status === 'rejected') {
    if (codeReleased) return <p className="text-sm text-slate-700">{t('verify.releasedNoAction')}</p>;
    return (
      <div className="space-y-1">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          aria-label={`${t('verify.reopen')}${t('app.colon')}${subject}`}
          onClick={() => run('reopen')}
        >
          {t('verify.reopen')}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  }
  const revoking = status === 'verified';
  // The texts of the one decision this row offers: revoke a verification, or reject an undecided one.
  const d = revoking
    ? { action: 'revoke' as const, label: 'verify.revokeReason', submit: 'verify.revokeConfirm', toggle: 'verify.revoke', release: 'verify.releaseUsccRevoke' }
    : { action: 'reject' as const, label: 'verify.reason', submit: 'verify.rejectConfirm', toggle: 'verify.reject', release: 'verify.releaseUscc' };

  return (
    // Keyed by the decision: its form starts from that decision's values (verified in this row a moment ago → revoke).
    <ReasonForm
      key={d.action}
      schema={verificationDecisionSchema}
      action={decide}
      defaultValues={{ id, action: d.action, reason: '', releaseUscc: false }}
      id={`${d.action}-${id}`}
      label={t(d.label)}
      hint={t('verify.reasonHint')}
      maxLength={REASON_MAX}
      submitLabel={t(d.submit)}
      toggle={{
        label: t(d.toggle),
        ariaLabel: `${t(d.toggle)}${t('app.colon')}${subject}`,
        cancelLabel: t('verify.cancel'),
      }}
      actions={(busy) =>
        !revoking && (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={pending || busy}
            aria-label={`${t('verify.verify')}${t('app.colon')}${subject}`}
            onClick={() => run('verify')}
          >
            {t('verify.verify')}
          </button>
        )
      }
      busy={pending}
      error={error}
      extra={
        // USCC squatting: the code named someone else's company; releasing it lets that company register.
        entity === 'enterprise'
          ? (register) => (
              <>
                {business && (business.applications > 0 || business.loans > 0) && (
                  <p className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="decision-business">
                    {t('verify.lookup.businessWarning', business)}
                  </p>
                )}
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" {...register('releaseUscc')} />
                  <span>{t(d.release)}</span>
                </label>
              </>
            )
          : undefined
      }
    />
  );
}
