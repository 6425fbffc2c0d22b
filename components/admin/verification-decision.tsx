'use client';
import { useState, useTransition } from 'react';
import { decideCertificationAction, decideEnterpriseAction } from '@/app/admin/verification/actions';
import { errorText } from '@/lib/i18n/translate';
import { REASON_MAX, verificationDecisionSchema } from '@/lib/validation/verification';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';
import { ReasonForm } from '../ui/reason-form';

/** Verify, or reject with a reason the enterprise will read, one queue row. */
export function VerificationDecision({ entity, id, subject }: { entity: 'enterprise' | 'certification'; id: string; subject: string }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const decide = entity === 'enterprise' ? decideEnterpriseAction : decideCertificationAction;

  function verify() {
    setError(undefined);
    start(async () => {
      const r = await decide({ id, action: 'verify' });
      if (!r.ok) setError(errorText(t, r.error));
    });
  }

  return (
    <ReasonForm
      schema={verificationDecisionSchema}
      action={decide}
      defaultValues={{ id, action: 'reject', reason: '', releaseUscc: false }}
      id={`reject-${id}`}
      label={t('verify.reason')}
      hint={t('verify.reasonHint')}
      maxLength={REASON_MAX}
      submitLabel={t('verify.rejectConfirm')}
      toggle={{ label: t('verify.reject'), ariaLabel: `${t('verify.reject')}${t('app.colon')}${subject}`, cancelLabel: t('verify.cancel') }}
      actions={(busy) => (
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending || busy}
          aria-label={`${t('verify.verify')}${t('app.colon')}${subject}`}
          onClick={verify}
        >
          {t('verify.verify')}
        </button>
      )}
      busy={pending}
      error={error}
      extra={
        // USCC squatting: the code named someone else's company; releasing it lets that company register.
        entity === 'enterprise'
          ? (register) => (
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" {...register('releaseUscc')} />
                <span>{t('verify.releaseUscc')}</span>
              </label>
            )
          : undefined
      }
    />
  );
}
