import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';
import { joinList } from '@/lib/i18n/punctuation';
import { amountRangeText, rateText, termRangeText, type PricedProduct } from './format';

export interface ProductCardData extends PricedProduct {
  id: string;
  name: string;
  category: string;
  summary: string;
  institutionName: string;
  amountMinFen: bigint;
  amountMaxFen: bigint;
  termMinMonths: number;
  termMaxMonths: number;
  guaranteeMethods: string[];
  zoneExclusive: boolean;
}

/** `categoryLabel`: the category's name in the page's language (the zone's data, lib/products/categories.ts). */
export function ProductCard({ p, t, categoryLabel, compareName }: { p: ProductCardData; t: Translate; categoryLabel: string; compareName?: string }) {
  return (
    <article
      className="flex w-full min-w-0 flex-col break-words rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`p-${p.id}`}
      data-testid="product-card"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{categoryLabel}</span>
        {p.zoneExclusive && <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{t('product.exclusive')}</span>}
      </div>
      <h3 id={`p-${p.id}`} className="mt-2 text-lg font-semibold">
        <Link href={`/products/${p.id}`} className="hover:underline">
          {p.name}
        </Link>
      </h3>
      <p className="text-sm text-slate-600">{p.institutionName}</p>
      <p className="mt-2 text-sm text-slate-700">{p.summary}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t('product.amountRange')}</dt>
        <dd>{amountRangeText(p.amountMinFen, p.amountMaxFen, t)}</dd>
        <dt className="text-slate-600">{t('product.termRange')}</dt>
        <dd>{termRangeText(p.termMinMonths, p.termMaxMonths, t)}</dd>
        <dt className="text-slate-600">{t('product.rateRange')}</dt>
        <dd data-testid="product-rate">{rateText(p, t)}</dd>
        <dt className="text-slate-600">{t('product.guarantee')}</dt>
        <dd>
          {joinList(
            t,
            p.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
          )}
        </dd>
      </dl>
      <div className="mt-auto flex items-center justify-between gap-2 pt-4">
        <Link href={`/products/${p.id}`} className="text-sm font-medium text-brand-700 underline">
          {t('product.details')}
          <span className="sr-only">
            {t('app.colon')}
            {p.name}
          </span>
        </Link>
        {compareName && (
          <label className="flex items-center gap-1 text-sm text-slate-700">
            <input type="checkbox" name={compareName} value={p.id} form="compare-form" />
            {t('product.compare')}
            <span className="sr-only">
              {t('app.colon')}
              {p.name}
            </span>
          </label>
        )}
      </div>
    </article>
  );
}
