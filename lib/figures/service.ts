// The zone's figures (DESIGN §4): resolves the filters, runs the SQL aggregates of
// db/queries/figures.ts and shapes their answers for the dashboard, the exports and the API.
import { configFromEnv, figuresConfig, type Db } from '../../db/client';
import { pruneFigureAnswers as pruneStoredAnswers } from '../../db/queries/figure-answers';
import * as q from '../../db/queries/figures';
import { listParks } from '../../db/queries/parks';
import { listProductCategories } from '../../db/queries/product-categories';
import { refreshSnapshot } from '../../db/queries/snapshots';
import { findParkIdByCode } from '../../db/queries/products';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { figureRead, figureStored } from './cache';
import { knownCategory } from '../products/categories';
import { publicRead } from '../products/public-cache';
import { freshSnapshot } from '../server/refresh-later';
import type { FigureBreakdown, FigureListVariant, FiguresDto, FiguresFilterQuery, FigureList } from '../validation/figures';
import { elapsedWorkingDays, workingDaysBefore } from '../core/working-days';
import { loadZoneCalendar } from '../calendar/service';

/** DESIGN §3: a need nobody has acted on within 3 working days is flagged to the admins. */
export const STALE_AFTER_WORKING_DAYS = 3;

export interface ResolvedFilter extends q.FigureFilter {
  from: string;
  to: string;
  parkCode: string | null;
}

export interface Period {
  from: string;
  to: string;
}

/** This year on the zone's calendar. */
export function defaultPeriod(now = new Date()): Period {
  const y = zoneDay(now).slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** A missing end of the period is the end (start) of the other end's year; both missing: this year. */
export function resolvePeriod(query: { from?: string; to?: string }, now = new Date()): Period {
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.from) return { from: query.from, to: `${query.from.slice(0, 4)}-12-31` };
  if (query.to) return { from: `${query.to.slice(0, 4)}-01-01`, to: query.to };
  return defaultPeriod(now);
}

/** The filters of a request with the period filled in and the park code resolved (unknown: invalid). */
export async function resolveFilter(db: Db, query: Partial<FiguresFilterQuery>, now = new Date()): Promise<ResolvedFilter> {
  const period = resolvePeriod(query, now);
  let parkId: number | null = null;
  if (query.park) {
    parkId = await findParkIdByCode(db, query.park);
    if (parkId === null) throw new AppError('invalid', 'unknown_park', { param: 'park' });
  }
  if (query.category) await knownCategory(db, query.category);
  return { ...period, parkId, parkCode: query.park ?? null, institutionId: query.institution ?? null, category: query.category ?? null };
}

// ---------------------------------------------------------------- the figures

export interface SchemeFigures {
  code: string;
  name: string;
  kind: q.SchemeRow['kind'];
  enrolledLoans: number;
  supportedEnterprises: number;
  institutions: number;
  disbursedFen: bigint;
  claimsPaidFen: bigint;
  balanceFen: bigint;
}

export interface ZoneFigures {
  institutions: number;
  products: number;
  exclusiveProducts: number;
  registeredEnterprises: number;
  enterprisesWithNeeds: number;
  needs: number;
  demandFen: bigint;
  applications: number;
  approved: number;
  decided: number;
  responded: number;
  approvalRate: number | null;
  medianResponseHours: number | null;
  creditApplications: number;
  creditGrantedFen: bigint;
  loans: number;
  disbursedFen: bigint;
  ipPledgeProjects: number;
  ipPledgeFen: bigint;
  schemes: SchemeFigures[];
}

function toScheme(r: q.SchemeRow): SchemeFigures {
  return { ...r, disbursedFen: BigInt(r.disbursedFen), claimsPaidFen: BigInt(r.claimsPaidFen), balanceFen: BigInt(r.balanceFen) };
}

/** Folds the figures' write log into its total (a periodic job; lib/figures/cache.ts keys by the sum). */
export function foldFigureWrites(db: Db): Promise<number> {
  return q.foldFigureWrites(db);
}

