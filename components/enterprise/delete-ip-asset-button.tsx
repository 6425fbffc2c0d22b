'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteIpAssetAction } from '@/app/enterprise/ip/actions';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function DeleteIpAssetButton({ assetId }: { assetId: string }) {
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
          if (!window.confirm(t('ipAssets.deleteConfirm'))) return;
          setError(undefined);
          start(async () => {
            const r = await deleteIpAssetAction({ assetId });
            if (r.ok) {
              router.push('/enterprise/ip');
              router.refresh();
            } else setError(r.error.includes('.') ? t(r.error) : errorText(t, r.error));
          });
        }}
      >
        {t('ipAssets.delete')}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
