import Link from 'next/link';
import { FigureChart, FunnelChart, type ChartDatum, type Series } from '@/components/figures/charts';
import { DataTable } from '@/components/figures/data-table';
import { KpiCards } from '@/components/figures/kpi-cards';
import { ExportForm, ExportLink as DownloadLink } from '@/components/ui/export-link';
import { FiguresFilters } from '@/components/figures/filters-form';
import { figureBatchOrNull } from '@/lib/figures/cache';
import { notePassingRender } from '@/lib/server/session-reads';
import { DashboardComputing } from './computing';
import { DashboardHeading } from './heading';
import { dashboardFigures } from '@/lib/figures/dashboard';
import { exportHref, listLinker, sameViewQuery } from '@/lib/figures/links';
import {
  breakdownTable,
  dimLabel,
  displayCell,
  figureLines,
  funnelByTable,
  funnelTotalTable,
  leagueTable,
  schemesTable,
  type BreakdownSection,
} from '@/lib/figures/tables';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime, zoneDay } from '@/lib/core/dates';
import { dashboardWaitMs, LEAGUE_ALL, LEAGUE_SHOWN, staleNeedsPage, type BreakdownRow } from '@/lib/figures/service';
import { keyFigures, previousPeriod } from '@/lib/figures/kpis';
import { getLocale, getT } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { formatWan } from '@/lib/core/money';
import { withFiguresDb, withReadDb } from '@/lib/server/read-db';
import { dashboardQuerySchema, type FigureBreakdown, type FigureListVariant } from '@/lib/validation/figures';
import { describeFilters, filterOptions, readFilters, recentYears, type SearchParams } from './shared';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('dashboard');

const wan = (fen: bigint | undefined) => (fen === undefined ? null : Number(formatWan(fen).replace(/,/g, '')));

/** Each section's chart: which values of a breakdown row it draws. */
function sectionChart(
  t: Translate,
  section: BreakdownSection,
  dim: FigureBreakdown,
): { series: Series[]; datum: (r: BreakdownRow) => Record<string, number | null> } | null {
  const f = (k: string) => t(`figures.figures.${k}`);
  // The second unit: a line over months, bars on the right axis across parks, institutions, categories.
  const second = (dim === 'month' ? { type: 'line' } : { type: 'bar', axis: 'right' }) satisfies Partial<Series>;
  switch (section) {
    case 'demand':
      return {
        series: [
          { key: 'demand', name: f('demand'), format: 'wan' },
          { key: 'enterprises', name: f('enterprisesWithNeeds'), ...second },
        ],
        datum: (r) => ({ demand: wan(r.demandFen), enterprises: r.enterprisesWithNeeds ?? 0 }),
      };
    case 'applications':
      return {
        series: [
          { key: 'applications', name: f('applications') },
          { key: 'rate', name: f('approvalRate'), ...second, format: 'percent' },
        ],
        datum: (r) => ({ applications: r.applications ?? 0, rate: r.approvalRate ?? null }),
      };
    case 'credit':
      return {
        series: [
          { key: 'credit', name: f('creditGranted'), format: 'wan' },
          { key: 'disbursed', name: f('disbursed'), format: 'wan' },
        ],
        datum: (r) => ({ credit: wan(r.creditGrantedFen), disbursed: wan(r.disbursedFen) }),
      };
    case 'ip':
      return {
        series: [
          { key: 'amount', name: f('ipPledgeAmount'), format: 'wan' },
          { key: 'projects', name: f('ipPledgeProjects'), ...second },
        ],
        datum: (r) => ({ amount: wan(r.ipPledgeFen), projects: r.ipPledgeProjects ?? 0 }),
      };
    case 'supply':
      if (dim === 'month') return null;
      if (dim === 'park')
        return { series: [{ key: 'registered', name: f('registeredEnterprises') }], datum: (r) => ({ registered: r.registeredEnterprises ?? 0 }) };
      return {
        series: [
          { key: 'products', name: f('products') },
          { key: 'exclusive', name: f('exclusiveProducts') },
          { key: 'institutions', name: f('institutions'), ...second },
        ],
        datum: (r) => ({ products: r.products ?? 0, exclusive: r.exclusiveProducts ?? 0, institutions: r.institutions ?? 0 }),
      };
  }
}

