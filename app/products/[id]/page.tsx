import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EligibilityChecklist } from '@/components/products/eligibility-checklist';
import { amountRangeText, rateText, termRangeText } from '@/components/products/format';
import { getDb } from '@/db';
import { productPage } from '@/lib/products/views';
import { categoryName } from '@/lib/products/categories';
import { currentActor } from '@/lib/auth/session';
import { formatHours, formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { formatRateBp } from '@/lib/core/money';
import { isUuid } from '@/lib/core/ids';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('product');

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [t, locale, actor] = await Promise.all([getT(), getLocale(), currentActor()]);
  const db = await getDb();
  const shown = await productPage(db, actor, id);
  if (!shown) notFound();
  const { row, parks, eligibility, requirements, categories } = shown;
  const p = row.product;
  const rt = shown.responseTime ?? undefined;
  // A median without data says so, not "— 小时".
  const hours = (n: number | string | null | undefined) =>
    n === null || n === undefined ? t('applications.responseNoData') : t('applications.responseHours', { n: formatHours(Number(n)) });
  const parkName = (pid: number) => {
    const park = parks.find((x) => x.id === pid);
    return park ? localName(park, locale) : String(pid);
  };
  const rules: [string, string][] = [];
  if (p.requiredCertifications.length)
    rules.push([
      t('product.requiredCertifications'),
      joinList(
        t,
        p.requiredCertifications.map((c) => t(`certifications.${c}`)),
      ),
    ]);
  if (p.minInnovationScore) rules.push([t('product.minScore'), p.minInnovationScore]);
  if (p.minYearsInOperation !== null) rules.push([t('product.minYears'), t('product.years', { n: p.minYearsInOperation })]);
  if (p.eligibleParkIds.length) rules.push([t('product.parks'), joinList(t, p.eligibleParkIds.map(parkName))]);
  if (p.eligibleIndustries.length)
    rules.push([
      t('product.industries'),
      joinList(
        t,
        p.eligibleIndustries.map((s) => t(`industries.${s}`)),
      ),
    ]);
  if (p.maxEmployees !== null) rules.push([t('product.maxEmployees'), String(p.maxEmployees)]);
  const priced = { ...row, effectiveRateMinBp: Number(row.effectiveRateMinBp), effectiveRateMaxBp: Number(row.effectiveRateMaxBp) };

  return (
    <article className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/products" className="text-brand-700 underline">
          {t('product.catalogueTitle')}
        </Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap gap-2 text-xs">
          <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{categoryName(categories, p.category, locale)}</span>
          {p.zoneExclusive && <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{t('product.exclusive')}</span>}
        </div>
        <h1 className="text-2xl font-bold">{p.name}</h1>
        <p className="text-slate-700">
          {row.institutionName} · {p.summary}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="terms" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
          <h2 id="terms" className="text-lg font-semibold">
            {t('product.terms')}
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t('product.amountRange')}</dt>
            <dd>{amountRangeText(p.amountMinFen, p.amountMaxFen, t)}</dd>
            <dt className="text-slate-600">{t('product.termRange')}</dt>
            <dd>{termRangeText(p.termMinMonths, p.termMaxMonths, t)}</dd>
            <dt className="text-slate-600">{t('product.rateRange')}</dt>
            <dd>{rateText(priced, t)}</dd>
            {p.feeBp > 0 && (
              <>
                <dt className="text-slate-600">{t('product.fee')}</dt>
                <dd>{formatRateBp(p.feeBp)}</dd>
              </>
            )}
            <dt className="text-slate-600">{t('product.guarantee')}</dt>
            <dd>
              {joinList(
                t,
                p.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
              )}
            </dd>
            <dt className="text-slate-600">{t('product.repayment')}</dt>
            <dd>
              {joinList(
                t,
                p.repaymentMethods.map((r) => t(`repaymentMethods.${r}`)),
              )}
            </dd>
            {row.schemeName && (
              <>
                <dt className="text-slate-600">{t('product.schemeShown')}</dt>
                <dd data-testid="product-scheme" lang="zh-CN">
                  {row.schemeName}
                </dd>
              </>
            )}
            {p.publishedAt && (
              <>
                <dt className="text-slate-600">{t('product.publishedAt')}</dt>
                <dd>{formatZoneDateTime(p.publishedAt, locale)}</dd>
              </>
            )}
          </dl>
          {p.description && (
            <>
              <h2 className="mt-6 text-lg font-semibold">{t('product.description')}</h2>
              <p className="mt-2 whitespace-pre-line text-slate-800">{p.description}</p>
            </>
          )}
          {requirements.length > 0 && (
            <>
              <h2 className="mt-6 text-lg font-semibold">{t('documents.required.title')}</h2>
              <ul className="mt-2 list-inside list-disc text-slate-800" data-testid="product-required-kinds">
                {requirements.map((r) => (
                  <li key={r.kind}>
                    {t(`documents.kinds.${r.kind}`)}
                    {r.kind === 'financial_statement' ? ` · ${t('documents.required.years', { years: r.years })}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.requiredDocuments.length > 0 && (
            <>
              <h2 className="mt-6 text-lg font-semibold">{t('product.requiredDocuments')}</h2>
              <ul className="mt-2 list-inside list-disc text-slate-800">
                {p.requiredDocuments.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <aside className="space-y-4">
          <section aria-labelledby="rules" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="rules" className="text-lg font-semibold">
              {t('product.eligibility')}
            </h2>
            {rules.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">{t('product.noEligibility')}</p>
            ) : (
              <dl className="mt-2 space-y-1 text-sm">
                {rules.map(([k, v]) => (
                  <div key={k}>
                    <dt className="inline text-slate-600">
                      {k}
                      {t('app.colon')}
                    </dt>
                    <dd className="inline">{v}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <section aria-labelledby="mine" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="mine" className="text-lg font-semibold">
              {t('product.yourEligibility')}
            </h2>
            <div className="mt-2">
              {eligibility ? (
                <EligibilityChecklist results={eligibility.results} eligible={eligibility.eligible} t={t} />
              ) : (
                <p className="text-sm text-slate-700">{t('product.signInForEligibility')}</p>
              )}
            </div>
          </section>
          <section aria-labelledby="response" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <h2 id="response" className="font-semibold">
              {t('applications.responseTime')}
            </h2>
            <p className="mt-1" data-testid="response-time">
              {rt && rt.firstActionHours !== null
                ? t('applications.responseLine', {
                    first: hours(rt.firstActionHours),
                    decision: hours(rt.decisionHours),
                    disbursement: hours(rt.disbursementHours),
                  })
                : t('applications.responseNone')}
            </p>
          </section>
          {actor?.role === 'enterprise' ? (
            <Link href={`/products/${p.id}/apply`} className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t('applications.apply')}
            </Link>
          ) : !actor ? (
            <p className="text-sm text-slate-700">
              <Link href={`/login?callbackUrl=${encodeURIComponent(`/products/${p.id}/apply`)}`} className="font-medium text-brand-700 underline">
                {t('applications.signInToApply')}
              </Link>
            </p>
          ) : null}
          <Link href={`/products/compare?ids=${p.id}`} className="block text-sm font-medium text-brand-700 underline">
            {t('product.compare')}
          </Link>
        </aside>
      </div>
    </article>
  );
}
