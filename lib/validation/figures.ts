// The zone's figures (DESIGN §4): one filter schema for the dashboard, its drill-down lists, the
// exports and GET /api/v1/figures (and so the OpenAPI document). Days are Asia/Shanghai calendar
// days, both ends inclusive.
import { z } from 'zod';
import { categoryCode, dateField } from './common';

/** A calendar day from 2000-01-01 to 2100-12-31 (year 0000 used to reach Postgres and answer 500). */
const day = (what: string) => dateField({ message: 'figures.errors.date' }).describe(what);

const intString = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, what)
    .transform(Number)
    .refine((n) => n >= min && n <= max, what);

export const FIGURE_BREAKDOWNS = ['park', 'institution', 'category', 'month'] as const;
export type FigureBreakdown = (typeof FIGURE_BREAKDOWNS)[number];

/** The drill-down lists: every number on the dashboard links to one of them. */
export const FIGURE_LISTS = ['institutions', 'products', 'enterprises', 'needs', 'stale', 'applications', 'loans'] as const;
export type FigureList = (typeof FIGURE_LISTS)[number];

/**
 * Which rows of a list a number counts. needs: funnel stages; applications: approved/decided/
 * responded among those submitted, or credit (decided in the period with an approved amount);
 * loans: ip (a registered, released or enforced pledge); products: exclusive.
 */
export const FIGURE_LIST_VARIANTS = ['acted', 'applied', 'approved', 'disbursed', 'decided', 'responded', 'credit', 'ip', 'exclusive'] as const;
export type FigureListVariant = (typeof FIGURE_LIST_VARIANTS)[number];

export const MAX_FIGURE_PAGE_SIZE = 100;

const filterShape = {
  from: day('first day of the period, YYYY-MM-DD (Asia/Shanghai, inclusive); default 1 January of this year').optional(),
  to: day('last day of the period, YYYY-MM-DD (Asia/Shanghai, inclusive: an event at 23:59:59 counts); default 31 December of this year').optional(),
  park: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'park')
    .optional()
    .describe('park code: enterprise figures count enterprises of this park only'),
  institution: z.uuid('institution').optional().describe('机构 id: application, credit, loan and product figures of this institution only'),
  category: categoryCode('unknown_category').optional().describe('产品类别: application, credit, loan and product figures of this category only'),
};

const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodError = { path: ['to'], message: 'figures.errors.range' };

/** GET /api/v1/figures and the filters every dashboard view shares. */
export const figuresFilterSchema = z.object(filterShape).refine(periodInOrder, periodError);
export type FiguresFilterQuery = z.output<typeof figuresFilterSchema>;

/** The dashboard: the filters and the dimension each figure is broken down by. */
export const dashboardQuerySchema = z
  .object({
    ...filterShape,
    breakdown: z.enum(FIGURE_BREAKDOWNS, 'figures.errors.breakdown').default('month'),
    // The league table lists its first LEAGUE_SHOWN institutions unless every one is asked for.
    league: z.enum(['all'], 'figures.errors.league').optional(),
  })
  .refine(periodInOrder, periodError);

/** A drill-down list (and its export). */
export const figureListQuerySchema = z
  .object({
    ...filterShape,
    variant: z.enum(FIGURE_LIST_VARIANTS, 'figures.errors.variant').optional(),
    scheme: z
      .string()
      .regex(/^[a-z0-9_-]{1,60}$/, 'figures.errors.scheme')
      .optional()
      .describe('loans enrolled in the risk-sharing scheme with this code'),
    page: intString(1, 100_000, 'page').default(1),
    pageSize: intString(1, MAX_FIGURE_PAGE_SIZE, 'pageSize').default(20),
  })
  .refine(periodInOrder, periodError);

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_TABLES = ['figures', 'breakdown', 'funnel', 'league', 'schemes', 'monthly', ...FIGURE_LISTS] as const;

/** GET /admin/dashboard/export: a table of the dashboard (or a whole list) as CSV or XLSX. */
export const figureExportQuerySchema = z
  .object({
    ...filterShape,
    table: z.enum(EXPORT_TABLES, 'figures.errors.table'),
    format: z.enum(EXPORT_FORMATS, 'figures.errors.format').default('csv'),
    breakdown: z.enum(FIGURE_BREAKDOWNS, 'figures.errors.breakdown').default('month'),
    variant: z.enum(FIGURE_LIST_VARIANTS, 'figures.errors.variant').optional(),
    scheme: z
      .string()
      .regex(/^[a-z0-9_-]{1,60}$/, 'figures.errors.scheme')
      .optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'figures.errors.month')
      .optional()
      .describe('the monthly report: YYYY-MM'),
  })
  .refine(periodInOrder, periodError);
export type FigureExportQuery = z.output<typeof figureExportQuerySchema>;

/** The figures as GET /api/v1/figures answers them. Amounts are fen as decimal strings. */
const fen = z.string().regex(/^\d+$/).describe('amount in fen (1 元 = 100 fen), as a decimal string');

export const schemeFiguresDto = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['ip_pledge_compensation', 'guarantee_fund', 'other']),
  enrolledLoans: z.number().int().describe('loans enrolled in the scheme in the period (enrolment happens at disbursement)'),
  supportedEnterprises: z.number().int().describe('distinct enterprises of those loans'),
  institutions: z.number().int().describe('distinct institutions of those loans'),
  disbursed: fen.describe('principal of those loans, fen'),
  claimsPaid: fen.describe('compensation of claims paid in the period, fen'),
  balance: fen.describe('the fund balance at the end of the period, fen (the whole fund: not filtered by park)'),
});

export const figuresDto = z.object({
  period: z.object({ from: z.string(), to: z.string(), timeZone: z.literal('Asia/Shanghai') }),
  park: z.string().nullable().describe('the park code filtered by, or null'),
  institutions: z.number().int().describe('institutions active at the end of the period'),
  products: z.number().int().describe('products published at the end of the period (with a park: those open to it)'),
  exclusiveProducts: z.number().int().describe('of those, the zone-exclusive ones'),
  registeredEnterprises: z.number().int().describe('enterprises registered by the end of the period with at least one user active then'),
  enterprisesWithNeeds: z.number().int().describe('distinct enterprises that posted a financing need in the period'),
  demandAmount: fen.describe('sum of the amounts of those needs, fen'),
  applications: z.number().int().describe('applications submitted in the period'),
  approvalRate: z
    .number()
    .nullable()
    .describe(
      'of those: ever approved ÷ decided (ever approved, or rejected; an approval later withdrawn or disbursed counts as approved), 4 decimals; null when none is decided',
    ),
  medianResponseHours: z.number().nullable().describe('of those: median hours from submission to the institution’s first action, 1 decimal'),
  creditGranted: fen.describe('approved amounts of applications decided in the period, fen'),
  disbursed: fen.describe('principal of loans disbursed in the period, fen'),
  ipPledgeProjects: z.number().int().describe('loans disbursed in the period with a registered (or since released/enforced) IP pledge'),
  ipPledgeAmount: fen.describe('their principal, fen'),
  schemes: z.array(schemeFiguresDto),
});
export type FiguresDto = z.infer<typeof figuresDto>;
