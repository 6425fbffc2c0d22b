import Link from 'next/link';
import { InstitutionDecisionButton } from '@/components/admin/institution-decision-button';
import { InstitutionRejectForm } from '@/components/admin/institution-reject-form';
import { Stat } from '@/components/ui/stat';
import { getDb } from '@/db';
import { adminHome } from '@/lib/admin/views';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { formatWan } from '@/lib/core/money';
import { pageTitle } from '@/lib/i18n/page-title';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('admin');

export default async function AdminHome() {
  const actor = await requirePageActor(['admin'], '/admin');
  const [t, db] = await Promise.all([getT(), getDb()]);
  const { pending, queue, figures: f } = await adminHome(db, actor);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('admin.title')}</h1>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t('home.institutions')} value={f.institutions} href="/admin/institutions" />
        <Stat label={t('home.products')} value={f.products} />
        <Stat label={t('home.disbursed')} value={formatWan(BigInt(f.disbursedFen))} />
        <Stat label={t('home.ipPledgeProjects')} value={f.ipPledgeProjects} />
        <Stat label={t('admin.enterprisesToVerify')} value={queue.enterprises} href="/admin/verification" />
        <Stat label={t('admin.certificationsToVerify')} value={queue.certifications} href="/admin/verification" />
      </dl>
      <p className="text-sm text-slate-600" data-testid="admin-figures-period">
        {t('admin.figuresPeriod')}
      </p>
      <p>
        <Link href="/admin/verification" className="font-medium text-brand-700 underline">
          {t('verify.openQueue')}
        </Link>
      </p>
      <p>
        <Link href="/admin/dashboard" className="font-medium text-brand-700 underline">
          {t('figures.openDashboard')}
        </Link>
      </p>
      <nav aria-label={t('oversight.nav')}>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/admin/institutions" className="font-medium text-brand-700 underline">
              {t('oversight.institutionsLink')}
            </Link>
          </li>
          <li>
            <Link href="/admin/users" className="font-medium text-brand-700 underline">
              {t('oversight.usersLink')}
            </Link>
          </li>
          <li>
            <Link href="/admin/audit" className="font-medium text-brand-700 underline">
              {t('oversight.auditLink')}
            </Link>
          </li>
          <li>
            <Link href="/admin/categories" className="font-medium text-brand-700 underline">
              {t('categories.title')}
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="pending-title" className="space-y-3">
        <h2 id="pending-title" className="text-lg font-semibold">
          {t('admin.pendingInstitutions')}
        </h2>
        {pending.length === 0 ? (
          <p className="text-slate-700">{t('admin.noPendingInstitutions')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('admin.name')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('admin.kind')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('admin.uscc')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('admin.contact')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('admin.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => (
                  <tr key={i.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      <UserText>{i.name}</UserText>
                    </td>
                    <td className="px-3 py-2">{t(`institutionKinds.${i.kind}`)}</td>
                    <td className="px-3 py-2 font-mono">{i.uscc}</td>
                    <td className="px-3 py-2">
                      <UserText>{i.contactName}</UserText> · {i.contactPhone}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap items-start gap-2">
                        <InstitutionDecisionButton institutionId={i.id} action="approve" institutionName={i.name} />
                        <InstitutionRejectForm institutionId={i.id} institutionName={i.name} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
