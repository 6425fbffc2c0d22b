'use client';
import { useState, useTransition } from 'react';
import { expressInterestAction } from '@/app/institution/matches/actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { buttonClass } from '../ui/field';

export function ExpressInterestButton({ needId, productId }: { needId: string; productId: string }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        className={buttonClass}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await expressInterestAction({ needId, productId });
            if (r.ok) {
              setError(undefined);
            } else setError(errorText(t, r.error));
          })
        }
      >
        {t('matching.institution.expressInterest')}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
