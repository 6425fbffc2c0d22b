// The tables of the zone's figures, defined once: the dashboard renders them under its charts and the
// export route writes the very same columns to CSV and XLSX (headers in Chinese there). A cell keeps
// its kind (count, fen, rate, hours, text) so each output formats it its own way.
import type { BreakdownRow, DimKey, FunnelRow, FunnelStep, ListPage, MonthlyReportLine, SchemeFigures, ZoneFigures } from '@/lib/figures/service';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { joinList } from '@/lib/i18n/punctuation';
import { formatRateBp, formatWan } from '@/lib/core/money';
import type { FigureBreakdown, FigureList, FigureListVariant } from '@/lib/validation/figures';

export type Cell =
  | { kind: 'count'; value: number | null }
  | { kind: 'fen'; value: bigint | null }
  | { kind: 'rate'; value: number | null }
  | { kind: 'hours'; value: number | null }
  | { kind: 'text'; value: string | null };

export interface Column<R> {
  header: string;
  cell: (r: R) => Cell;
  /** Where the number leads: the list of the rows it counts. */
  href?: (r: R) => string | undefined;
  /** The cell names the row (rendered as a row header). */
  rowHeader?: boolean;
}

export interface TableSpec<R = unknown> {
  columns: Column<R>[];
  rows: R[];
}

export const count = (value: number | null | undefined): Cell => ({ kind: 'count', value: value ?? null });
export const fen = (value: bigint | string | null | undefined): Cell => ({ kind: 'fen', value: value === null || value === undefined ? null : BigInt(value) });
export const rate = (value: number | null | undefined): Cell => ({ kind: 'rate', value: value ?? null });
export const hours = (value: number | null | undefined): Cell => ({ kind: 'hours', value: value ?? null });
export const text = (value: string | null | undefined): Cell => ({ kind: 'text', value: value ?? null });

/** A ratio with 4 decimals as a percentage with 2 (0.6667 → 66.67%), exact to the shown digit. */
function percent(ratio: number): string {
  return formatRateBp(Math.round(ratio * 10_000));
}

/** Counts with thousands separators; made once (Number#toLocaleString builds a formatter per call, ~30 µs). */
const COUNT = new Intl.NumberFormat('en-US');

/** For the page: 万元 with thousands separators, a dash for no value. */
export function displayCell(c: Cell): string {
  if (c.value === null) return '—';
  switch (c.kind) {
    case 'count':
      return COUNT.format(c.value);
    case 'fen':
      return formatWan(c.value);
    case 'rate':
      return percent(c.value);
    case 'hours':
      return c.value.toFixed(1);
    case 'text':
      return c.value;
  }
}

/** A spreadsheet would run a cell that starts like a formula: such text gets a leading apostrophe. */
function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** For CSV: plain numbers (万元 with two decimals, no separators), an empty field for no value. */
export function csvCell(c: Cell): string {
  if (c.value === null) return '';
  switch (c.kind) {
    case 'count':
      return String(c.value);
    case 'fen':
      return formatWan(c.value).replace(/,/g, '');
    case 'rate':
      return percent(c.value);
    case 'hours':
      return c.value.toFixed(1);
    case 'text':
      return neutralise(c.value);
  }
}

