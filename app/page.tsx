import Link from 'next/link';
import { Stat } from '@/components/ui/stat';
import { getDb } from '@/db';
import { homeFor } from '@/lib/auth/actor';
import { currentHeader } from '@/lib/auth/session';
import { landingHeadline } from '@/lib/figures/service';
import { getT } from '@/lib/i18n/server';
import { formatWan } from '@/lib/core/money';

export default async function HomePage() {
  // getT() reads the cookies first, so `next build` never prerenders this page (db/index.ts).
  const t = await getT();
  // The all-time totals come from the snapshot the headline job keeps; the counts are live.
  const f = await landingHeadline(await getDb());
  // A signed-in user is not offered registration again but their own area (the same read as the header's).
  const { actor } = await currentHeader();

  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold text-slate-900">{t('home.title')}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t('home.lead')}</p>
        <div className="flex flex-wrap gap-3">
          {actor ? (
            <Link
              href={homeFor(actor.role)}
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
              data-testid="home-own-area"
            >
              {t(`nav.${actor.role}`)}
            </Link>
          ) : (
            <>
              <Link href="/register/enterprise" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                {t('home.registerEnterprise')}
              </Link>
              <Link href="/register/institution" className="rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
                {t('home.registerInstitution')}
              </Link>
            </>
          )}
          {/* A visitor who first wants to see what is on offer. */}
          <Link href="/products" className="px-4 py-2 font-medium text-brand-700 underline hover:bg-brand-50" data-testid="browse-products">
            {t('home.browseProducts')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="figures-title" className="space-y-4">
        <h2 id="figures-title" className="text-xl font-semibold">
          {t('home.figuresTitle')}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label={t('home.institutions')} value={f.institutions} testId="figure-institutions" />
          <Stat label={t('home.products')} value={f.products} testId="figure-products" />
          <Stat label={t('home.exclusiveProducts')} value={f.exclusiveProducts} testId="figure-exclusive-products" />
          <Stat label={t('home.registeredEnterprises')} value={f.registeredEnterprises} testId="figure-registered-enterprises" />
          <Stat label={t('figures.landing.creditGranted')} value={formatWan(BigInt(f.creditGrantedFen))} testId="figure-credit-granted" />
          <Stat label={t('home.disbursed')} value={formatWan(BigInt(f.disbursedFen))} testId="figure-disbursed" />
          <Stat label={t('home.ipPledgeProjects')} value={f.ipPledgeProjects} testId="figure-ip-pledge-projects" />
        </dl>
      </section>
    </div>
  );
}
