import Link from 'next/link';
import { QueueTable } from '@/components/applications/queue';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { applicationQueue, QUEUE_PAGE } from '@/lib/applications/queue';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { applicationMachine } from '@/lib/machines/application';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionApplications');

/** The officers' queue: waiting applications by state, the longest waiting first (issue 13). */
export default async function InstitutionApplicationsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const actor = await requirePageActor(['institution'], '/institution/applications');
  const t = await getT();
  const sp = await searchParams;
  const page = Math.max(1, Math.floor(Number(sp.page)) || 1);
  const q = await applicationQueue(await getDb(), actor, { status: sp.status, page });
  const tab = (href: string, label: string, active: boolean) => (
    <Link key={href} href={href} className={active ? 'font-semibold underline' : 'underline'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('applications.inbox')}</h1>
        <p className="text-slate-700">{t('documents.workbench.queueLead')}</p>
      </div>
      <nav aria-label={t('applications.status')} className="flex flex-wrap gap-3 text-sm">
        {tab(
          '/institution/applications',
          `${t('documents.workbench.queueTitle')}${t('app.aside', { text: String(q.waitingStates.reduce((s, k) => s + (q.byState[k] ?? 0), 0)) })}`,
          q.status === null,
        )}
        {applicationMachine.states.map((s) =>
          tab(
            `/institution/applications?status=${s}`,
            `${t(`applications.statuses.${s}`)}${t('app.aside', { text: String(q.byState[s] ?? 0) })}`,
            q.status === s,
          ),
        )}
      </nav>
      <QueueTable items={q.items} t={t} now={new Date()} />
      <Pager
        t={t}
        page={page}
        pages={Math.max(1, Math.ceil(q.total / QUEUE_PAGE))}
        href={(p) => `/institution/applications?${new URLSearchParams({ ...(q.status ? { status: q.status } : {}), page: String(p) })}`}
      />
    </div>
  );
}
