import Link from 'next/link';
import { ApplicationList } from '@/components/applications/list';
import { getDb } from '@/db';
import { listApplications } from '@/db/queries/applications';
import { applicationMachine } from '@/lib/machines/application';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';

export const metadata = { title: '申请处理' };

export default async function InstitutionApplicationsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const actor = await requirePageActor(['institution'], '/institution/applications');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const sp = await searchParams;
  const status = (applicationMachine.states as readonly string[]).includes(sp.status ?? '') ? sp.status : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const { items, total } = await listApplications(await getDb(), { institutionId: actor.institutionId!, status }, { limit: 50, offset: (page - 1) * 50 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('applications.inbox')}</h1>
      <nav aria-label={t('applications.status')} className="flex flex-wrap gap-2 text-sm">
        <Link href="/institution/applications" className={!status ? 'font-semibold underline' : 'underline'}>
          {t('product.anyValue')}
        </Link>
        {applicationMachine.states.map((s) => (
          <Link key={s} href={`/institution/applications?status=${s}`} className={status === s ? 'font-semibold underline' : 'underline'}>
            {t(`applications.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600">{t('product.results', { total })}</p>
      <ApplicationList items={items} base="/institution/applications" t={t} locale={locale} />
    </div>
  );
}
