// The officers' queue table: enterprise, product, amount, state and how long it has waited.
import Link from 'next/link';
import { waitingFor } from '@/lib/core/dates';
import { applicationMachine } from '@/lib/machines/application';
import { isFinal } from '@/lib/machines/define';
import type { Translate } from '@/lib/i18n/translate';
import { formatWan } from '@/lib/core/money';
import { UserText } from '../ui/user-text';

export interface QueueItem {
  id: string;
  status: string;
  amountFen: bigint;
  termMonths: number;
  waitingSince: Date;
  productName: string;
  enterpriseName: string;
}

export function QueueTable({ items, t, now }: { items: QueueItem[]; t: Translate; now: Date }) {
  if (items.length === 0) return <p className="text-slate-700">{t('applications.none')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="application-queue">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('applications.enterprise')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('applications.product')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('documents.workbench.appliedAmount')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('documents.workbench.appliedTerm')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('applications.status')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('documents.workbench.waiting')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const w = waitingFor(a.waitingSince, now);
            return (
              <tr key={a.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/institution/applications/${a.id}`} className="text-brand-700 underline">
                    <UserText>{a.enterpriseName}</UserText>
                  </Link>
                </td>
                <td className="px-3 py-2">{a.productName}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right">{t('app.wan', { amount: formatWan(a.amountFen) })}</td>
                <td className="whitespace-nowrap px-3 py-2">{t('app.months', { n: a.termMonths })}</td>
                <td className="px-3 py-2">{t(`applications.statuses.${a.status}`)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {/* An application that has ended (disbursed, rejected, withdrawn) waits for nobody. */}
                  {isFinal(applicationMachine, a.status)
                    ? '—'
                    : t(w.unit === 'days' ? 'documents.workbench.waitingDays' : 'documents.workbench.waitingHours', { n: w.n })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
