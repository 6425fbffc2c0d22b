'use client';
import { productTransitionAction } from '@/app/institution/products/actions';
import type { ProductAction } from '@/lib/machines/product';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

export function ProductTransitionButtons({ productId, actions }: { productId: string; actions: ProductAction[] }) {
  const { t } = useI18n();
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {actions.map((action) => (
        <ActionButton key={action} label={t(`product.${action}`)} run={() => productTransitionAction({ productId, action })} />
      ))}
    </div>
  );
}
