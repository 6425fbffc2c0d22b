import Link from 'next/link';
import { ExpressInterestButton } from '@/components/matching/express-interest-button';
import { MatchReasons, ScoreBadge } from '@/components/matching/match-text';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatHours, formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { errorText } from '@/lib/i18n/translate';
import { fitsForInstitution, fitsPageSchema } from '@/lib/matching/service';
import { formatRateBp, formatWan } from '@/lib/core/money';
import { paramsToObject } from '@/lib/validation/catalogue';
import { EmptyState } from '@/components/ui/empty-state';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('matches');

/** A need id no need has (the nil UUID). */
const NO_NEED = '00000000-0000-0000-0000-000000000000';

export default async function InstitutionMatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(['institution'], '/institution/matches');
  const raw = paramsToObject(await searchParams);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const parsed = fitsPageSchema.safeParse(raw);
  const problem = parsed.success ? undefined : errorText(t, parsed.error.issues[0].message);
  const page = parsed.success ? parsed.data.page : 1;
  // From the needs board: one need's pairs only. A malformed need id (or page) keeps the filter and
  // finds nothing, with the error above, rather than showing every need's pairs.
  const need = fitsPageSchema.shape.need.safeParse(raw.need);
  const needId = raw.need === undefined ? null : need.success && need.data ? need.data : NO_NEED;
  const fits = await fitsForInstitution(await getDb(), actor, page, needId);
  const pages = Math.max(1, Math.ceil(fits.total / fits.pageSize));
  const pageLink = (p: number) => `/institution/matches?${new URLSearchParams({ page: String(p), ...(needId ? { need: needId } : {}) })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('matching.institution.title')}</h1>
        <p className="text-slate-700">{t('matching.institution.lead')}</p>
        {fits.medianResponseHours !== null && (
          <p className="mt-1 text-sm text-slate-600">{t('matching.institution.responseTime', { hours: formatHours(fits.medianResponseHours) })}</p>
        )}
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      {needId && (
        <p className="text-sm text-slate-700" data-testid="one-need">
          {t('matching.institution.forOneNeed')}{' '}
          <Link href="/institution/matches" className="text-brand-700 underline">
            {t('matching.institution.allNeeds')}
          </Link>
        </p>
      )}
      <p role="status" className="text-slate-700">
        {t(fits.capped ? 'matching.institution.resultsMore' : 'matching.institution.results', { total: fits.total })}
      </p>
      {fits.items.length === 0 ? (
        // Pairs that agree on the terms but whose enterprise misses an eligibility rule are not "none".
        <EmptyState
          text={
            fits.notEligible > 0
              ? t('matching.institution.noneEligible', { n: fits.notEligible })
              : t(needId ? 'matching.institution.noneForNeed' : 'matching.institution.none')
          }
          hint={t('empty.matches')}
          href="/institution/needs"
          action={t('empty.matchesAction')}
        />
      ) : (
        <ul className="space-y-3">
          {fits.items.map((f) => (
            <li key={`${f.need.id}:${f.product.id}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="fit">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <h2 className="text-lg font-semibold">
                    {t('app.wan', { amount: formatWan(f.need.amountFen) })} · {t('app.months', { n: f.need.termMonths })} ·{' '}
                    {t(`needs.purposes.${f.need.purpose}`)}
                  </h2>
                  <p className="text-sm">
                    <span className="text-slate-600">
                      {t('matching.institution.enterprise')}
                      {t('app.colon')}
                    </span>
                    <Link href={`/institution/enterprises/${f.need.enterpriseId}`} className="font-medium text-brand-700 underline">
                      <UserText>{f.enterpriseName}</UserText>
                    </Link>
                    <span className="text-slate-600"> · {formatZoneDateTime(f.need.createdAt, locale)}</span>
                  </p>
                  <p className="text-sm">
                    <span className="text-slate-600">
                      {t('matching.institution.product')}
                      {t('app.colon')}
                    </span>
                    {f.product.name} · {t('matching.forNeed.rate', { rate: formatRateBp(f.product.effectiveRateMinBp) })}
                  </p>
                  <p className="text-sm text-slate-700">
                    {t('needs.guarantee')}
                    {t('app.colon')}
                    {joinList(
                      t,
                      f.need.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
                    )}{' '}
                    · {t('needs.maxRate')}
                    {t('app.colon')}
                    {f.need.maxRateBp === null ? '—' : formatRateBp(f.need.maxRateBp)}
                  </p>
                </div>
                <div className="flex flex-col items-end gap-2">
                  <ScoreBadge score={f.score} label={t('matching.forNeed.score')} />
                  {f.matchStatus === 'contacted' ? (
                    <span className="text-sm font-medium text-green-800" data-testid="fit-status">
                      {t('matching.institution.interestExpressed')}
                    </span>
                  ) : f.matchStatus === 'declined' || f.matchStatus === 'applied' ? (
                    <span className="text-sm font-medium text-slate-700" data-testid="fit-status">
                      {t(`matching.institution.${f.matchStatus}`)}
                    </span>
                  ) : (
                    <ExpressInterestButton needId={f.need.id} productId={f.product.id} />
                  )}
                </div>
              </div>
              {f.need.description && (
                <p className="text-sm text-slate-700">
                  <UserText>{f.need.description}</UserText>
                </p>
              )}
              <MatchReasons reasons={f.reasons} t={t} ceilingSet={f.need.maxRateBp !== null} voice="officer" />
            </li>
          ))}
        </ul>
      )}
      {fits.items.length > 0 && fits.notEligible > 0 && (
        <p className="text-sm text-slate-600">{t('matching.institution.notEligible', { n: fits.notEligible })}</p>
      )}
      {pages > 1 && (
        <nav aria-label={t('product.page', { page, pages })} className="flex justify-center gap-4">
          {page > 1 && <Link href={pageLink(page - 1)}>{t('product.prev')}</Link>}
          <span>{t('product.page', { page, pages })}</span>
          {page < pages && <Link href={pageLink(page + 1)}>{t('product.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