/** Deletes the shared figure answers not written for two days (a job): their keys name a zone day gone by. */
export function pruneFigureAnswers(db: Db, now: Date): Promise<number> {
  return pruneStoredAnswers(db, new Date(now.getTime() - 2 * 24 * 3600_000));
}

/** Every figure of DESIGN §4 for one filter (a filter without a period: since the beginning). */
export function zoneFigures(db: Db, f: q.FigureFilter): Promise<ZoneFigures> {
  return cachedFigure(db, 'zone', f, [], () => computeZoneFigures(db, f));
}

/**
 * Whether this build's zone figures for `f` have been computed today on any instance, of whatever data
 * version; null without a shared store (lib/figures/dashboard.ts prepareDashboard).
 */
export function zoneFiguresStored(db: Db, f: q.FigureFilter): Promise<boolean | null> {
  return figureStored(db, cacheKey('zone', f));
}

/**
 * The key of a figure in lib/figures/cache.ts: what it is, its filter and the zone day (a period that
 * ends today or later reads the current state, an earlier one the history). The same figure's key of
 * the day before (`day` = yesterday()) is figureRead's earlierKey: its answer is what a dashboard that
 * cannot wait shows, dated, when the day is new and nothing has been computed for it yet.
 */
function cacheKey(what: string, f: q.FigureFilter, more: unknown[] = [], day = zoneDay()): string {
  return JSON.stringify([what, day, f.from ?? null, f.to ?? null, f.parkId ?? null, f.institutionId ?? null, f.category ?? null, ...more]);
}

/** The zone day before today (Asia/Shanghai has no daylight saving). */
function yesterday(): string {
  return zoneDay(new Date(Date.now() - 24 * 3600_000));
}

/** `compute()` cached under its key (cacheKey), with the day before's key as the earlier one. */
function cachedFigure<T>(db: Db, what: string, f: q.FigureFilter, more: unknown[], compute: () => Promise<T>): Promise<T> {
  return figureRead(db, cacheKey(what, f, more), compute, cacheKey(what, f, more, yesterday()));
}

async function computeZoneFigures(db: Db, f: q.FigureFilter): Promise<ZoneFigures> {
  const [supply, [demand], [apps], [credit], [loans], schemes] = await Promise.all([
    q.supplyFigures(db, f),
    q.demandFigures(db, f),
    q.applicationFigures(db, f),
    q.creditFigures(db, f),
    q.loanFigures(db, f),
    q.schemeFigures(db, f),
  ]);
  return {
    institutions: supply.institutions,
    products: supply.products,
    exclusiveProducts: supply.exclusiveProducts,
    registeredEnterprises: supply.registeredEnterprises,
    enterprisesWithNeeds: demand.enterprisesWithNeeds,
    needs: demand.needs,
    demandFen: BigInt(demand.demandFen),
    applications: apps.applications,
    approved: apps.approved,
    decided: apps.decided,
    responded: apps.responded,
    approvalRate: apps.approvalRate,
    medianResponseHours: apps.medianResponseHours,
    creditApplications: credit.creditApplications,
    creditGrantedFen: BigInt(credit.creditGrantedFen),
    loans: loans.loans,
    disbursedFen: BigInt(loans.disbursedFen),
    ipPledgeProjects: loans.ipPledgeProjects,
    ipPledgeFen: BigInt(loans.ipPledgeFen),
    schemes: schemes.map(toScheme),
  };
}

