import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { WithdrawNeedButton } from '@/components/needs/withdraw-need-button';
import { buttonClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { enterpriseNeeds } from '@/lib/needs/views';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { formatRateBp, formatWan } from '@/lib/core/money';
import { EmptyState } from '@/components/ui/empty-state';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('needs');
const PAGE_SIZE = 20;

export default async function EnterpriseNeedsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/needs');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const db = await getDb();
  const { items, total } = await enterpriseNeeds(db, actor, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('needs.myNeeds')}</h1>
          <p className="text-slate-700">{t('needs.lead')}</p>
        </div>
        <Link href="/enterprise/needs/new" className={buttonClass}>
          {t('needs.newNeed')}
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState text={t('needs.none')} hint={t('empty.needs')} href="/enterprise/needs/new" action={t('empty.needsAction')} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('needs.amount')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.term')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.purpose')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.guarantee')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.maxRate')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('needs.createdAt')}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t('product.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr key={n.id} className="border-t border-slate-200" data-testid="need-row">
                  <td className="px-3 py-2">
                    <Link href={`/enterprise/needs/${n.id}`} className="font-medium text-brand-700 underline">
                      {formatWan(n.amountFen)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{n.termMonths}</td>
                  <td className="px-3 py-2">{t(`needs.purposes.${n.purpose}`)}</td>
                  <td className="px-3 py-2">
                    {joinList(
                      t,
                      n.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
                    )}
                  </td>
                  <td className="px-3 py-2">{n.maxRateBp === null ? '—' : formatRateBp(n.maxRateBp)}</td>
                  <td className="px-3 py-2">{t(`needs.statuses.${n.status}`)}</td>
                  <td className="px-3 py-2">{formatZoneDateTime(n.createdAt, locale)}</td>
                  <td className="px-3 py-2">{(n.status === 'open' || n.status === 'matched') && <WithdrawNeedButton needId={n.id} />}</td>
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
