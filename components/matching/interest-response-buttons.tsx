'use client';
import { useState, useTransition } from 'react';
import { respondToInterestAction } from '@/app/enterprise/needs/[id]/match-actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { buttonClass, secondaryButtonClass } from '../ui/field';

export function InterestResponseButtons({ matchId, institutionName }: { matchId: string; institutionName: string }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const respond = (accept: boolean) =>
    start(async () => {
      const r = await respondToInterestAction({ matchId, accept });
      if (r.ok) {
        setError(undefined);
      } else setError(errorText(t, r.error));
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={pending}
          onClick={() => {
            if (window.confirm(t('matching.interests.acceptConfirm', { institution: institutionName }))) respond(true);
          }}
        >
          {t('matching.interests.accept')}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => respond(false)}>
          {t('matching.interests.decline')}
        </button>
      </div>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