/** For XLSX: numbers stay numbers (万元, ratio), with the number format to show them. */
export function sheetCell(c: Cell): { value: string | number | null; numFmt?: string } {
  if (c.value === null) return { value: null };
  switch (c.kind) {
    case 'count':
      return { value: c.value, numFmt: '0' };
    case 'fen':
      return { value: Number(formatWan(c.value).replace(/,/g, '')), numFmt: '#,##0.00' };
    case 'rate':
      return { value: c.value, numFmt: '0.00%' };
    case 'hours':
      return { value: c.value, numFmt: '0.0' };
    case 'text':
      return { value: neutralise(c.value) };
  }
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** RFC 4180 text of a table (the route adds the UTF-8 byte order mark Excel needs). */
export function toCsv<R>(spec: TableSpec<R>): string {
  return csvLine(spec.columns.map((c) => c.header)) + spec.rows.map((r) => csvLine(spec.columns.map((c) => csvCell(c.cell(r))))).join('');
}

// ---------------------------------------------------------------- the dashboard's tables

/** Builds the link of a drill-down list; absent in exports. */
export type Linker = (list: FigureList, opts?: { variant?: FigureListVariant; scheme?: string; narrow?: DimKey['narrow'] }) => string;

const linked = (link: Linker | undefined, ...args: Parameters<Linker>) => (link ? link(...args) : undefined);

/** The key of a row that sums the others (e.g. the whole funnel above its breakdown). */
export const TOTAL_KEY = '__total';

export function dimLabel(t: Translate, locale: Locale, dim: FigureBreakdown, k: DimKey): string {
  if (k.key === TOTAL_KEY) return t('figures.total');
  if (dim === 'category' || dim === 'park') return (locale === 'en' ? k.nameEn : k.name) ?? k.key;
  if (dim === 'institution') return k.name ?? k.key;
  return k.key;
}

export interface FigureLine {
  /** The figure's key in GET /api/v1/figures (and the card's test id). */
  id: string;
  label: string;
  cell: Cell;
  href?: string;
}

/** Every figure of the period, one per line (the headline cards and the "all figures" export). */
export function figureLines(t: Translate, z: ZoneFigures, staleNeeds: number | null, link?: Linker): FigureLine[] {
  const l = (...a: Parameters<Linker>) => linked(link, ...a);
  const lines: FigureLine[] = [
    { id: 'institutions', label: t('figures.figures.institutions'), cell: count(z.institutions), href: l('institutions') },
    { id: 'products', label: t('figures.figures.products'), cell: count(z.products), href: l('products') },
    { id: 'exclusiveProducts', label: t('figures.figures.exclusiveProducts'), cell: count(z.exclusiveProducts), href: l('products', { variant: 'exclusive' }) },
    { id: 'registeredEnterprises', label: t('figures.figures.registeredEnterprises'), cell: count(z.registeredEnterprises), href: l('enterprises') },
    { id: 'enterprisesWithNeeds', label: t('figures.figures.enterprisesWithNeeds'), cell: count(z.enterprisesWithNeeds), href: l('needs') },
    { id: 'demandAmount', label: t('figures.figures.demand'), cell: fen(z.demandFen), href: l('needs') },
    { id: 'applications', label: t('figures.figures.applications'), cell: count(z.applications), href: l('applications') },
    { id: 'approvalRate', label: t('figures.figures.approvalRate'), cell: rate(z.approvalRate), href: l('applications', { variant: 'decided' }) },
    {
      id: 'medianResponseHours',
      label: t('figures.figures.medianResponseHours'),
      cell: hours(z.medianResponseHours),
      href: l('applications', { variant: 'responded' }),
    },
    { id: 'creditGranted', label: t('figures.figures.creditGranted'), cell: fen(z.creditGrantedFen), href: l('applications', { variant: 'credit' }) },
    { id: 'disbursed', label: t('figures.figures.disbursed'), cell: fen(z.disbursedFen), href: l('loans') },
    { id: 'ipPledgeProjects', label: t('figures.figures.ipPledgeProjects'), cell: count(z.ipPledgeProjects), href: l('loans', { variant: 'ip' }) },
    { id: 'ipPledgeAmount', label: t('figures.figures.ipPledgeAmount'), cell: fen(z.ipPledgeFen), href: l('loans', { variant: 'ip' }) },
  ];
  if (staleNeeds !== null) lines.push({ id: 'staleNeeds', label: t('figures.figures.staleNeeds'), cell: count(staleNeeds), href: l('stale') });
  return lines;
}

export function figureLinesTable(t: Translate, lines: FigureLine[], schemes: SchemeFigures[] = []): TableSpec<FigureLine> {
  const schemeLines: FigureLine[] = schemes.flatMap((s) => [
    { id: `schemes.${s.code}.enrolledLoans`, label: `${s.name}·${t('figures.schemes.enrolledLoans')}`, cell: count(s.enrolledLoans) },
    { id: `schemes.${s.code}.supportedEnterprises`, label: `${s.name}·${t('figures.schemes.supportedEnterprises')}`, cell: count(s.supportedEnterprises) },
    { id: `schemes.${s.code}.institutions`, label: `${s.name}·${t('figures.schemes.institutions')}`, cell: count(s.institutions) },
    { id: `schemes.${s.code}.disbursed`, label: `${s.name}·${t('figures.schemes.disbursed')}`, cell: fen(s.disbursedFen) },
    { id: `schemes.${s.code}.claimsPaid`, label: `${s.name}·${t('figures.schemes.claimsPaid')}`, cell: fen(s.claimsPaidFen) },
    { id: `schemes.${s.code}.balance`, label: `${s.name}·${t('figures.schemes.balance')}`, cell: fen(s.balanceFen) },
  ]);
  return {
    columns: [
      { header: t('figures.columns.figure'), cell: (r) => text(r.label), rowHeader: true },
      { header: t('figures.columns.value'), cell: (r) => r.cell, href: (r) => r.href },
    ],
    rows: [...lines, ...schemeLines],
  };
}

export type BreakdownSection = 'demand' | 'applications' | 'credit' | 'ip' | 'supply';
export const BREAKDOWN_SECTIONS: readonly BreakdownSection[] = ['demand', 'applications', 'credit', 'ip', 'supply'];

/** The columns of each section for a dimension; null where the section has no such dimension. */
export function breakdownColumns(t: Translate, dim: FigureBreakdown, link?: Linker): Record<BreakdownSection, Column<BreakdownRow>[] | null> {
  const l = (list: FigureList, variant?: FigureListVariant) => (r: BreakdownRow) => linked(link, list, { variant, narrow: r.narrow });
  const f = (key: string) => t(`figures.figures.${key}`);
  return {
    demand:
      dim === 'park' || dim === 'month'
        ? [
            { header: f('enterprisesWithNeeds'), cell: (r) => count(r.enterprisesWithNeeds), href: l('needs') },
            { header: f('needs'), cell: (r) => count(r.needs), href: l('needs') },
            { header: f('demand'), cell: (r) => fen(r.demandFen), href: l('needs') },
          ]
        : null,
    applications: [
      { header: f('applications'), cell: (r) => count(r.applications), href: l('applications') },
      { header: f('approved'), cell: (r) => count(r.approved), href: l('applications', 'approved') },
      { header: f('decided'), cell: (r) => count(r.decided), href: l('applications', 'decided') },
      { header: f('approvalRate'), cell: (r) => rate(r.approvalRate), href: l('applications', 'decided') },
      { header: f('medianResponseHours'), cell: (r) => hours(r.medianResponseHours), href: l('applications', 'responded') },
    ],
    credit: [
      { header: f('creditGranted'), cell: (r) => fen(r.creditGrantedFen), href: l('applications', 'credit') },
      { header: f('loans'), cell: (r) => count(r.loans), href: l('loans') },
      { header: f('disbursed'), cell: (r) => fen(r.disbursedFen), href: l('loans') },
    ],
    ip: [
      { header: f('ipPledgeProjects'), cell: (r) => count(r.ipPledgeProjects), href: l('loans', 'ip') },
      { header: f('ipPledgeAmount'), cell: (r) => fen(r.ipPledgeFen), href: l('loans', 'ip') },
    ],
    supply:
      dim === 'month'
        ? null
        : dim === 'park'
          ? [{ header: f('registeredEnterprises'), cell: (r) => count(r.registeredEnterprises), href: l('enterprises') }]
          : [
              { header: f('institutions'), cell: (r) => count(r.institutions), href: l('institutions') },
              { header: f('products'), cell: (r) => count(r.products), href: l('products') },
              { header: f('exclusiveProducts'), cell: (r) => count(r.exclusiveProducts), href: l('products', 'exclusive') },
            ],
  };
}

export function keyColumn<R extends DimKey>(t: Translate, locale: Locale, dim: FigureBreakdown): Column<R> {
  // The dimension's word is lower case for the middle of a sentence ("not broken down by month"); a column header starts with a capital.
  const word = t(`figures.dims.${dim}`);
  return { header: word.charAt(0).toUpperCase() + word.slice(1), cell: (r) => text(dimLabel(t, locale, dim, r)), rowHeader: true };
}

/** One section of the breakdown (or, without a section, every column: the export). */
export function breakdownTable(
  t: Translate,
  locale: Locale,
  dim: FigureBreakdown,
  rows: BreakdownRow[],
  section?: BreakdownSection,
  link?: Linker,
): TableSpec<BreakdownRow> | null {
  const cols = breakdownColumns(t, dim, link);
  const picked = section ? cols[section] : BREAKDOWN_SECTIONS.flatMap((s) => cols[s] ?? []);
  if (!picked) return null;
  return { columns: [keyColumn<BreakdownRow>(t, locale, dim), ...picked], rows };
}

export function funnelTotalTable(t: Translate, steps: FunnelStep[], link?: Linker): TableSpec<FunnelStep> {
  return {
    columns: [
      { header: t('figures.funnel.stage'), cell: (s) => text(t(`figures.funnel.stages.${s.stage}`)), rowHeader: true },
      {
        header: t('figures.funnel.count'),
        cell: (s) => count(s.count),
        href: (s) => linked(link, 'needs', { variant: s.stage === 'posted' ? undefined : s.stage }),
      },
      { header: t('figures.funnel.conversion'), cell: (s) => rate(s.conversion) },
    ],
    rows: steps,
  };
}

export function funnelByTable(t: Translate, locale: Locale, dim: FigureBreakdown, rows: FunnelRow[], link?: Linker): TableSpec<FunnelRow> {
  const stages = rows[0]?.steps.map((s) => s.stage) ?? (['posted', 'acted', 'applied', 'approved', 'disbursed'] as const);
  return {
    columns: [
      keyColumn<FunnelRow>(t, locale, dim),
      ...stages.flatMap((stage, i): Column<FunnelRow>[] => {
        const label = t(`figures.funnel.stages.${stage}`);
        const countCol: Column<FunnelRow> = {
          header: label,
          cell: (r) => count(r.steps[i].count),
          href: (r) =>
            linked(link, 'needs', {
              variant: stage === 'posted' ? undefined : stage,
              narrow: stage === 'posted' && (dim === 'institution' || dim === 'category') ? {} : r.narrow,
            }),
        };
        return i === 0 ? [countCol] : [countCol, { header: `${label}·${t('figures.funnel.conversion')}`, cell: (r) => rate(r.steps[i].conversion) }];
      }),
    ],
    rows,
  };
}

export interface LeagueItem {
  institutionId: string;
  name: string;
  applications: number;
  responded: number;
  medianResponseHours: number | null;
  approvalRate: number | null;
  disbursedFen: bigint;
}

export function leagueTable(t: Translate, items: LeagueItem[], firstRank = 1, link?: Linker): TableSpec<LeagueItem & { rank: number }> {
  const narrow = (r: LeagueItem) => ({ institution: r.institutionId });
  return {
    columns: [
      { header: t('figures.league.rank'), cell: (r) => count(r.rank) },
      { header: t('figures.league.institution'), cell: (r) => text(r.name), rowHeader: true },
      { header: t('figures.league.applications'), cell: (r) => count(r.applications), href: (r) => linked(link, 'applications', { narrow: narrow(r) }) },
      {
        header: t('figures.league.median'),
        cell: (r) => hours(r.medianResponseHours),
        href: (r) => linked(link, 'applications', { variant: 'responded', narrow: narrow(r) }),
      },
      {
        header: t('figures.league.approvalRate'),
        cell: (r) => rate(r.approvalRate),
        href: (r) => linked(link, 'applications', { variant: 'decided', narrow: narrow(r) }),
      },
      { header: t('figures.league.disbursed'), cell: (r) => fen(r.disbursedFen), href: (r) => linked(link, 'loans', { narrow: narrow(r) }) },
    ],
    rows: items.map((r, i) => ({ ...r, rank: firstRank + i })),
  };
}

export function schemesTable(t: Translate, schemes: SchemeFigures[], link?: Linker): TableSpec<SchemeFigures> {
  const loans = (s: SchemeFigures) => linked(link, 'loans', { scheme: s.code });
  return {
    columns: [
      { header: t('figures.schemes.name'), cell: (s) => text(s.name), rowHeader: true },
      { header: t('figures.schemes.kind'), cell: (s) => text(t(`figures.schemes.kinds.${s.kind}`)) },
      { header: t('figures.schemes.enrolledLoans'), cell: (s) => count(s.enrolledLoans), href: loans },
      { header: t('figures.schemes.supportedEnterprises'), cell: (s) => count(s.supportedEnterprises), href: loans },
      { header: t('figures.schemes.institutions'), cell: (s) => count(s.institutions), href: loans },
      { header: t('figures.schemes.disbursed'), cell: (s) => fen(s.disbursedFen), href: loans },
      { header: t('figures.schemes.claimsPaid'), cell: (s) => fen(s.claimsPaidFen) },
      { header: t('figures.schemes.balance'), cell: (s) => fen(s.balanceFen) },
    ],
    rows: schemes,
  };
}

export function monthlyTable(t: Translate, lines: MonthlyReportLine[]): TableSpec<MonthlyReportLine> {
  const cell = (l: MonthlyReportLine, v: number | bigint | null): Cell => (l.unit === 'fen' ? fen(v as bigint | null) : count(v as number | null));
  return {
    columns: [
      { header: t('figures.monthly.item'), cell: (l) => text(t(`figures.monthly.lines.${l.key}`)), rowHeader: true },
      { header: t('figures.monthly.month'), cell: (l) => cell(l, l.month) },
      { header: t('figures.monthly.cumulative'), cell: (l) => cell(l, l.cumulative) },
    ],
    rows: lines,
  };
}

// ---------------------------------------------------------------- the drill-down lists

type ItemsOf<K extends ListPage['kind']> = Extract<ListPage, { kind: K }>['items'][number];

/** How a drill-down list names a park id and a product category code. */
export interface ListNames {
  park: (id: number) => string;
  category: (code: string) => string;
}

/** The columns of a drill-down list. */
export function listColumns(t: Translate, kind: FigureList, names: ListNames): Column<never>[] {
  const c = (key: string) => t(`figures.columns.${key}`);
  const yesNo = (b: boolean) => text(b ? c('yes') : c('no'));
  switch (kind) {
    case 'institutions':
      return [
        { header: c('name'), cell: (r: ItemsOf<'institutions'>) => text(r.name), rowHeader: true },
        { header: c('kind'), cell: (r: ItemsOf<'institutions'>) => text(t(`institutionKinds.${r.kind}`)) },
        { header: c('publishedProducts'), cell: (r: ItemsOf<'institutions'>) => count(r.publishedProducts) },
        { header: c('contact'), cell: (r: ItemsOf<'institutions'>) => text(r.contactName) },
        { header: c('phone'), cell: (r: ItemsOf<'institutions'>) => text(r.contactPhone) },
      ] as Column<never>[];
    case 'products':
      return [
        { header: c('product'), cell: (r: ItemsOf<'products'>) => text(r.name), rowHeader: true, href: (r: ItemsOf<'products'>) => `/products/${r.id}` },
        { header: c('institution'), cell: (r: ItemsOf<'products'>) => text(r.institutionName) },
        { header: c('category'), cell: (r: ItemsOf<'products'>) => text(names.category(r.category)) },
        { header: c('exclusive'), cell: (r: ItemsOf<'products'>) => yesNo(r.zoneExclusive) },
        { header: c('publishedAt'), cell: (r: ItemsOf<'products'>) => text(r.publishedAt) },
      ] as Column<never>[];
    case 'enterprises':
      return [
        { header: c('name'), cell: (r: ItemsOf<'enterprises'>) => text(r.name), rowHeader: true },
        {
          header: c('uscc'),
          // A released code still names the row, marked as released (the company it names holds it now).
          cell: (r: ItemsOf<'enterprises'>) => text(r.uscc ?? (r.usccReleased ? t('verify.usccReleased', { uscc: r.usccReleased }) : null)),
        },
        { header: c('park'), cell: (r: ItemsOf<'enterprises'>) => text(names.park(r.parkId)) },
        { header: c('verification'), cell: (r: ItemsOf<'enterprises'>) => text(t(`verification.${r.verificationStatus}`)) },
        { header: c('registeredAt'), cell: (r: ItemsOf<'enterprises'>) => text(r.createdAt) },
      ] as Column<never>[];
    case 'needs':
      return [
        { header: c('postedAt'), cell: (r: ItemsOf<'needs'>) => text(r.createdAt) },
        { header: c('enterprise'), cell: (r: ItemsOf<'needs'>) => text(r.enterpriseName), rowHeader: true },
        { header: c('park'), cell: (r: ItemsOf<'needs'>) => text(names.park(r.parkId)) },
        { header: c('amount'), cell: (r: ItemsOf<'needs'>) => fen(r.amountFen) },
        { header: c('term'), cell: (r: ItemsOf<'needs'>) => count(r.termMonths) },
        { header: c('purpose'), cell: (r: ItemsOf<'needs'>) => text(t(`needs.purposes.${r.purpose}`)) },
        { header: c('status'), cell: (r: ItemsOf<'needs'>) => text(t(`needs.statuses.${r.status}`)) },
        { header: c('firstAction'), cell: (r: ItemsOf<'needs'>) => text(r.firstInstitutionActionAt) },
      ] as Column<never>[];
    case 'stale':
      return [
        { header: c('postedAt'), cell: (r: ItemsOf<'stale'>) => text(r.createdAt) },
        { header: c('enterprise'), cell: (r: ItemsOf<'stale'>) => text(r.enterpriseName), rowHeader: true },
        { header: c('park'), cell: (r: ItemsOf<'stale'>) => text(names.park(r.parkId)) },
        { header: c('amount'), cell: (r: ItemsOf<'stale'>) => fen(r.amountFen) },
        { header: c('term'), cell: (r: ItemsOf<'stale'>) => count(r.termMonths) },
        { header: c('purpose'), cell: (r: ItemsOf<'stale'>) => text(t(`needs.purposes.${r.purpose}`)) },
        { header: t('figures.stale.waiting'), cell: (r: ItemsOf<'stale'>) => hours(r.waitingWorkingDays) },
        { header: t('figures.stale.suggested'), cell: (r: ItemsOf<'stale'>) => text(r.suggestedInstitutions && joinList(t, r.suggestedInstitutions)) },
      ] as Column<never>[];
    case 'applications':
      return [
        { header: c('submittedAt'), cell: (r: ItemsOf<'applications'>) => text(r.submittedAt) },
        { header: c('enterprise'), cell: (r: ItemsOf<'applications'>) => text(r.enterpriseName), rowHeader: true },
        { header: c('park'), cell: (r: ItemsOf<'applications'>) => text(names.park(r.parkId)) },
        { header: c('institution'), cell: (r: ItemsOf<'applications'>) => text(r.institutionName) },
        { header: c('product'), cell: (r: ItemsOf<'applications'>) => text(r.productName) },
        { header: c('category'), cell: (r: ItemsOf<'applications'>) => text(names.category(r.category)) },
        { header: c('amount'), cell: (r: ItemsOf<'applications'>) => fen(r.amountFen) },
        { header: c('status'), cell: (r: ItemsOf<'applications'>) => text(t(`applications.statuses.${r.status}`)) },
        { header: c('approvedAmount'), cell: (r: ItemsOf<'applications'>) => fen(r.approvedAmountFen) },
        { header: c('decidedAt'), cell: (r: ItemsOf<'applications'>) => text(r.decidedAt) },
        { header: c('responseHours'), cell: (r: ItemsOf<'applications'>) => hours(r.responseHours) },
      ] as Column<never>[];
    case 'loans':
      return [
        { header: c('disbursedAt'), cell: (r: ItemsOf<'loans'>) => text(r.disbursedAt) },
        { header: c('enterprise'), cell: (r: ItemsOf<'loans'>) => text(r.enterpriseName), rowHeader: true },
        { header: c('park'), cell: (r: ItemsOf<'loans'>) => text(names.park(r.parkId)) },
        { header: c('institution'), cell: (r: ItemsOf<'loans'>) => text(r.institutionName) },
        { header: c('product'), cell: (r: ItemsOf<'loans'>) => text(r.productName) },
        { header: c('category'), cell: (r: ItemsOf<'loans'>) => text(names.category(r.category)) },
        { header: c('principal'), cell: (r: ItemsOf<'loans'>) => fen(r.principalFen) },
        { header: c('rate'), cell: (r: ItemsOf<'loans'>) => text(formatRateBp(r.annualRateBp)) },
        { header: c('term'), cell: (r: ItemsOf<'loans'>) => count(r.termMonths) },
        { header: c('status'), cell: (r: ItemsOf<'loans'>) => text(t(`figures.loanStatuses.${r.status}`)) },
        { header: c('ipPledged'), cell: (r: ItemsOf<'loans'>) => yesNo(r.ipPledged) },
      ] as Column<never>[];
  }
}

export function listTable(t: Translate, page: ListPage, names: ListNames): TableSpec<unknown> {
  return { columns: listColumns(t, page.kind, names) as Column<unknown>[], rows: page.items };
}
