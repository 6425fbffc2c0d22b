import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { BoardFilters } from '@/components/needs/board-filters';
import { getDb } from '@/db';
import { zoneParks } from '@/lib/enterprises/views';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { isAppError } from '@/lib/core/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { errorText } from '@/lib/i18n/translate';
import { formatRateBp, formatWan } from '@/lib/core/money';
import { needsBoardFor } from '@/lib/needs/service';
import { paramsToObject } from '@/lib/validation/catalogue';
import { needsBoardQuerySchema } from '@/lib/validation/need';
import { localName, localParkName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('needsBoard');

export default async function NeedsBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(['institution'], '/institution/needs');
  const raw = paramsToObject(await searchParams);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const parsed = needsBoardQuerySchema.safeParse(raw);
  let problem = parsed.success ? undefined : errorText(t, parsed.error.issues[0].message);
  const query = parsed.success ? parsed.data : needsBoardQuerySchema.parse({});
  const board = await needsBoardFor(db, actor, query).catch(async (e) => {
    if (!isAppError(e)) throw e;
    problem = errorText(t, e.messageKey);
    return needsBoardFor(db, actor, { ...query, park: undefined });
  });
  const parks = await zoneParks(db);
  const pages = Math.max(1, Math.ceil(board.total / board.pageSize));
  const pageLink = (page: number) => `/institution/needs?${new URLSearchParams({ ...raw, page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('needs.board.title')}</h1>
        <p className="text-slate-700">{t('needs.board.lead')}</p>
      </div>
      <BoardFilters values={raw} parks={parks.map((p) => ({ code: p.code, name: localName(p, locale) }))} />
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      <p role="status" className="text-slate-700">
        {t('needs.board.results', { total: board.total })}
      </p>
      {board.items.length === 0 ? (
        <p className="text-slate-700">{t('needs.board.noResults')}</p>
      ) : (
        <ul className="space-y-3">
          {board.items.map((n) => (
            <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="board-need">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {t('app.wan', { amount: formatWan(n.amountFen) })} · {t('app.months', { n: n.termMonths })} · {t(`needs.purposes.${n.purpose}`)}
                </h2>
                <span className="text-sm text-slate-600">{formatZoneDateTime(n.createdAt, locale)}</span>
              </div>
              <p className="mt-1 text-sm">
                <Link href={`/institution/enterprises/${n.enterpriseId}`} className="font-medium text-brand-700 underline">
                  <UserText>{n.enterpriseName}</UserText>
                </Link>{' '}
                · {localParkName(n, locale)} · {t(`industries.${n.industry}`)}
                {n.verificationStatus !== 'verified' && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('needs.board.unverified')}</span>
                )}
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                <div>
                  <dt className="inline text-slate-600">
                    {t('needs.guarantee')}
                    {t('app.colon')}
                  </dt>
                  <dd className="inline">
                    {joinList(
                      t,
                      n.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="inline text-slate-600">
                    {t('needs.maxRate')}
                    {t('app.colon')}
                  </dt>
                  <dd className="inline">{n.maxRateBp === null ? '—' : formatRateBp(n.maxRateBp)}</dd>
                </div>
                <div>
                  <dt className="inline text-slate-600">
                    {t('needs.board.certifications')}
                    {t('app.colon')}
                  </dt>
                  <dd className="inline">
                    {n.certifications.length
                      ? joinList(
                          t,
                          n.certifications.map((c) => t(`certifications.${c}`)),
                        )
                      : '—'}
                  </dd>
                </div>
                <div>
                  <dt className="inline text-slate-600">
                    {t('needs.board.score')}
                    {t('app.colon')}
                  </dt>
                  <dd className="inline">{n.innovationScore ?? t('needs.board.noScore')}</dd>
                </div>
                {n.offeredAssets > 0 && (
                  <div>
                    <dt className="inline text-slate-600">
                      {t('needs.board.offered')}
                      {t('app.colon')}
                    </dt>
                    <dd className="inline">{t('needs.assetsOffered', { n: n.offeredAssets })}</dd>
                  </div>
                )}
                <div className="sm:col-span-2">
                  <dt className="inline text-slate-600">
                    {t('needs.board.financials')}
                    {t('app.colon')}
                  </dt>
                  <dd className="inline" data-testid="need-financials">
                    {n.financials
                      ? `${t('needs.board.revenue')} ${formatWan(n.financials.revenueFen)}${t('app.clauseSeparator')}${t('needs.board.rnd')} ${formatWan(n.financials.rndExpenseFen)}${t('app.clauseSeparator')}${t('needs.board.ipValuation')} ${formatWan(n.financials.ipValuationFen)}`
                      : t('needs.board.financialsHidden')}
                  </dd>
                </div>
              </dl>
              {n.description && (
                <p className="mt-2 text-sm text-slate-700">
                  <UserText>{n.description}</UserText>
                </p>
              )}
              <p className="mt-2 text-sm">
                <Link href={`/institution/matches?need=${n.id}`} className="font-medium text-brand-700 underline" data-testid="need-fits">
                  {t('matching.institution.fromBoard')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager t={t} page={query.page} pages={pages} href={pageLink} />
    </div>
  );
}
