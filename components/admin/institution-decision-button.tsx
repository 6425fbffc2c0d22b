'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { decideInstitutionAction } from '@/app/admin/actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function InstitutionDecisionButton({ institutionId, action, institutionName }: { institutionId: string; action: 'approve' | 'suspend' | 'reactivate'; institutionName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${t(`admin.${action}`)}：${institutionName}`}
        onClick={() =>
          start(async () => {
            const r = await decideInstitutionAction({ institutionId, action });
            if (r.ok) {
              setError(undefined);
              router.refresh();
            } else setError(errorText(t, r.error));
          })
        }
      >
        {t(`admin.${action}`)}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
