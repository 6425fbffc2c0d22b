import { ApplicationList } from '@/components/applications/list';
import { getDb } from '@/db';
import { enterpriseApplications } from '@/lib/applications/views';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { categoryNamer, productCategories } from '@/lib/products/categories';

export const generateMetadata = pageTitle('enterpriseApplications');

export default async function EnterpriseApplicationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/applications');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const db = await getDb();
  const [{ items }, categories] = await Promise.all([enterpriseApplications(db, actor, { limit: 50, offset: (page - 1) * 50 }), productCategories(db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('applications.myApplications')}</h1>
      <ApplicationList items={items} base="/enterprise/applications" t={t} locale={locale} categoryLabel={categoryNamer(categories, locale)} />
    </div>
  );
}
