import Link from 'next/link';
import { rateText } from '@/components/products/format';
import { buttonClass, inputClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { compareOffers } from '@/lib/products/compare';
import { comparedProducts } from '@/lib/products/views';
import { REPAYMENT_METHODS } from '@/lib/core/domain';
import { getT } from '@/lib/i18n/server';
import { errorText } from '@/lib/i18n/translate';
import { formatRateBp, formatWan } from '@/lib/core/money';
import { compareQuerySchema } from '@/lib/validation/compare';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('compare');

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const t = await getT();
  const ids = ([] as string[]).concat(sp.ids ?? []).filter(Boolean);
  const raw = {
    ids,
    amountWan: typeof sp.amountWan === 'string' && sp.amountWan ? sp.amountWan : '100',
    term: typeof sp.term === 'string' && sp.term ? sp.term : '12',
    method: typeof sp.method === 'string' && sp.method ? sp.method : undefined,
  };
  const parsed = compareQuerySchema.safeParse(raw);
  const problem = parsed.success ? undefined : errorText(t, parsed.error.issues[0].message);
  const q = parsed.success ? parsed.data : null;
  // In the visitor's order.
  const products = q ? await comparedProducts(await getDb(), q.ids) : [];
  const offers = q
    ? compareOffers(
        products.map((p) => ({ ...p, effectiveRateMinBp: Number(p.effectiveRateMinBp) })),
        q.amountWan,
        q.term,
        q.method,
      )
    : [];
  const without = (id: string) => {
    const p = new URLSearchParams();
    for (const other of ids.filter((x) => x !== id)) p.append('ids', other);
    p.set('amountWan', raw.amountWan);
    p.set('term', raw.term);
    if (raw.method) p.set('method', raw.method);
    return `/products/compare?${p}`;
  };

  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/products" className="text-brand-700 underline">
          {t('product.catalogueTitle')}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">{t('product.compareTitle')}</h1>
        <p className="text-slate-700">{t('product.compareLead')}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {ids.map((id) => (
          <input key={id} type="hidden" name="ids" value={id} />
        ))}
        <div>
          <label htmlFor="c-amount" className="block text-sm font-medium">
            {t('product.compareAmount')}
          </label>
          <input id="c-amount" name="amountWan" defaultValue={raw.amountWan} inputMode="decimal" className={inputClass} />
        </div>
        <div>
          <label htmlFor="c-term" className="block text-sm font-medium">
            {t('product.compareTerm')}
          </label>
          <input id="c-term" name="term" defaultValue={raw.term} inputMode="numeric" className={inputClass} />
        </div>
        <div>
          <label htmlFor="c-method" className="block text-sm font-medium">
            {t('product.compareMethod')}
          </label>
          <select id="c-method" name="method" defaultValue={raw.method ?? ''} className={inputClass}>
            <option value="">{t('product.anyValue')}</option>
            {REPAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`repaymentMethods.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t('product.apply')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      {q && products.length === 0 && <p className="text-slate-700">{t('product.compareEmpty')}</p>}
      {products.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm" data-testid="compare-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                <td className="px-3 py-2" />
                {products.map((p) => (
                  <th key={p.id} scope="col" className="px-3 py-2 align-top">
                    <Link href={`/products/${p.id}`} className="font-semibold text-brand-700 underline">
                      {p.name}
                    </Link>
                    <div className="font-normal text-slate-600">{p.institutionName}</div>
                    <Link href={without(p.id)} className="text-xs font-normal text-slate-600 underline">
                      {t('product.removeFromCompare')}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">
                  {t('product.rateRange')}
                </th>
                {products.map((p) => (
                  <td key={p.id} className="px-3 py-2">
                    {rateText({ ...p, effectiveRateMinBp: Number(p.effectiveRateMinBp), effectiveRateMaxBp: Number(p.effectiveRateMaxBp) }, t)}
                  </td>
                ))}
              </tr>
              {(
                [
                  ['product.compareMethod', (o) => t(`repaymentMethods.${o.method}`)],
                  ['product.annualisedCost', (o) => formatRateBp(o.annualisedCostBp)],
                  ['product.totalInterest', (o) => formatWan(o.totalInterestFen)],
                  ['product.fees', (o) => formatWan(o.feesFen)],
                  ['product.totalCost', (o) => formatWan(o.totalCostFen)],
                ] as const satisfies readonly (readonly [string, (o: Extract<(typeof offers)[number], { available: true }>) => string])[]
              ).map(([label, value]) => (
                <tr key={label} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">
                    {t(label)}
                  </th>
                  {offers.map((o) => (
                    <td key={o.id} className="px-3 py-2" data-testid={`${label}-${o.id}`}>
                      {o.available ? value(o) : <span className="text-slate-500">{t('product.notAvailable')}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
