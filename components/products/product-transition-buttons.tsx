'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { productTransitionAction } from '@/app/institution/products/actions';
import { errorText } from '@/lib/i18n/translate';
import type { ProductAction } from '@/lib/state-machine';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function ProductTransitionButtons({ productId, actions }: { productId: string; actions: ProductAction[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await productTransitionAction({ productId, action });
              if (r.ok) {
                setError(undefined);
                router.refresh();
              } else setError(errorText(t, r.error));
            })
          }
        >
          {t(`product.${action}`)}
        </button>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
