'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { needTransitionAction } from '@/app/enterprise/needs/actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function WithdrawNeedButton({ needId }: { needId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t('needs.withdrawConfirm'))) return;
          start(async () => {
            const r = await needTransitionAction({ needId, action: 'withdraw' });
            if (r.ok) router.refresh();
            else setError(errorText(t, r.error));
          });
        }}
      >
        {t('needs.withdraw')}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
