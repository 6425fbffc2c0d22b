import Link from 'next/link';
import { formatZoneDateTime } from '@/lib/core/dates';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { formatWan } from '@/lib/core/money';
import { EmptyState } from '../ui/empty-state';
import { TableBox } from '../ui/table-box';
import { UserText } from '../ui/user-text';

export function ApplicationList({
  items,
  base,
  t,
  locale,
  categoryLabel,
}: {
  items: {
    id: string;
    status: string;
    amountFen: bigint;
    termMonths: number;
    submittedAt: Date;
    productName: string;
    productCategory: string;
    enterpriseName: string;
    institutionName: string;
  }[];
  base: string;
  t: Translate;
  locale: Locale;
  /** A product category's name in the page's language. */
  categoryLabel: (code: string) => string;
}) {
  if (items.length === 0) {
    const enterprise = base.startsWith('/enterprise');
    return enterprise ? (
      <EmptyState text={t('applications.none')} hint={t('empty.enterpriseApplications')} href="/products" action={t('empty.enterpriseApplicationsAction')} />
    ) : (
      <EmptyState
        text={t('applications.none')}
        hint={t('empty.institutionApplications')}
        href="/institution/needs"
        action={t('empty.institutionApplicationsAction')}
      />
    );
  }
  // An enterprise's own list names the institution it applied to; an institution's names the enterprise.
  const ownEnterprise = base.startsWith('/enterprise');
  return (
    <TableBox label={t(ownEnterprise ? 'applications.title' : 'applications.inbox')}>
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('applications.product')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t(ownEnterprise ? 'applications.institution' : 'applications.enterprise')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('applications.amount')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('applications.status')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('applications.submittedAt')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className="border-t border-slate-200" data-testid="application-row">
              <td className="px-3 py-2">
                <Link href={`${base}/${a.id}`} className="font-medium text-brand-700 underline">
                  {a.productName}
                </Link>
                <span className="ml-1 text-xs text-slate-600">{categoryLabel(a.productCategory)}</span>
              </td>
              <td className="px-3 py-2">
                <UserText>{ownEnterprise ? a.institutionName : a.enterpriseName}</UserText>
              </td>
              <td className="px-3 py-2 text-right">{formatWan(a.amountFen)}</td>
              <td className="px-3 py-2">{t(`applications.statuses.${a.status}`)}</td>
              <td className="px-3 py-2">{formatZoneDateTime(a.submittedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