type ExportLink = { label: string; table: string; variant?: FigureListVariant };

/** One part of the dashboard: its heading with the period it counts, its content, and its exports. */
function Section({
  id,
  title,
  period,
  exports,
  children,
}: {
  id: string;
  title: string;
  period?: string;
  exports?: { t: Translate; links: ExportLink[]; href: (l: ExportLink, f: 'csv' | 'xlsx') => string };
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-3" data-testid={`section-${id}`}>
      <div>
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        {period && (
          <p className="text-sm text-slate-600" data-testid="section-period">
            {period}
          </p>
        )}
      </div>
      {children}
      {exports && exports.links.length > 0 && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid={`section-exports-${id}`}>
          <span className="text-slate-700">{exports.t('figures.sectionExports')}</span>
          {exports.links.map((l) => (
            <span key={`${l.table}-${l.variant ?? ''}`} className="inline-flex gap-2">
              <span>{l.label}</span>
              <DownloadLink href={exports.href(l, 'csv')}>
                {exports.t('figures.exports.csv')}
                <span className="sr-only">
                  {exports.t('app.colon')}
                  {l.label}
                </span>
              </DownloadLink>
              <DownloadLink href={exports.href(l, 'xlsx')}>
                {exports.t('figures.exports.xlsx')}
                <span className="sr-only">
                  {exports.t('app.colon')}
                  {l.label}
                </span>
              </DownloadLink>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

/** The dashboard's parts, in order, for the index at the top. */
const INDEX = ['kpis', 'needs', 'applications', 'loans', 'ip', 'schemes', 'institutions', 'all', 'exports'] as const;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor(['admin'], '/admin/dashboard');
  const [t, locale, raw] = await Promise.all([getT(), getLocale(), searchParams]);
  // The filters, the stale needs and the lists to choose from: quick reads, on the read replica when
  // there is one (lib/server/read-db.ts), never queued behind figure computations.
  const { query, filter, problems } = await withReadDb((db) => readFilters(db, t, dashboardQuerySchema, raw));
  // The summary compares with the previous period of the same length, counted by the same function.
  const previous = previousPeriod(filter);
  const [batch, stale, options] = await Promise.all([
    // The figures, through their own pool: one reading of the database's snapshot for all of them
    // (lib/figures/cache.ts); those still computing after a write past dashboardWaitMs() are shown as
    // they were, with their time, and figures never computed before are not waited for past it.
    withFiguresDb((db) =>
      figureBatchOrNull(db, dashboardWaitMs(), () => dashboardFigures(db, filter, query.breakdown, query.league === 'all' ? LEAGUE_ALL : LEAGUE_SHOWN)),
    ),
    withReadDb((db) => staleNeedsPage(db, filter, 1, 10)),
    withReadDb((db) => filterOptions(db, locale)),
  ]);
  const dim = query.breakdown;
  const params = { from: filter.from, to: filter.to, park: filter.parkCode, institution: filter.institutionId, category: filter.category };
  const filters = (
    <FiguresFilters
      t={t}
      values={params}
      breakdown={dim}
      parks={options.parks}
      institutions={options.institutions}
      categories={options.categories}
      years={recentYears()}
    />
  );
  // Figures still computing, or shown as last computed: the private page cache must not keep this
  // render (the computation does not change the data version it keys by), so a reload finds them.
  if (!batch || batch.asOf) notePassingRender();
  if (!batch) return <DashboardComputing t={t} filters={filters} problems={problems} reloadHref={`/admin/dashboard${sameViewQuery(raw, {})}`} />;
  const {
    value: [figures, previousFigures, breakdown, funnel, leagueTable_],
    asOf,
  } = batch;
  const link = listLinker(params);
  const lines = figureLines(t, figures, stale.total, link);
  const labelOf = (r: BreakdownRow) => dimLabel(t, locale, dim, r);
  const scope = describeFilters(filter, options);
  const thisMonth = zoneDay().slice(0, 7);
  const reportMonth = filter.to.slice(0, 7) < thisMonth ? filter.to.slice(0, 7) : thisMonth;
  const exportLink = (table: string, format: 'csv' | 'xlsx') => exportHref(params, table, format, { breakdown: dim });
  const sectionExports = (links: ExportLink[]) => ({
    t,
    links,
    href: (l: ExportLink, f: 'csv' | 'xlsx') => exportHref(params, l.table, f, { breakdown: dim, variant: l.variant }),
  });
  const over = t('figures.sectionPeriod', { from: filter.from, to: filter.to });
  const breakdownExport: ExportLink = { label: t('figures.exports.breakdown'), table: 'breakdown' };
  const kpis = keyFigures(figures, previousFigures);
  const kpiHrefs = {
    institutions: link('institutions'),
    products: link('products'),
    registeredEnterprises: link('enterprises'),
    demand: link('needs'),
    approvals: link('applications', { variant: 'credit' }),
    disbursed: link('loans'),
    ipPledgeProjects: link('loans', { variant: 'ip' }),
  };

  /** One breakdown section's chart and table (the same data), or why there is none. */
  const breakdownPart = (section: BreakdownSection) => {
    const table = breakdownTable(t, locale, dim, breakdown, section, link);
    const chart = sectionChart(t, section, dim);
    const title = `${t(`figures.sections.${section}`)} · ${t(`figures.breakdowns.${dim}`)}`;
    if (!table || !chart) return <p className="text-slate-700">{t('figures.notBrokenDown', { dim: t(`figures.dims.${dim}`) })}</p>;
    if (breakdown.length === 0) return <p className="text-slate-700">{t('figures.noData')}</p>;
    return (
      <div className="space-y-3" data-testid={`part-${section}`}>
        <FigureChart
          title={t('figures.chartLabel', { title })}
          testId={`chart-${section}`}
          series={chart.series}
          data={breakdown.map((r): ChartDatum => ({ label: labelOf(r), ...chart.datum(r) }))}
        />
        <DataTable spec={table} caption={title} testId={`table-${section}`} />
      </div>
    );
  };

  return (
    <div className="space-y-10">
      <DashboardHeading t={t} filters={filters} problems={problems} />
      <div className="space-y-1 text-sm text-slate-700">
        <p data-testid="dashboard-period">
          {t('figures.period', { from: filter.from, to: filter.to })}
          {scope && <span data-testid="dashboard-scope"> · {scope}</span>}
        </p>
        <p>{t('figures.scopeNote')}</p>
        {asOf && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900" data-testid="dashboard-as-of">
            {t('figures.asOf', { at: formatZoneDateTime(asOf, locale) })}
          </p>
        )}
      </div>

      <nav
        aria-label={t('figures.index')}
        className="sticky top-0 z-10 -mx-1 overflow-x-auto border-b border-slate-200 bg-slate-50/95 px-1 py-2"
        data-testid="dashboard-index"
      >
        <ul className="flex gap-4 whitespace-nowrap text-sm font-medium">
          {INDEX.map((id) => (
            <li key={id}>
              <a href={`#${id}`} className="text-brand-700 underline-offset-4 hover:underline">
                {id === 'kpis' ? t('figures.kpis.title') : t(`figures.sections.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="kpis" title={t('figures.kpis.title')}>
        <p className="text-sm text-slate-700">{t('figures.kpis.lead')}</p>
        <KpiCards kpis={kpis} period={filter} previous={previous} t={t} hrefs={kpiHrefs} />
      </Section>

      <Section
        id="needs"
        title={t('figures.sections.needs')}
        period={over}
        exports={sectionExports([
          breakdownExport,
          { label: t('figures.exports.funnel'), table: 'funnel' },
          { label: t('figures.lists.titles.needs'), table: 'needs' },
          { label: t('figures.sections.stale'), table: 'stale' },
        ])}
      >
        {breakdownPart('demand')}
        <h3 className="text-lg font-semibold">{t('figures.sections.funnel')}</h3>
        <p className="text-sm text-slate-700">{t('figures.funnel.lead')}</p>
        <FunnelChart title={t('figures.sections.funnel')} data={funnel.total.map((s) => ({ label: t(`figures.funnel.stages.${s.stage}`), count: s.count }))} />
        <DataTable spec={funnelTotalTable(t, funnel.total, link)} caption={t('figures.sections.funnel')} testId="table-funnel" />
        {funnel.rows.length > 0 && (
          <DataTable
            spec={funnelByTable(t, locale, dim, funnel.rows, link)}
            caption={`${t('figures.sections.funnel')} · ${t(`figures.breakdowns.${dim}`)}`}
            testId="table-funnel-by"
          />
        )}
        <h3 className="text-lg font-semibold" id="stale">
          {t('figures.sections.stale')}
          {t('app.aside', { text: String(stale.total) })}
        </h3>
        <p className="text-sm text-slate-700">
          {t('figures.stale.lead')}{' '}
          <Link href="/admin/calendar" className="text-brand-700 underline">
            {t('figures.stale.calendarLink')}
          </Link>
        </p>
        {stale.total === 0 ? (
          <p className="text-slate-700">{t('figures.stale.none')}</p>
        ) : (
          <>
            <DataTable
              spec={{
                columns: [
                  { header: t('figures.columns.postedAt'), cell: (n) => ({ kind: 'text', value: n.createdAt }) },
                  { header: t('figures.columns.enterprise'), cell: (n) => ({ kind: 'text', value: n.enterpriseName }), rowHeader: true },
                  { header: t('figures.columns.park'), cell: (n) => ({ kind: 'text', value: options.parks.find((p) => p.id === n.parkId)?.name ?? '' }) },
                  { header: t('figures.columns.amount'), cell: (n) => ({ kind: 'fen', value: n.amountFen }) },
                  { header: t('figures.stale.waiting'), cell: (n) => ({ kind: 'hours', value: n.waitingWorkingDays }) },
                  {
                    header: t('figures.stale.suggested'),
                    cell: (n) => ({ kind: 'text', value: n.suggestedInstitutions && joinList(t, n.suggestedInstitutions) }),
                  },
                ],
                rows: stale.items,
              }}
              caption={t('figures.sections.stale')}
              testId="table-stale"
            />
            <p>
              <Link href={link('stale')} className="font-medium text-brand-700 underline">
                {t('figures.stale.all', { n: stale.total })}
              </Link>
            </p>
          </>
        )}
      </Section>

      <Section
        id="applications"
        title={t('figures.sections.applications')}
        period={over}
        exports={sectionExports([breakdownExport, { label: t('figures.lists.titles.applications'), table: 'applications' }])}
      >
        {breakdownPart('applications')}
      </Section>

      <Section
        id="loans"
        title={t('figures.sections.loans')}
        period={over}
        exports={sectionExports([breakdownExport, { label: t('figures.lists.titles.loans'), table: 'loans' }])}
      >
        {breakdownPart('credit')}
      </Section>

      <Section
        id="ip"
        title={t('figures.sections.ip')}
        period={over}
        exports={sectionExports([breakdownExport, { label: t('figures.lists.titles.loans'), table: 'loans', variant: 'ip' }])}
      >
        {breakdownPart('ip')}
      </Section>

      <Section
        id="schemes"
        title={t('figures.sections.schemes')}
        period={over}
        exports={sectionExports([{ label: t('figures.exports.schemes'), table: 'schemes' }])}
      >
        <p className="text-sm text-slate-700">{t('figures.schemes.lead')}</p>
        <DataTable spec={schemesTable(t, figures.schemes, link)} caption={t('figures.sections.schemes')} testId="table-schemes" />
      </Section>

      <Section
        id="institutions"
        title={t('figures.sections.institutions')}
        period={over}
        exports={sectionExports([
          breakdownExport,
          { label: t('figures.exports.league'), table: 'league' },
          { label: t('figures.lists.titles.institutions'), table: 'institutions' },
        ])}
      >
        {breakdownPart('supply')}
        <h3 className="text-lg font-semibold">{t('figures.sections.league')}</h3>
        <p className="text-sm text-slate-700">{t('figures.league.lead')}</p>
        {leagueTable_.items.length > 0 && (
          <FigureChart
            title={t('figures.chartLabel', { title: t('figures.sections.league') })}
            testId="chart-league"
            series={[
              { key: 'hours', name: t('figures.league.median') },
              { key: 'rate', name: t('figures.league.approvalRate'), type: 'bar', axis: 'right', format: 'percent' },
            ]}
            data={leagueTable_.items.map((i) => ({ label: i.name, hours: i.medianResponseHours, rate: i.approvalRate }))}
          />
        )}
        <DataTable spec={leagueTable(t, leagueTable_.items, 1, link)} caption={t('figures.sections.league')} testId="table-league" />
        {leagueTable_.total > leagueTable_.items.length && (
          <p className="text-sm text-slate-700" data-testid="league-more">
            {t('figures.league.shown', { shown: leagueTable_.items.length, total: leagueTable_.total })}{' '}
            <Link href={`${sameViewQuery(raw, { league: 'all' })}#institutions`} className="text-brand-700 underline">
              {t('figures.league.all', { total: leagueTable_.total })}
            </Link>
          </p>
        )}
      </Section>

      <Section id="all" title={t('figures.sections.all')} period={over} exports={sectionExports([{ label: t('figures.exports.figures'), table: 'figures' }])}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {lines.map((l) => (
            <div key={l.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{l.label}</dt>
              <dd className="mt-1 text-2xl font-semibold text-slate-900">
                {l.href ? (
                  <Link
                    href={l.href}
                    className="text-slate-900 underline decoration-dotted underline-offset-4 hover:text-brand-700"
                    data-testid={`figure-${l.id}`}
                  >
                    {displayCell(l.cell)}
                  </Link>
                ) : (
                  <span data-testid={`figure-${l.id}`}>{displayCell(l.cell)}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="exports" title={t('figures.sections.exports')}>
        <p className="text-sm text-slate-700">{t('figures.exports.lead')}</p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {(['figures', 'breakdown', 'funnel', 'league', 'schemes', 'stale'] as const).map((table) => (
            <li key={table} className="flex items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2">
              <span className="flex-1">{table === 'stale' ? t('figures.sections.stale') : t(`figures.exports.${table}`)}</span>
              <DownloadLink href={exportLink(table, 'csv')} testId={`export-${table}-csv`}>
                {t('figures.exports.csv')}
              </DownloadLink>
              <DownloadLink href={exportLink(table, 'xlsx')} testId={`export-${table}-xlsx`}>
                {t('figures.exports.xlsx')}
              </DownloadLink>
            </li>
          ))}
        </ul>
        <ExportForm action="/admin/dashboard/export" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
          <input type="hidden" name="table" value="monthly" />
          {filter.parkCode && <input type="hidden" name="park" value={filter.parkCode} />}
          <div>
            <label htmlFor="fig-month" className="block text-sm font-medium text-slate-800">
              {t('figures.exports.monthlyMonth')}
            </label>
            <input id="fig-month" name="month" type="month" defaultValue={reportMonth} className="rounded-md border border-slate-400 px-3 py-2" required />
          </div>
          <button
            type="submit"
            name="format"
            value="csv"
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t('figures.exports.monthly')} · {t('figures.exports.csv')}
          </button>
          <button
            type="submit"
            name="format"
            value="xlsx"
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t('figures.exports.monthly')} · {t('figures.exports.xlsx')}
          </button>
        </ExportForm>
      </Section>
    </div>
  );
}
