import Link from 'next/link';
import { buttonClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { listOwnIpAssets } from '@/lib/ip/assets';
import { formatWan } from '@/lib/core/money';
import { EmptyState } from '@/components/ui/empty-state';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('ipAssets');
const PAGE_SIZE = 20;

/** What the list shows as status: a live pledge first, then the legal status. */
function statusOf(a: { livePledge: boolean; inForce: boolean; feesPaid: boolean }) {
  if (a.livePledge) return 'pledged';
  if (!a.inForce) return 'lapsed';
  if (!a.feesPaid) return 'fees_unpaid';
  return 'in_force';
}

export default async function IpAssetsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/ip');
  const t = await getT();
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const { items, total } = await listOwnIpAssets(await getDb(), actor, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('ipAssets.title')}</h1>
          <p className="text-slate-700">{t('ipAssets.lead')}</p>
        </div>
        <Link href="/enterprise/ip/new" className={buttonClass}>
          {t('ipAssets.newAsset')}
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState text={t('ipAssets.none')} hint={t('empty.ipAssets')} href="/enterprise/ip/new" action={t('empty.ipAssetsAction')} />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t('ipAssets.total', { total })}</p>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('ipAssets.kind')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('ipAssets.number')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('ipAssets.assetTitle')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('ipAssets.owners')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('ipAssets.valuationWan')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('ipAssets.status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => {
                  const status = statusOf(a);
                  return (
                    <tr key={a.id} className="border-t border-slate-200" data-testid="ip-asset-row">
                      <td className="whitespace-nowrap px-3 py-2">{t(`ipAssets.kinds.${a.kind}`)}</td>
                      <td className="whitespace-nowrap px-3 py-2 font-mono">
                        <Link href={`/enterprise/ip/${a.id}`} className="text-brand-700 underline">
                          {a.number}
                        </Link>
                      </td>
                      <td className="px-3 py-2">{a.title}</td>
                      <td className="px-3 py-2">{joinList(t, a.owners)}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{a.valuationFen === null ? '—' : formatWan(a.valuationFen)}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <span
                          className={status === 'pledged' ? 'font-medium text-amber-800' : status === 'in_force' ? 'text-slate-800' : 'text-red-700'}
                          data-testid="ip-asset-status"
                        >
                          {t(`ipAssets.statuses.${status}`)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {pages > 1 && (
        <nav aria-label={t('product.page', { page, pages })} className="flex justify-center gap-4">
          {page > 1 && <Link href={`?page=${page - 1}`}>{t('product.prev')}</Link>}
          <span>{t('product.page', { page, pages })}</span>
          {page < pages && <Link href={`?page=${page + 1}`}>{t('product.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
