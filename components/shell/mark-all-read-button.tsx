'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { markAllReadAction } from '@/app/notifications/actions';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function MarkAllReadButton() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={secondaryButtonClass}
      disabled={pending}
      onClick={() =>
        start(async () => {
          if ((await markAllReadAction({})).ok) router.refresh();
        })
      }
    >
      {t('nav.markAllRead')}
    </button>
  );
}