/** GET /api/v1/figures: amounts as decimal strings of fen. */
export function toFiguresDto(z: ZoneFigures, f: ResolvedFilter): FiguresDto {
  return {
    period: { from: f.from, to: f.to, timeZone: 'Asia/Shanghai' },
    park: f.parkCode,
    institutions: z.institutions,
    products: z.products,
    exclusiveProducts: z.exclusiveProducts,
    registeredEnterprises: z.registeredEnterprises,
    enterprisesWithNeeds: z.enterprisesWithNeeds,
    demandAmount: z.demandFen.toString(),
    applications: z.applications,
    approvalRate: z.approvalRate,
    medianResponseHours: z.medianResponseHours,
    creditGranted: z.creditGrantedFen.toString(),
    disbursed: z.disbursedFen.toString(),
    ipPledgeProjects: z.ipPledgeProjects,
    ipPledgeAmount: z.ipPledgeFen.toString(),
    schemes: z.schemes.map((s) => ({
      code: s.code,
      name: s.name,
      kind: s.kind,
      enrolledLoans: s.enrolledLoans,
      supportedEnterprises: s.supportedEnterprises,
      institutions: s.institutions,
      disbursed: s.disbursedFen.toString(),
      claimsPaid: s.claimsPaidFen.toString(),
      balance: s.balanceFen.toString(),
    })),
  };
}

/** The landing page's headline: current counts and everything granted and disbursed so far. */
export async function headline(db: Db) {
  const [supply, [credit], [loans]] = await Promise.all([q.supplyFigures(db, {}), q.creditFigures(db, {}), q.loanFigures(db, {})]);
  return {
    institutions: supply.institutions,
    products: supply.products,
    exclusiveProducts: supply.exclusiveProducts,
    registeredEnterprises: supply.registeredEnterprises,
    creditGrantedFen: credit.creditGrantedFen,
    disbursedFen: loans.disbursedFen,
    ipPledgeProjects: loans.ipPledgeProjects,
  };
}
export type Headline = Awaited<ReturnType<typeof headline>>;

/**
 * How long the dashboard waits for figures computed afresh after a write (FIGURES_WAIT_MS, ms) before
 * it shows each one as last computed, with that time (lib/figures/cache.ts figureBatch): 1 s on a
 * PostgreSQL server. On the embedded PGlite, without limit: it computes on the app's own thread (a
 * computation left running would hold up the page anyway), and the zone it serves is small enough
 * for its figures to take a fraction of a second.
 */
export function dashboardWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  if (env.FIGURES_WAIT_MS) return Number(env.FIGURES_WAIT_MS);
  return configFromEnv(env).databaseUrl ? 1000 : Number.POSITIVE_INFINITY;
}

export const HEADLINE_SNAPSHOT = 'landing-headline';
/**
 * The headline job refreshes the snapshot every minute (HEADLINE_REFRESH_MS; the e2e run sets a few
 * seconds); an older one (the job has stalled) is shown while it is recomputed after the answer.
 */
export const HEADLINE_REFRESH_MS = Number(process.env.HEADLINE_REFRESH_MS) || 60_000;
const HEADLINE_MAX_AGE_MS = 5 * HEADLINE_REFRESH_MS;

/** Recomputes the shared headline snapshot (the job; single flight across instances). */
export function refreshHeadline(db: Db, now = new Date()) {
  return refreshSnapshot<Headline>(db, HEADLINE_SNAPSHOT, headline, now, figuresConfig().statementTimeoutMs);
}

/**
 * The landing page's figures without computing all-time aggregates per request: the slow totals
 * come from the snapshot the job keeps (computed once, whoever asks first, when missing; brought up
 * to date after the answer when the job has stalled); the
 * counts of institutions and products are read live, so a product published or suspended shows at
 * once on every instance.
 */
export async function landingHeadline(db: Db, now = new Date()): Promise<Headline> {
  const [fresh, live] = await Promise.all([
    freshSnapshot(db, HEADLINE_SNAPSHOT, HEADLINE_MAX_AGE_MS, (olderThan) => refreshHeadline(db, olderThan), now),
    publicRead(db, 'current-supply', () => q.currentSupply(db)),
  ]);
  return { ...fresh.value, ...live };
}

// ---------------------------------------------------------------- breakdowns

export interface DimKey {
  key: string;
  /** Park code, institution or scheme name, when the key is an id. */
  name?: string;
  nameEn?: string;
  /** Filter values that narrow the dashboard to this row (its drill-down). */
  narrow: Partial<Record<'from' | 'to' | 'park' | 'institution' | 'category', string>>;
}

