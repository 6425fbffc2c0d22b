// The need page's matching section: institutions' interests (accept / decline), the fitting
// products ranked with the reasons behind each score, and the near misses with the rule that failed.
import Link from 'next/link';
import { InterestResponseButtons } from '@/components/matching/interest-response-buttons';
import { MatchReasons, ScoreBadge, type ReasonLike } from '@/components/matching/match-text';
import { NearMisses } from '@/components/matching/near-misses';
import { getLocale, getT } from '@/lib/i18n/server';
import { categoryName } from '@/lib/products/categories';
import type { matchesForNeed } from '@/lib/matching/service';
import { formatRateBp } from '@/lib/core/money';

type NeedMatchesView = Awaited<ReturnType<typeof matchesForNeed>>;

export async function NeedMatches({ view }: { view: NeedMatchesView }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { need, fits, fitsTotal, nearMisses, interests, appliedFor, categories } = view;
  const live = need.status === 'open' || need.status === 'matched';
  const ceilingSet = need.maxRateBp !== null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="interests" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <h2 id="interests" className="text-lg font-semibold">
            {t('matching.interests.title')}
          </h2>
          <p className="text-sm text-slate-700">{t('matching.interests.lead')}</p>
        </div>
        {interests.length === 0 ? (
          <p className="text-sm text-slate-700">{t('matching.interests.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {interests.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="need-interest">
                <div className="space-y-1">
                  <p className="font-medium">
                    {i.institutionName} ·{' '}
                    <Link href={`/products/${i.productId}`} className="text-brand-700 underline">
                      {i.productName}
                    </Link>
                  </p>
                  <ScoreBadge score={i.score} label={t('matching.forNeed.score')} />
                </div>
                {i.status === 'contacted' && !i.accepted ? (
                  <InterestResponseButtons matchId={i.id} institutionName={i.institutionName} />
                ) : (
                  <span className="text-sm font-medium text-slate-800" data-testid="interest-status">
                    {i.status === 'contacted' ? t('matching.interests.accepted') : t(`matching.interests.${i.status === 'applied' ? 'applied' : 'declined'}`)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fits" className="space-y-3">
        <div>
          <h2 id="fits" className="text-lg font-semibold">
            {t('matching.forNeed.title')}
          </h2>
          <p className="text-sm text-slate-700">{t('matching.forNeed.lead')}</p>
        </div>
        {!live ? (
          <p className="text-slate-700">{t('matching.forNeed.notLive')}</p>
        ) : fits.length === 0 ? (
          <p className="text-slate-700">{t('matching.forNeed.none')}</p>
        ) : (
          <ol className="space-y-3">
            {fits.map((f, n) => {
              const applied = appliedFor.get(f.product.id);
              return (
                <li key={f.product.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="matched-product">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-semibold">
                      <span className="mr-2 text-slate-500">{n + 1}.</span>
                      <Link href={`/products/${f.product.id}`} className="text-brand-700 underline">
                        {f.product.name}
                      </Link>
                    </h3>
                    <ScoreBadge score={f.score} label={t('matching.forNeed.score')} />
                  </div>
                  <p className="text-sm text-slate-700">
                    {f.product.institutionName} · {categoryName(categories, f.product.category, locale)} ·{' '}
                    {t('matching.forNeed.rate', { rate: formatRateBp(f.product.effectiveRateMinBp) })}
                    {f.product.zoneExclusive && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('product.exclusive')}</span>}
                  </p>
                  <MatchReasons reasons={f.reasons as ReasonLike[]} t={t} ceilingSet={ceilingSet} />
                  {applied ? (
                    // Applied for from this need already: the application, not a second one.
                    <p className="text-sm" data-testid="applied-for">
                      <span className="mr-2 rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-900">
                        {t('matching.forNeed.appliedFor', { status: t(`applications.statuses.${applied.status}`) })}
                      </span>
                      <Link href={`/enterprise/applications/${applied.id}`} className="text-brand-700 underline">
                        {t('matching.forNeed.viewApplication')}
                        <span className="sr-only">
                          {t('app.colon')}
                          {f.product.name}
                        </span>
                      </Link>
                    </p>
                  ) : (
                    <Link
                      href={`/products/${f.product.id}/apply?needId=${need.id}`}
                      className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
                    >
                      {t('applications.apply')}
                      <span className="sr-only">
                        {t('app.colon')}
                        {f.product.name}
                      </span>
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {live && fitsTotal > fits.length && (
          <p className="text-sm text-slate-700" data-testid="more-fits">
            {t('matching.forNeed.moreFits', { shown: fits.length, total: fitsTotal })}{' '}
            <Link href={`/enterprise/needs/${need.id}?fits=all#fits`} className="text-brand-700 underline">
              {t('matching.forNeed.allFits', { total: fitsTotal })}
            </Link>
          </p>
        )}
      </section>

      {live && <NearMisses nearMisses={nearMisses} t={t} />}
    </div>
  );
}
