import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { buttonClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { institutionProducts } from '@/lib/products/views';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { categoryName } from '@/lib/products/categories';
import { formatRateBp, formatWan } from '@/lib/core/money';
import { EmptyState } from '@/components/ui/empty-state';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionProducts');
const PAGE_SIZE = 20;

export default async function InstitutionProductsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['institution'], '/institution/products');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, total, categories } = await institutionProducts(await getDb(), actor, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('product.myProducts')}</h1>
        <Link href="/institution/products/new" className={buttonClass}>
          {t('product.newProduct')}
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState text={t('product.noProducts')} hint={t('empty.products')} href="/institution/products/new" action={t('empty.productsAction')} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('product.name')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('product.category')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('product.status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('product.amountRange')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('product.rateRange')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('product.received')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('product.approved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-t border-slate-200" data-testid="own-product-row">
                  <td className="px-3 py-2">
                    <Link href={`/institution/products/${p.id}`} className="font-medium text-brand-700 underline">
                      {p.name}
                    </Link>
                    {p.zoneExclusive && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('product.exclusive')}</span>}
                  </td>
                  <td className="px-3 py-2">{categoryName(categories, p.category, locale)}</td>
                  <td className="px-3 py-2">{t(`productStatus.${p.status}`)}</td>
                  <td className="px-3 py-2">
                    {formatWan(p.amountMinFen)}–{formatWan(p.amountMaxFen)}
                  </td>
                  <td className="px-3 py-2">
                    {p.rateType === 'lpr_spread' ? 'LPR+' : ''}
                    {formatRateBp(p.rateMinBp)}–{formatRateBp(p.rateMaxBp)}
                  </td>
                  <td className="px-3 py-2 text-right">{p.applicationsReceived}</td>
                  <td className="px-3 py-2 text-right">{p.applicationsApproved}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={page} pages={pages} href={(p) => `?page=${p}`} />
    </div>
  );
}