export interface BreakdownRow extends DimKey {
  institutions?: number;
  products?: number;
  exclusiveProducts?: number;
  registeredEnterprises?: number;
  enterprisesWithNeeds?: number;
  needs?: number;
  demandFen?: bigint;
  applications?: number;
  approved?: number;
  decided?: number;
  approvalRate?: number | null;
  medianResponseHours?: number | null;
  creditGrantedFen?: bigint;
  loans?: number;
  disbursedFen?: bigint;
  ipPledgeProjects?: number;
  ipPledgeFen?: bigint;
}

const MAX_MONTHS = 120;

/** 'YYYY-MM' of each month the period touches (at most ten years). */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.split('-').map(Number);
  const end = p.to.slice(0, 7);
  for (let key = ''; out.length < MAX_MONTHS; m === 12 ? ((m = 1), y++) : m++) {
    key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
  }
  return out;
}

/** The month clipped to the period: the from/to of its drill-down. */
export function monthWithin(month: string, p: Period): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(last).padStart(2, '0')}`;
  return { from: from < p.from ? p.from : from, to: to > p.to ? p.to : to };
}

/** Labels and drill-down filters for the keys of a dimension, in display order. */
export async function dimKeys(db: Db, f: ResolvedFilter, dim: FigureBreakdown, present: string[]): Promise<DimKey[]> {
  if (dim === 'month') {
    const keys = [...new Set([...monthsOf(f), ...present])].sort();
    return keys.map((key) => ({ key, narrow: monthWithin(key, f) }));
  }
  if (dim === 'category') {
    // The zone's categories in their order: every product's category is one (a foreign key).
    const categories = (await listProductCategories(db)).filter((c) => !f.category || c.code === f.category);
    return categories.map((c) => ({ key: c.code, name: c.name, nameEn: c.nameEn, narrow: { category: c.code } }));
  }
  if (dim === 'park') {
    const parks = (await listParks(db)).filter((p) => f.parkId == null || p.id === f.parkId);
    return parks.map((p) => ({ key: String(p.id), name: p.name, nameEn: p.nameEn, narrow: { park: p.code } }));
  }
  const names = await q.institutionNames(db, present);
  return [...new Set(present)]
    .map((key) => ({ key, name: names.get(key) ?? key, narrow: { institution: key } }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Every figure broken down by one dimension; a figure that has no such dimension is left out. */
export function figuresBreakdown(db: Db, f: ResolvedFilter, dim: FigureBreakdown): Promise<BreakdownRow[]> {
  return cachedFigure(db, 'breakdown', f, [dim], () => computeBreakdown(db, f, dim));
}

async function computeBreakdown(db: Db, f: ResolvedFilter, dim: FigureBreakdown): Promise<BreakdownRow[]> {
  const [supply, demand, apps, credit, loans] = await Promise.all([
    q.supplyBreakdown(db, f, dim),
    q.demandFigures(db, f, dim),
    q.applicationFigures(db, f, dim),
    q.creditFigures(db, f, dim),
    q.loanFigures(db, f, dim),
  ]);
  const byKey = new Map<string, Partial<BreakdownRow>>();
  const put = (key: string | null, values: Partial<BreakdownRow>) => {
    if (key === null) return;
    byKey.set(key, { ...byKey.get(key), ...values });
  };
  for (const r of supply) put(r.key, { ...r, key: undefined });
  for (const r of demand) put(r.key, { enterprisesWithNeeds: r.enterprisesWithNeeds, needs: r.needs, demandFen: BigInt(r.demandFen) });
  for (const r of apps)
    put(r.key, {
      applications: r.applications,
      approved: r.approved,
      decided: r.decided,
      approvalRate: r.approvalRate,
      medianResponseHours: r.medianResponseHours,
    });
  for (const r of credit) put(r.key, { creditGrantedFen: BigInt(r.creditGrantedFen) });
  for (const r of loans)
    put(r.key, { loans: r.loans, disbursedFen: BigInt(r.disbursedFen), ipPledgeProjects: r.ipPledgeProjects, ipPledgeFen: BigInt(r.ipPledgeFen) });

  const keys = await dimKeys(db, f, dim, [...byKey.keys()]);
  const hasSupply = dim !== 'month';
  const hasDemand = dim === 'park' || dim === 'month';
  return keys.map((k) => {
    const v = byKey.get(k.key) ?? {};
    const row: BreakdownRow = {
      ...k,
      applications: v.applications ?? 0,
      approved: v.approved ?? 0,
      decided: v.decided ?? 0,
      approvalRate: v.approvalRate ?? null,
      medianResponseHours: v.medianResponseHours ?? null,
      creditGrantedFen: v.creditGrantedFen ?? 0n,
      loans: v.loans ?? 0,
      disbursedFen: v.disbursedFen ?? 0n,
      ipPledgeProjects: v.ipPledgeProjects ?? 0,
      ipPledgeFen: v.ipPledgeFen ?? 0n,
    };
    if (hasDemand) Object.assign(row, { enterprisesWithNeeds: v.enterprisesWithNeeds ?? 0, needs: v.needs ?? 0, demandFen: v.demandFen ?? 0n });
    if (hasSupply && dim === 'park') row.registeredEnterprises = v.registeredEnterprises ?? 0;
    if (hasSupply && dim !== 'park')
      Object.assign(row, { institutions: v.institutions ?? 0, products: v.products ?? 0, exclusiveProducts: v.exclusiveProducts ?? 0 });
    return row;
  });
}

// ---------------------------------------------------------------- funnel, league, stale needs

export interface FunnelStep {
  stage: q.NeedStage;
  count: number;
  /** This stage ÷ the one before (4 decimals); null for the first stage or when the one before is 0. */
  conversion: number | null;
}

export interface FunnelRow extends DimKey {
  steps: FunnelStep[];
}

export function funnelSteps(r: Omit<q.FunnelRow, 'key'>): FunnelStep[] {
  return q.NEED_STAGES.map((stage, i) => {
    const count = r[stage];
    const prev = i === 0 ? 0 : r[q.NEED_STAGES[i - 1]];
    return { stage, count, conversion: i === 0 || prev === 0 ? null : Math.round((count / prev) * 10_000) / 10_000 };
  });
}

/** The funnel of needs posted in the period; with a dimension, one funnel per key. */
export function needsFunnel(db: Db, f: ResolvedFilter, dim: FigureBreakdown | null = null): Promise<{ total: FunnelStep[]; rows: FunnelRow[] }> {
  return cachedFigure(db, 'funnel', f, [dim], () => computeFunnel(db, f, dim));
}

async function computeFunnel(db: Db, f: ResolvedFilter, dim: FigureBreakdown | null): Promise<{ total: FunnelStep[]; rows: FunnelRow[] }> {
  const [[total], rows] = await Promise.all([q.funnelFigures(db, f), dim ? q.funnelFigures(db, f, dim) : Promise.resolve([])]);
  if (!dim) return { total: funnelSteps(total), rows: [] };
  const byKey = new Map(rows.map((r) => [r.key as string, r]));
  const keys = await dimKeys(db, f, dim, [...byKey.keys()]);
  const posted = total.posted;
  const empty = (p: number) => ({ posted: p, acted: 0, applied: 0, approved: 0, disbursed: 0 });
  // By institution or category "posted" is the whole cohort: show only keys that touched a need.
  const shown = dim === 'institution' || dim === 'category' ? keys.filter((k) => byKey.has(k.key)) : keys;
  return {
    total: funnelSteps(total),
    rows: shown.map((k) => ({ ...k, steps: funnelSteps(byKey.get(k.key) ?? empty(dim === 'institution' || dim === 'category' ? posted : 0)) })),
  };
}

/** The dashboard lists this many institutions of the league table, all of them on request. */
export const LEAGUE_SHOWN = 20;
/** Every institution of the league (the dashboard's "all" and the export). */
export const LEAGUE_ALL = 1000;

export function league(db: Db, f: ResolvedFilter, page = 1, pageSize = 100) {
  return cachedFigure(db, 'league', f, [page, pageSize], async () => {
    const r = await q.institutionLeague(db, f, pageSize, (page - 1) * pageSize);
    return { ...r, items: r.items.map((i) => ({ ...i, disbursedFen: BigInt(i.disbursedFen) })) };
  });
}

/** Open needs with no institution action for more than 3 working days (the zone's calendar counted), oldest first. */
export async function staleNeedsPage(db: Db, f: q.FigureFilter, page: number, pageSize: number, now = new Date()) {
  const calendar = await loadZoneCalendar(db);
  const cutoff = workingDaysBefore(now, STALE_AFTER_WORKING_DAYS, calendar);
  const r = await q.staleNeeds(db, f, cutoff, pageSize, (page - 1) * pageSize);
  return {
    cutoff,
    total: r.total,
    items: r.items.map((n) => ({
      ...n,
      amountFen: BigInt(n.amountFen),
      waitingWorkingDays: Math.floor(elapsedWorkingDays(new Date(n.createdAtIso), now, calendar) * 10) / 10,
    })),
  };
}

// ---------------------------------------------------------------- drill-down lists

export type ListPage =
  | { kind: 'institutions'; total: number; items: q.InstitutionListRow[] }
  | { kind: 'products'; total: number; items: q.ProductListRow[] }
  | { kind: 'enterprises'; total: number; items: q.EnterpriseListRow[] }
  | { kind: 'needs'; total: number; items: q.NeedListRow[] }
  | { kind: 'stale'; total: number; items: Awaited<ReturnType<typeof staleNeedsPage>>['items'] }
  | { kind: 'applications'; total: number; items: q.ApplicationListRow[] }
  | { kind: 'loans'; total: number; items: q.LoanListRow[] };

const NEED_VARIANTS: readonly FigureListVariant[] = ['acted', 'applied', 'approved', 'disbursed'];
const APPLICATION_VARIANTS: readonly FigureListVariant[] = ['approved', 'decided', 'responded', 'credit'];

/** One page of the rows behind a number. A variant that does not apply to the list is refused. */
export async function figureList(
  db: Db,
  kind: FigureList,
  f: ResolvedFilter,
  opts: { variant?: FigureListVariant; scheme?: string; page: number; pageSize: number },
  now = new Date(),
): Promise<ListPage> {
  const { variant, page, pageSize } = opts;
  const offset = (page - 1) * pageSize;
  const allowed: Record<FigureList, readonly FigureListVariant[]> = {
    institutions: [],
    products: ['exclusive'],
    enterprises: [],
    needs: NEED_VARIANTS,
    stale: [],
    applications: APPLICATION_VARIANTS,
    loans: ['ip'],
  };
  if (variant && !allowed[kind].includes(variant)) throw new AppError('invalid', 'figures.errors.variant', { param: 'variant' });
  if (opts.scheme && kind !== 'loans') throw new AppError('invalid', 'figures.errors.scheme', { param: 'scheme' });
  if (opts.scheme && !(await q.schemeExists(db, opts.scheme))) throw new AppError('invalid', 'figures.errors.scheme', { param: 'scheme' });
  switch (kind) {
    case 'institutions':
      return { kind, ...(await q.listActiveInstitutions(db, f, pageSize, offset)) };
    case 'products':
      return { kind, ...(await q.listPublishedProducts(db, f, variant === 'exclusive', pageSize, offset)) };
    case 'enterprises':
      return { kind, ...(await q.listRegisteredEnterprises(db, f, pageSize, offset)) };
    case 'needs':
      return { kind, ...(await q.listNeeds(db, f, (variant as q.NeedStage | undefined) ?? 'posted', pageSize, offset)) };
    case 'stale': {
      const r = await staleNeedsPage(db, f, page, pageSize, now);
      return { kind, total: r.total, items: r.items };
    }
    case 'applications':
      return { kind, ...(await q.listApplications(db, f, (variant as q.ApplicationBasis | undefined) ?? 'submitted', pageSize, offset)) };
    case 'loans':
      return { kind, ...(await q.listLoans(db, f, { ipOnly: variant === 'ip', schemeCode: opts.scheme ?? null }, pageSize, offset)) };
  }
}

// ---------------------------------------------------------------- the monthly report (月报)

export interface MonthlyReportLine {
  key:
    | 'institutions'
    | 'products'
    | 'exclusiveProducts'
    | 'registeredEnterprises'
    | 'enterprisesWithNeeds'
    | 'demand'
    | 'ipPledgeProjects'
    | 'ipPledgeFinancing'
    | 'guaranteeInstitutions'
    | 'guaranteeEnterprises'
    | 'guaranteeDisbursed';
  unit: 'count' | 'fen';
  /** In the month. Null for current counts, which have no history. */
  month: number | bigint | null;
  /** Since the beginning up to the month's last day (current counts: now). */
  cumulative: number | bigint;
}

/**
 * The report the zone publishes each month (e.g. "入驻金融机构26家、上架产品84款（专属产品12款）、
 * 注册企业5000余家；259家企业发布融资需求约7亿元；知识产权质押融资106个项目超8.4亿元；融担贷合作
 * 银行7家、支持企业9家、放款5260万元"): the month's own figures and the running totals.
 */
export async function monthlyReport(db: Db, month: string, f: Pick<q.FigureFilter, 'parkId'> = {}): Promise<{ month: string; lines: MonthlyReportLine[] }> {
  const { from, to } = monthWithin(month, { from: '0001-01-01', to: '9999-12-31' });
  const inMonth = { parkId: f.parkId, from, to };
  const toEnd = { parkId: f.parkId, to };
  const [supply, [dMonth], [dAll], [lMonth], [lAll], gMonth, gAll] = await Promise.all([
    q.supplyFigures(db, inMonth),
    q.demandFigures(db, inMonth),
    q.demandFigures(db, toEnd),
    q.loanFigures(db, inMonth),
    q.loanFigures(db, toEnd),
    q.schemeKindFigures(db, inMonth, 'guarantee_fund'),
    q.schemeKindFigures(db, toEnd, 'guarantee_fund'),
  ]);
  const lines: MonthlyReportLine[] = [
    { key: 'institutions', unit: 'count', month: null, cumulative: supply.institutions },
    { key: 'products', unit: 'count', month: null, cumulative: supply.products },
    { key: 'exclusiveProducts', unit: 'count', month: null, cumulative: supply.exclusiveProducts },
    { key: 'registeredEnterprises', unit: 'count', month: null, cumulative: supply.registeredEnterprises },
    { key: 'enterprisesWithNeeds', unit: 'count', month: dMonth.enterprisesWithNeeds, cumulative: dAll.enterprisesWithNeeds },
    { key: 'demand', unit: 'fen', month: BigInt(dMonth.demandFen), cumulative: BigInt(dAll.demandFen) },
    { key: 'ipPledgeProjects', unit: 'count', month: lMonth.ipPledgeProjects, cumulative: lAll.ipPledgeProjects },
    { key: 'ipPledgeFinancing', unit: 'fen', month: BigInt(lMonth.ipPledgeFen), cumulative: BigInt(lAll.ipPledgeFen) },
    { key: 'guaranteeInstitutions', unit: 'count', month: gMonth.institutions, cumulative: gAll.institutions },
    { key: 'guaranteeEnterprises', unit: 'count', month: gMonth.supportedEnterprises, cumulative: gAll.supportedEnterprises },
    { key: 'guaranteeDisbursed', unit: 'fen', month: BigInt(gMonth.disbursedFen), cumulative: BigInt(gAll.disbursedFen) },
  ];
  return { month, lines };
}
