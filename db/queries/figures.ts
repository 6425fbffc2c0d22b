// The zone's figures (DESIGN §4), every one an SQL aggregate: nothing here loads rows to count them
// in JavaScript. A period is [from 00:00, to + 1 day 00:00) on the Asia/Shanghai calendar, so an
// event at 23:59:59.999 on the last day counts and one at 00:00 the next day does not. Breakdowns
// are the same aggregates with GROUP BY; the drill-down lists use the very same predicates, so a
// list's total is the number that linked to it.
//
// Results are cast in SQL (::int, ::text, ::float8) so PGlite and postgres.js return the same
// JavaScript types; money leaves as decimal text of fen.
import { sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATES, CLAIM_STATES, INSTITUTION_STATES, MATCH_SOURCES, NEED_STATES, PLEDGE_STATES, PRODUCT_STATES, USER_STATES } from '../enums';
import { sqlList, sqlValue } from '../sql-enums';
import { ZONE_TIME_ZONE, zoneDay } from '../zone';
import type { Db } from '../client';
import { rowsOf } from '../rows';

export interface FigureFilter {
  /** First day, 'YYYY-MM-DD' (zone calendar); absent: since the beginning. */
  from?: string;
  /** Last day, inclusive; absent: up to now. */
  to?: string;
  parkId?: number | null;
  institutionId?: string | null;
  category?: string | null;
}

export type FigureDim = 'park' | 'institution' | 'category' | 'month';
export type NeedStage = 'posted' | 'acted' | 'applied' | 'approved' | 'disbursed';
export const NEED_STAGES: readonly NeedStage[] = ['posted', 'acted', 'applied', 'approved', 'disbursed'];

const ZONE = sql.raw(`'${ZONE_TIME_ZONE}'`);
const raw = (s: string) => sql.raw(s);
/** Ever approved (授信): an approval keeps its amount even if the enterprise withdraws afterwards. */
const EVER_APPROVED = sql`a.approved_amount_fen is not null`;
/** Decided: ever approved, or rejected. */
const DECIDED = sql`(a.approved_amount_fen is not null or a.status = ${sqlValue(APPLICATION_STATES, 'rejected')})`;
const PLEDGE_REGISTERED = sqlList(PLEDGE_STATES, ['registered', 'released', 'enforced']);
// The other enum values this file's SQL compares with, from db/enums.ts.
const DISBURSED = sqlValue(APPLICATION_STATES, 'disbursed');
const INSTITUTION_ACTIVE = sqlValue(INSTITUTION_STATES, 'active');
const PUBLISHED = sqlValue(PRODUCT_STATES, 'published');
const USER_ACTIVE = sqlValue(USER_STATES, 'active');
const PAID = sqlValue(CLAIM_STATES, 'paid');
const BY_INSTITUTION = sqlValue(MATCH_SOURCES, 'institution');
const OPEN = sqlValue(NEED_STATES, 'open');

/** `col` lies in the period: [from 00:00, to + 1 day 00:00) Asia/Shanghai. */
export function inPeriod(col: SQL, f: Pick<FigureFilter, 'from' | 'to'>): SQL {
  return all([
    f.from ? sql`${col} >= (${f.from}::date)::timestamp at time zone ${ZONE}` : null,
    f.to ? sql`${col} < (${f.to}::date + 1)::timestamp at time zone ${ZONE}` : null,
  ]);
}

function all(parts: (SQL | null | undefined | false)[]): SQL {
  const p = parts.filter((x): x is SQL => !!x);
  return p.length
    ? sql.join(
        p.map((x) => sql`(${x})`),
        sql` and `,
      )
    : sql`true`;
}

const monthOf = (col: SQL) => sql`to_char(${col} at time zone ${ZONE}, 'YYYY-MM')`;
const zoneTime = (col: SQL) => sql`to_char(${col} at time zone ${ZONE}, 'YYYY-MM-DD HH24:MI:SS')`;
const hoursBetween = (from: SQL, to: SQL) => sql`extract(epoch from (${to} - ${from})) / 3600.0`;
const ratio4 = (num: SQL, den: SQL) => sql`round((${num})::numeric / nullif(${den}, 0), 4)::float8`;

/** The enterprise's park, the institution, the product category: aliases of one fact's tables. */
interface Aliases {
  ent: string;
  inst: string;
  cat: string;
}
const APP: Aliases = { ent: 'e', inst: 'a.institution_id', cat: 'p.category' };
const LOAN: Aliases = { ent: 'e', inst: 'l.institution_id', cat: 'p.category' };

function factFilters(f: FigureFilter, a: Aliases): SQL {
  return all([
    f.parkId != null ? sql`${raw(a.ent)}.park_id = ${f.parkId}` : null,
    f.institutionId ? sql`${raw(a.inst)} = ${f.institutionId}` : null,
    f.category ? sql`${raw(a.cat)} = ${f.category}` : null,
  ]);
}

const parkOnly = (f: FigureFilter, ent = 'e') => (f.parkId != null ? sql`${raw(ent)}.park_id = ${f.parkId}` : null);

/** The GROUP BY key of a fact for a dimension: the enterprise's park, institution, category, or zone month of `at`. */
function keyOf(dim: FigureDim | null, a: Aliases, at: SQL): SQL | null {
  if (dim === null) return null;
  if (dim === 'month') return monthOf(at);
  if (dim === 'park') return sql`${raw(a.ent)}.park_id::text`;
  if (dim === 'institution') return sql`${raw(a.inst)}::text`;
  return sql`${raw(a.cat)}::text`;
}

/**
 * The same key uncast, to group by: the covering index (institution_id, submitted_at) gives
 * applications in institution order, but not in the order of institution_id::text, so grouping by
 * the text sorted all of them (763k rows in 2026 at tier M).
 */
function groupKeyOf(dim: FigureDim | null, a: Aliases, at: SQL): SQL | null {
  if (dim === 'park') return sql`${raw(a.ent)}.park_id`;
  if (dim === 'institution') return sql`${raw(a.inst)}`;
  if (dim === 'category') return sql`${raw(a.cat)}`;
  return keyOf(dim, a, at);
}

/**
 * A figure broken down by the zone month of `at`, for a period with both ends: the period's months as
 * ranges, and each month's rows aggregated through the index on `at`. GROUP BY month sorted every row
 * of the period by its month (the index gives them in `at` order, but the planner cannot know the
 * month follows it): at tier M 763k applications in 2026 spilled 33 MB to disk, 3.3 s; per month,
 * no sort. `count` names an aggregate that is 0 for a month without rows (GROUP BY had no such row).
 * Null when the period is open at either end or spans centuries (then GROUP BY it is).
 */
function monthly(f: FigureFilter, at: SQL, aggregates: SQL, from: SQL, where: SQL, count: string): SQL | null {
  if (!f.from || !f.to) return null;
  // Beyond ~200 years of months (e.g. 0001-01-01 to 9999-12-31) the ranges cost more than the sort.
  if (Number(f.to.slice(0, 4)) - Number(f.from.slice(0, 4)) > 200) return null;
  return sql`select to_char(mo.m, 'YYYY-MM') as key, x.*
    from generate_series(date_trunc('month', ${f.from}::date::timestamp), ${f.to}::date::timestamp, interval '1 month') as mo(m)
    cross join lateral (
      select ${aggregates} from ${from}
      where ${where}
        and ${at} >= greatest(mo.m, ${f.from}::date::timestamp) at time zone ${ZONE}
        and ${at} < least(mo.m + interval '1 month', (${f.to}::date + 1)::timestamp) at time zone ${ZONE}
    ) x
    where x.${raw(`"${count}"`)} > 0
    order by 1`;
}

/**
 * `select key::text, aggregates from … where period and filters [group by key]` (`key` uncast), by
 * month through monthly().
 */
function breakdown(f: FigureFilter, dim: FigureDim | null, key: SQL | null, at: SQL, aggregates: SQL, from: SQL, filters: SQL, count: string): SQL {
  const byMonth = dim === 'month' ? monthly(f, at, aggregates, from, filters, count) : null;
  if (byMonth) return byMonth;
  return key
    ? sql`select (${key})::text as key, ${aggregates} from ${from} where ${all([inPeriod(at, f), filters])} group by ${key} order by 1`
    : sql`select null::text as key, ${aggregates} from ${from} where ${all([inPeriod(at, f), filters])}`;
}

const keyColumn = (key: SQL | null) => (key ? sql`${key} as key` : sql`null::text as key`);
const grouping = (key: SQL | null) => (key ? sql` group by 1 order by 1` : sql``);

async function run<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

// ---------------------------------------------------------------- state at the end of the period

/** The end of the period as a timestamptz (the day after `to`, 00:00 zone time); null: now. */
function periodEnd(f: Pick<FigureFilter, 'to'>): SQL | null {
  // A period that ends today or later ends "now": the current state, no history to read.
  if (!f.to || f.to >= zoneDay()) return null;
  return sql`((${f.to}::date + 1)::timestamp at time zone ${ZONE})`;
}

/**
 * An entity's state at the end of the period, from its dated status history (the audit trail): the
 * state before its first change at or after the end, or, with no later change, its current state.
 * Rows that never changed state (or were loaded without history) keep their current state.
 */
function stateAt(f: Pick<FigureFilter, 'to'>, entity: string, id: SQL, current: SQL, key = 'status'): SQL {
  const end = periodEnd(f);
  if (!end) return sql`${current}::text`;
  return sql`coalesce((select ae.before->>${key} from audit_events ae
      where ${changesFrom(entity, end, key)} and ae.entity_id = ${id}::text
      order by ae.at, ae.id limit 1), ${current}::text)`;
}

/** Audit rows `ae` of `entity` at or after `end` that changed its `key`: its dated history from then. */
function changesFrom(entity: string, end: SQL, key: string): SQL {
  return sql`ae.entity = ${entity} and ae.at >= ${end}
    and ae.before->>${key} is not null and ae.after->>${key} is not null and ae.before->>${key} <> ae.after->>${key}`;
}

/** Created before the end of the period. */
function existedAt(f: Pick<FigureFilter, 'to'>, createdAt: SQL): SQL | null {
  const end = periodEnd(f);
  return end ? sql`${createdAt} < ${end}` : null;
}

/** Institution `i` was active at the end of the period. */
const institutionActiveAt = (f: FigureFilter, i = 'i') =>
  all([existedAt(f, raw(`${i}.created_at`)), sql`${stateAt(f, 'institution', raw(`${i}.id`), raw(`${i}.status`))} = ${INSTITUTION_ACTIVE}`]);

/**
 * Product `p` was published at the end of the period (and, with a park filter, open to that park:
 * to all parks, or listing it).
 */
const productPublishedAt = (f: FigureFilter, p = 'p') =>
  all([
    existedAt(f, raw(`${p}.created_at`)),
    sql`${stateAt(f, 'product', raw(`${p}.id`), raw(`${p}.status`))} = ${PUBLISHED}`,
    f.parkId != null ? sql`(cardinality(${raw(`${p}.eligible_park_ids`)}) = 0 or ${f.parkId} = any(${raw(`${p}.eligible_park_ids`)}))` : null,
  ]);

/** Enterprise `e` was registered by the end of the period with at least one user active then. */
const enterpriseRegisteredAt = (f: FigureFilter, e = 'e') =>
  all([
    existedAt(f, raw(`${e}.created_at`)),
    sql`exists (select 1 from users u where u.enterprise_id = ${raw(`${e}.id`)} and ${all([
      existedAt(f, sql`u.created_at`),
      sql`${stateAt(f, 'user', sql`u.id`, sql`u.status`)} = ${USER_ACTIVE}`,
    ])})`,
  ]);

// ---------------------------------------------------------------- supply, as at the end of the period

export interface SupplyRow {
  key: string | null;
  institutions: number;
  products: number;
  exclusiveProducts: number;
  registeredEnterprises: number;
}

/**
 * The users that make their enterprises registered at the end of the period (enterpriseRegisteredAt
 * read from the users' side): created by then, active then, of an enterprise created by then (and in
 * the park, with a park filter). `count(distinct u.enterprise_id)` over these rows is the number of
 * registered enterprises. One pass instead of a lookup per enterprise: at tier L (1M enterprises)
 * the per-enterprise EXISTS took 10 s for the current count, and its per-user status lookup in the
 * audit trail 11.7 s more for a past period; here each user's first status change after the end
 * comes from one scan of the users' status changes (stateAt's rule, as a join). `byPark`: the rows
 * carry the enterprise (`e`) for a group by its park.
 */
function registeredEnterpriseUsers(f: FigureFilter, byPark = false): SQL {
  const end = periodEnd(f);
  const later = end
    ? sql`left join (select distinct on (ae.entity_id) ae.entity_id, ae.before->>'status' as status from audit_events ae
          where ${changesFrom('user', end, 'status')}
          order by ae.entity_id, ae.at, ae.id) later on later.entity_id = u.id::text`
    : sql``;
  const status = end ? sql`coalesce(later.status, u.status::text)` : sql`u.status::text`;
  // The enterprise only when its creation or park is asked about (a user's enterprise exists: a
  // foreign key): for the current count, 1M probes of its key were 3.6 s of 3.6 s.
  const enterprise = end || f.parkId != null || byPark ? sql`join enterprises e on e.id = u.enterprise_id` : sql``;
  return sql`users u ${enterprise} ${later}
    where ${all([sql`u.enterprise_id is not null`, existedAt(f, sql`e.created_at`), existedAt(f, sql`u.created_at`), sql`${status} = ${USER_ACTIVE}`, parkOnly(f)])}`;
}

/**
 * As at the end of the period: institutions active then (with a product of the category published
 * then, when filtered by one); products published then (zone-exclusive ones; open to the park, when
 * filtered by one); enterprises registered by then with a user active then (of the park).
 */
export async function supplyFigures(db: Db, f: FigureFilter): Promise<SupplyRow> {
  const productWhere = all([
    productPublishedAt(f),
    f.institutionId ? sql`p.institution_id = ${f.institutionId}` : null,
    f.category ? sql`p.category = ${f.category}` : null,
  ]);
  const [r] = await run<SupplyRow>(
    db,
    sql`select null::text as key,
      (select count(*)::int from institutions i where ${institutionWhere(f)}) as "institutions",
      (select count(*)::int from products p where ${productWhere}) as "products",
      (select count(*)::int from products p where ${productWhere} and p.zone_exclusive) as "exclusiveProducts",
      (select count(distinct u.enterprise_id)::int from ${registeredEnterpriseUsers(f)}) as "registeredEnterprises"`,
  );
  return r;
}

/** Institutions active and products published now: cheap counts the landing page reads live. */
export async function currentSupply(db: Db): Promise<{ institutions: number; products: number; exclusiveProducts: number }> {
  const [r] = await run<{ institutions: number; products: number; exclusiveProducts: number }>(
    db,
    sql`select (select count(*)::int from institutions where status = ${INSTITUTION_ACTIVE}) as "institutions",
      (select count(*)::int from products where status = ${PUBLISHED}) as "products",
      (select count(*)::int from products where status = ${PUBLISHED} and zone_exclusive) as "exclusiveProducts"`,
  );
  return r;
}

function institutionWhere(f: FigureFilter): SQL {
  return all([
    institutionActiveAt(f),
    f.institutionId ? sql`i.id = ${f.institutionId}` : null,
    f.category ? sql`exists (select 1 from products p where p.institution_id = i.id and p.category = ${f.category} and ${productPublishedAt(f)})` : null,
  ]);
}

/** The supply broken down: institutions and products by institution or category, enterprises by park. */
export async function supplyBreakdown(db: Db, f: FigureFilter, dim: FigureDim) {
  if (dim === 'month') return [];
  const productWhere = all([
    productPublishedAt(f),
    f.institutionId ? sql`p.institution_id = ${f.institutionId}` : null,
    f.category ? sql`p.category = ${f.category}` : null,
  ]);
  if (dim === 'park') {
    return run<{ key: string; registeredEnterprises: number }>(
      db,
      sql`select e.park_id::text as key, count(distinct u.enterprise_id)::int as "registeredEnterprises" from ${registeredEnterpriseUsers(f, true)}
          group by 1 order by 1`,
    );
  }
  const key = dim === 'institution' ? sql`p.institution_id::text` : sql`p.category::text`;
  return run<{ key: string; institutions: number; products: number; exclusiveProducts: number }>(
    db,
    sql`select ${key} as key,
        count(distinct p.institution_id) filter (where ${institutionActiveAt(f)})::int as "institutions",
        count(*)::int as "products",
        count(*) filter (where p.zone_exclusive)::int as "exclusiveProducts"
      from products p join institutions i on i.id = p.institution_id
      where ${productWhere}
      group by 1 order by 1`,
  );
}

// ---------------------------------------------------------------- demand (融资需求)

export interface DemandRow {
  key: string | null;
  enterprisesWithNeeds: number;
  needs: number;
  demandFen: string;
}

/** Distinct enterprises that posted a need in the period, and the sum of those needs' amounts. */
export async function demandFigures(db: Db, f: FigureFilter, dim: FigureDim | null = null): Promise<DemandRow[]> {
  // A need has no institution or product category: demand is broken down by park and month only.
  const key = dim === null ? null : dim === 'park' ? sql`e.park_id` : dim === 'month' ? monthOf(sql`n.created_at`) : undefined;
  if (key === undefined) return [];
  // The enterprise only for its park.
  const from = f.parkId != null || dim === 'park' ? sql`financing_needs n join enterprises e on e.id = n.enterprise_id` : sql`financing_needs n`;
  return run<DemandRow>(
    db,
    breakdown(
      f,
      dim,
      key,
      sql`n.created_at`,
      sql`count(distinct n.enterprise_id)::int as "enterprisesWithNeeds", count(*)::int as "needs", coalesce(sum(n.amount_fen), 0)::text as "demandFen"`,
      from,
      all([parkOnly(f)]),
      'needs',
    ),
  );
}

// ---------------------------------------------------------------- applications

export interface ApplicationRow {
  key: string | null;
  applications: number;
  approved: number;
  decided: number;
  responded: number;
  approvalRate: number | null;
  medianResponseHours: number | null;
}

const APP_FROM = sql`applications a join enterprises e on e.id = a.enterprise_id join products p on p.id = a.product_id`;
/** A fact table (applications `a`, loans `l`), joined to its enterprise and product only when a filter or the breakdown needs them. */
function factFrom(table: 'applications' | 'loans', f: FigureFilter, dim: FigureDim | null): SQL {
  const alias = table === 'applications' ? 'a' : 'l';
  return sql.raw(
    [
      `${table} ${alias}`,
      f.parkId != null || dim === 'park' ? `join enterprises e on e.id = ${alias}.enterprise_id` : null,
      f.category || dim === 'category' ? `join products p on p.id = ${alias}.product_id` : null,
    ]
      .filter(Boolean)
      .join(' '),
  );
}
const RESPONSE_HOURS = hoursBetween(sql`a.submitted_at`, sql`a.first_action_at`);
/**
 * The median response time in hours, 1 decimal: the median of the intervals themselves (exact
 * microseconds), converted to hours once. Sorting intervals instead of a numeric epoch ÷ 3600 per
 * row halves the aggregate's time (1.86 → 1.0 s for 763k applications at tier M); the same 991
 * medians on the M data (by institution × month, by each, and overall) as the per-row numeric form.
 */
const MEDIAN_RESPONSE_HOURS = sql`round(extract(epoch from percentile_cont(0.5) within group (order by a.first_action_at - a.submitted_at)) / 3600.0, 1)::float8`;

/**
 * Applications submitted in the period; of those, (approved + disbursed) ÷ decided (approved +
 * disbursed + rejected), and the median hours from submission to the institution's first action.
 */
export async function applicationFigures(db: Db, f: FigureFilter, dim: FigureDim | null = null): Promise<ApplicationRow[]> {
  const key = groupKeyOf(dim, APP, sql`a.submitted_at`);
  return run<ApplicationRow>(
    db,
    breakdown(
      f,
      dim,
      key,
      sql`a.submitted_at`,
      sql`count(*)::int as "applications",
        count(*) filter (where ${EVER_APPROVED})::int as "approved",
        count(*) filter (where ${DECIDED})::int as "decided",
        count(a.first_action_at)::int as "responded",
        ${ratio4(sql`count(*) filter (where ${EVER_APPROVED})`, sql`count(*) filter (where ${DECIDED})`)} as "approvalRate",
        ${MEDIAN_RESPONSE_HOURS} as "medianResponseHours"`,
      factFrom('applications', f, dim),
      factFilters(f, APP),
      'applications',
    ),
  );
}

export interface CreditRow {
  key: string | null;
  creditApplications: number;
  creditGrantedFen: string;
}

/** Credit granted (授信): approved amounts of applications decided in the period. */
export async function creditFigures(db: Db, f: FigureFilter, dim: FigureDim | null = null): Promise<CreditRow[]> {
  const key = groupKeyOf(dim, APP, sql`a.decided_at`);
  return run<CreditRow>(
    db,
    breakdown(
      f,
      dim,
      key,
      sql`a.decided_at`,
      sql`count(*)::int as "creditApplications", coalesce(sum(a.approved_amount_fen), 0)::text as "creditGrantedFen"`,
      factFrom('applications', f, dim),
      all([sql`a.approved_amount_fen is not null and a.decided_at is not null`, factFilters(f, APP)]),
      'creditApplications',
    ),
  );
}

// ---------------------------------------------------------------- loans (放款) and IP pledges

export interface LoanRow {
  key: string | null;
  loans: number;
  disbursedFen: string;
  ipPledgeProjects: number;
  ipPledgeFen: string;
}

const LOAN_FROM = sql`loans l join enterprises e on e.id = l.enterprise_id join products p on p.id = l.product_id`;
/** The loan has a pledge that was registered with the IP office (and may since be released or enforced). */
const IP_PLEDGED = sql`(l.id in (select pl.loan_id from pledges pl where pl.loan_id is not null and pl.status in ${PLEDGE_REGISTERED})
  or l.application_id in (select pl.application_id from pledges pl where pl.application_id is not null and pl.status in ${PLEDGE_REGISTERED}))`;

/** Loans disbursed in the period and their principal; those with a registered IP pledge and theirs. */
export async function loanFigures(db: Db, f: FigureFilter, dim: FigureDim | null = null): Promise<LoanRow[]> {
  const key = groupKeyOf(dim, LOAN, sql`l.disbursed_at`);
  return run<LoanRow>(
    db,
    breakdown(
      f,
      dim,
      key,
      sql`l.disbursed_at`,
      sql`count(*)::int as "loans", coalesce(sum(l.principal_fen), 0)::text as "disbursedFen",
        count(*) filter (where ${IP_PLEDGED})::int as "ipPledgeProjects",
        coalesce(sum(l.principal_fen) filter (where ${IP_PLEDGED}), 0)::text as "ipPledgeFen"`,
      factFrom('loans', f, dim),
      factFilters(f, LOAN),
      'loans',
    ),
  );
}

// ---------------------------------------------------------------- risk-sharing schemes

export interface SchemeRow {
  code: string;
  name: string;
  kind: 'ip_pledge_compensation' | 'guarantee_fund' | 'other';
  enrolledLoans: number;
  supportedEnterprises: number;
  institutions: number;
  disbursedFen: string;
  claimsPaidFen: string;
  balanceFen: string;
}

/**
 * Scheme `s`'s fund balance at the end of the period: today's balance less the contributions dated
 * after the period, plus the compensation paid from its end on.
 */
function balanceAt(f: FigureFilter): SQL {
  const end = periodEnd(f);
  if (!end) return sql`s.balance_fen`;
  return sql`(s.balance_fen
    - (select coalesce(sum(sc.amount_fen), 0) from scheme_contributions sc where sc.scheme_id = s.id and sc.contributed_on > ${f.to}::date)
    + (select coalesce(sum(c.compensation_fen), 0) from claims c join scheme_enrolments ce on ce.id = c.enrolment_id
        where ce.scheme_id = s.id and c.status = ${PAID} and c.paid_at >= ${end}))`;
}

/**
 * Per scheme: the loans enrolled in it in the period (DESIGN §4: by the enrolment's date, which the
 * app sets at disbursement; data loaded from elsewhere may enrol later), their distinct enterprises
 * and institutions and principal; compensation of its claims paid in the period; the fund balance at
 * the end of the period.
 */
export async function schemeFigures(db: Db, f: FigureFilter): Promise<SchemeRow[]> {
  return run<SchemeRow>(
    db,
    sql`select s.code, s.name, s.kind::text as kind, ${balanceAt(f)}::text as "balanceFen",
        count(l.id)::int as "enrolledLoans", count(distinct l.enterprise_id)::int as "supportedEnterprises",
        count(distinct l.institution_id)::int as "institutions", coalesce(sum(l.principal_fen), 0)::text as "disbursedFen",
        (select coalesce(sum(c.compensation_fen), 0)::text
           from claims c join scheme_enrolments ce on ce.id = c.enrolment_id join loans cl on cl.id = ce.loan_id
           ${f.parkId != null ? sql`join enterprises ceh on ceh.id = cl.enterprise_id` : sql``} ${f.category ? sql`join products cp on cp.id = cl.product_id` : sql``}
          where ce.scheme_id = s.id and c.status = ${PAID} and ${inPeriod(sql`c.paid_at`, f)}
            and ${factFilters(f, { ent: 'ceh', inst: 'cl.institution_id', cat: 'cp.category' })}) as "claimsPaidFen"
      from risk_schemes s
      left join (scheme_enrolments se join loans l on l.id = se.loan_id
          ${f.parkId != null ? sql`join enterprises e on e.id = l.enterprise_id` : sql``} ${f.category ? sql`join products p on p.id = l.product_id` : sql``})
        on se.scheme_id = s.id
        and ${inPeriod(sql`se.enrolled_at`, f)} and ${factFilters(f, LOAN)}
      group by s.id
      order by s.code`,
  );
}

/** One kind of scheme taken together (e.g. every 融担贷 fund): loans enrolled in any of them in the period, counted once. */
export async function schemeKindFigures(db: Db, f: FigureFilter, kind: SchemeRow['kind']) {
  const [r] = await run<{ enrolledLoans: number; supportedEnterprises: number; institutions: number; disbursedFen: string }>(
    db,
    sql`select count(*)::int as "enrolledLoans", count(distinct l.enterprise_id)::int as "supportedEnterprises",
        count(distinct l.institution_id)::int as "institutions", coalesce(sum(l.principal_fen), 0)::text as "disbursedFen"
      from ${LOAN_FROM}
      where ${all([
        sql`exists (select 1 from scheme_enrolments se join risk_schemes s on s.id = se.scheme_id
          where se.loan_id = l.id and s.kind = ${kind} and ${inPeriod(sql`se.enrolled_at`, f)})`,
        factFilters(f, LOAN),
      ])}`,
  );
  return r;
}

// ---------------------------------------------------------------- funnel (需求转化漏斗)

/**
 * Whether need `n` reached a stage. Without an institution or category filter: acted on = an
 * institution showed interest (first_institution_action_at) or acted on an application for it;
 * applied / approved / disbursed = an application for it exists / was approved or disbursed / was
 * disbursed. With a filter, each stage counts only that institution's (category's) products.
 */
export function needStage(stage: NeedStage, f: FigureFilter): SQL {
  if (stage === 'posted') return sql`true`;
  const scoped = !!(f.institutionId || f.category);
  const productScope = all([f.institutionId ? sql`p.institution_id = ${f.institutionId}` : null, f.category ? sql`p.category = ${f.category}` : null]);
  const appExists = (cond: SQL) =>
    scoped
      ? sql`exists (select 1 from applications a join products p on p.id = a.product_id where a.need_id = n.id and ${cond} and ${productScope})`
      : sql`exists (select 1 from applications a where a.need_id = n.id and ${cond})`;
  switch (stage) {
    case 'acted':
      return scoped
        ? sql`(exists (select 1 from matches m join products p on p.id = m.product_id where m.need_id = n.id and m.source = ${BY_INSTITUTION} and ${productScope}) or ${appExists(sql`a.first_action_at is not null`)})`
        : sql`(n.first_institution_action_at is not null or ${appExists(sql`a.first_action_at is not null`)})`;
    case 'applied':
      return appExists(sql`true`);
    case 'approved':
      return appExists(sql`${EVER_APPROVED}`);
    case 'disbursed':
      return appExists(sql`a.status = ${DISBURSED}`);
  }
}

export interface FunnelRow {
  key: string | null;
  posted: number;
  acted: number;
  applied: number;
  approved: number;
  disbursed: number;
}

const NEED_FROM = sql`financing_needs n join enterprises e on e.id = n.enterprise_id`;
/** The needs, joined to their enterprise only when a park filter reads it (every need has one): for counts. */
const needFrom = (f: FigureFilter) => (f.parkId != null ? NEED_FROM : sql`financing_needs n`);
const needCohort = (f: FigureFilter) => all([inPeriod(sql`n.created_at`, f), parkOnly(f)]);

/**
 * Needs posted in the period (of the park) and how many of them reached each stage. By institution
 * or category, "posted" is the whole cohort and each later stage counts that institution's
 * (category's) part in it.
 */
export async function funnelFigures(db: Db, f: FigureFilter, dim: FigureDim | null = null): Promise<FunnelRow[]> {
  if (dim === 'institution' || dim === 'category') {
    const key = dim === 'institution' ? sql`t.institution_id::text` : sql`t.category::text`;
    return run<FunnelRow>(
      db,
      sql`with cohort as (select n.id from ${NEED_FROM} where ${needCohort(f)}),
        touches as (
          select m.need_id, p.institution_id, p.category, true as acted, false as applied, false as approved, false as disbursed
            from matches m join products p on p.id = m.product_id
           where m.source = ${BY_INSTITUTION} and m.need_id in (select id from cohort)
          union all
          select a.need_id, p.institution_id, p.category, a.first_action_at is not null, true, ${EVER_APPROVED}, a.status = ${DISBURSED}
            from applications a join products p on p.id = a.product_id
           where a.need_id in (select id from cohort)
        )
        select ${key} as key, (select count(*)::int from cohort) as "posted",
          count(distinct t.need_id) filter (where t.acted)::int as "acted",
          count(distinct t.need_id) filter (where t.applied)::int as "applied",
          count(distinct t.need_id) filter (where t.approved)::int as "approved",
          count(distinct t.need_id) filter (where t.disbursed)::int as "disbursed"
        from touches t
        where ${all([f.institutionId ? sql`t.institution_id = ${f.institutionId}` : null, f.category ? sql`t.category = ${f.category}` : null])}
        group by 1 order by 1`,
    );
  }
  const key = keyOf(dim, APP, sql`n.created_at`);
  if (!f.institutionId && !f.category) {
    // The whole zone: the cohort's applications aggregated once by need, joined once (instead of
    // four lookups into applications per need).
    return run<FunnelRow>(
      db,
      sql`with cohort as (
          select n.id, n.first_institution_action_at, ${key ?? sql`null::text`} as key
            from financing_needs n${f.parkId != null || dim === 'park' ? sql` join enterprises e on e.id = n.enterprise_id` : sql``}
           where ${needCohort(f)}
        ),
        reached as (
          select a.need_id, bool_or(a.first_action_at is not null) as acted, bool_or(${EVER_APPROVED}) as approved, bool_or(a.status = ${DISBURSED}) as disbursed
            from applications a join cohort c on c.id = a.need_id
           group by a.need_id
        )
        select ${key ? sql`c.key` : sql`null::text`} as key, count(*)::int as "posted",
          count(*) filter (where c.first_institution_action_at is not null or r.acted)::int as "acted",
          count(r.need_id)::int as "applied",
          count(*) filter (where r.approved)::int as "approved",
          count(*) filter (where r.disbursed)::int as "disbursed"
        from cohort c left join reached r on r.need_id = c.id
        ${key ? sql`group by 1 order by 1` : sql``}`,
    );
  }
  return run<FunnelRow>(
    db,
    sql`select ${keyColumn(key)}, count(*)::int as "posted",
        count(*) filter (where ${needStage('acted', f)})::int as "acted",
        count(*) filter (where ${needStage('applied', f)})::int as "applied",
        count(*) filter (where ${needStage('approved', f)})::int as "approved",
        count(*) filter (where ${needStage('disbursed', f)})::int as "disbursed"
      from ${NEED_FROM}
      where ${needCohort(f)}${grouping(key)}`,
  );
}

// ---------------------------------------------------------------- institutions' league table

export interface LeagueRow {
  institutionId: string;
  name: string;
  applications: number;
  responded: number;
  medianResponseHours: number | null;
  approved: number;
  decided: number;
  approvalRate: number | null;
  disbursedFen: string;
}

/**
 * Institutions active at the end of the period, by median response time (fastest first), then
 * approval rate. Applications and loans are aggregated once per institution, then joined.
 */
export async function institutionLeague(db: Db, f: FigureFilter, limit = 100, offset = 0) {
  const facts = (at: SQL) => all([inPeriod(at, f), parkOnly(f), f.category ? sql`p.category = ${f.category}` : null]);
  const where = all([institutionActiveAt(f), f.institutionId ? sql`i.id = ${f.institutionId}` : null]);
  const [items, [{ total }]] = await Promise.all([
    run<LeagueRow>(
      db,
      sql`with apps as materialized (
          select a.institution_id, count(*)::int as applications, count(a.first_action_at)::int as responded,
            ${MEDIAN_RESPONSE_HOURS} as median_hours,
            count(*) filter (where ${EVER_APPROVED})::int as approved,
            count(*) filter (where ${DECIDED})::int as decided
          from ${factFrom('applications', f, null)}
          where ${facts(sql`a.submitted_at`)}
          group by a.institution_id
        ),
        disbursed as materialized (
          select l.institution_id, sum(l.principal_fen) as fen
          from ${factFrom('loans', f, null)}
          where ${facts(sql`l.disbursed_at`)}
          group by l.institution_id
        )
        select i.id::text as "institutionId", i.name, coalesce(x.applications, 0) as "applications", coalesce(x.responded, 0) as "responded",
          x.median_hours as "medianResponseHours", coalesce(x.approved, 0) as "approved", coalesce(x.decided, 0) as "decided",
          ${ratio4(sql`x.approved`, sql`x.decided`)} as "approvalRate",
          coalesce(d.fen, 0)::text as "disbursedFen"
        from institutions i
        left join apps x on x.institution_id = i.id
        left join disbursed d on d.institution_id = i.id
        where ${where}
        order by 5 asc nulls last, 8 desc nulls last, 3 desc, i.name, i.id
        limit ${limit} offset ${offset}`,
    ),
    run<{ total: number }>(db, sql`select count(*)::int as total from institutions i where ${where}`),
  ]);
  return { items, total };
}

// ---------------------------------------------------------------- stale needs

export interface StaleNeedRow {
  id: string;
  createdAt: string;
  createdAtIso: string;
  enterpriseId: string;
  enterpriseName: string;
  parkId: number;
  amountFen: string;
  termMonths: number;
  purpose: string;
  /** Institutions whose products the engine suggested for it: whom the service centre calls. */
  suggestedInstitutions: string[] | null;
}

/** Open needs that no institution has acted on, posted before `cutoff` (3 working days before now). */
export async function staleNeeds(db: Db, f: FigureFilter, cutoff: Date, limit: number, offset: number) {
  const where = all([
    sql`n.status = ${OPEN} and (n.wanted_by is null or n.wanted_by >= (now() at time zone ${ZONE})::date) and n.first_institution_action_at is null`,
    sql`n.created_at < ${cutoff.toISOString()}::timestamptz`,
    parkOnly(f),
  ]);
  const [items, [{ total }]] = await Promise.all([
    run<StaleNeedRow>(
      db,
      sql`select n.id::text as id, ${zoneTime(sql`n.created_at`)} as "createdAt",
          to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAtIso",
          e.id::text as "enterpriseId", e.name as "enterpriseName", e.park_id as "parkId",
          n.amount_fen::text as "amountFen", n.term_months as "termMonths", n.purpose::text as purpose,
          (select array_agg(distinct i.name order by i.name) from matches m join products p on p.id = m.product_id
             join institutions i on i.id = p.institution_id where m.need_id = n.id) as "suggestedInstitutions"
        from ${NEED_FROM}
        where ${where}
        order by n.created_at asc, n.id
        limit ${limit} offset ${offset}`,
    ),
    // Without a park the count needs no enterprise (every need has one): an index-only count.
    run<{ total: number }>(db, sql`select count(*)::int as total from ${needFrom(f)} where ${where}`),
  ]);
  return { items, total };
}

// ---------------------------------------------------------------- drill-down lists

export interface Page<T> {
  items: T[];
  total: number;
}

/** `count`: a statement giving the same total faster than counting the listed rows (`total`). */
async function paged<T>(db: Db, select: SQL, from: SQL, where: SQL, order: SQL, limit: number, offset: number, count?: SQL): Promise<Page<T>> {
  const [items, [{ total }]] = await Promise.all([
    run<T>(db, sql`select ${select} from ${from} where ${where} order by ${order} limit ${limit} offset ${offset}`),
    run<{ total: number }>(db, count ?? sql`select count(*)::int as total from ${from} where ${where}`),
  ]);
  return { items, total };
}

export interface InstitutionListRow {
  id: string;
  name: string;
  kind: string;
  publishedProducts: number;
  contactName: string;
  contactPhone: string;
}

export function listActiveInstitutions(db: Db, f: FigureFilter, limit: number, offset: number) {
  return paged<InstitutionListRow>(
    db,
    sql`i.id::text as id, i.name, i.kind::text as kind, i.contact_name as "contactName", i.contact_phone as "contactPhone",
      (select count(*)::int from products p where p.institution_id = i.id and ${productPublishedAt(f)}) as "publishedProducts"`,
    sql`institutions i`,
    institutionWhere(f),
    sql`i.name, i.id`,
    limit,
    offset,
  );
}

export interface ProductListRow {
  id: string;
  name: string;
  institutionName: string;
  category: string;
  zoneExclusive: boolean;
  publishedAt: string | null;
}

export function listPublishedProducts(db: Db, f: FigureFilter, exclusiveOnly: boolean, limit: number, offset: number) {
  return paged<ProductListRow>(
    db,
    sql`p.id::text as id, p.name, i.name as "institutionName", p.category::text as category, p.zone_exclusive as "zoneExclusive",
      ${zoneTime(sql`p.published_at`)} as "publishedAt"`,
    sql`products p join institutions i on i.id = p.institution_id`,
    all([
      productPublishedAt(f),
      f.institutionId ? sql`p.institution_id = ${f.institutionId}` : null,
      f.category ? sql`p.category = ${f.category}` : null,
      exclusiveOnly ? sql`p.zone_exclusive` : null,
    ]),
    sql`p.published_at desc nulls last, p.id`,
    limit,
    offset,
  );
}

export interface EnterpriseListRow {
  id: string;
  name: string;
  /** Null once released to the company it names (migration 0024); the code is then in usccReleased. */
  uscc: string | null;
  usccReleased: string | null;
  parkId: number;
  verificationStatus: string;
  createdAt: string;
}

export function listRegisteredEnterprises(db: Db, f: FigureFilter, limit: number, offset: number) {
  return paged<EnterpriseListRow>(
    db,
    sql`e.id::text as id, e.name, e.uscc, e.uscc_released as "usccReleased", e.park_id as "parkId", e.verification_status::text as "verificationStatus", ${zoneTime(sql`e.created_at`)} as "createdAt"`,
    sql`enterprises e`,
    all([enterpriseRegisteredAt(f), parkOnly(f)]),
    sql`e.created_at desc, e.id`,
    limit,
    offset,
    // The figure's own count: one pass over the users (10 s at tier L as an EXISTS per enterprise).
    sql`select count(distinct u.enterprise_id)::int as total from ${registeredEnterpriseUsers(f)}`,
  );
}

export interface NeedListRow {
  id: string;
  createdAt: string;
  enterpriseName: string;
  parkId: number;
  amountFen: string;
  termMonths: number;
  purpose: string;
  status: string;
  firstInstitutionActionAt: string | null;
}

/** Needs posted in the period (of the park) that reached `stage`: the rows behind the funnel and the demand. */
export function listNeeds(db: Db, f: FigureFilter, stage: NeedStage, limit: number, offset: number) {
  return paged<NeedListRow>(
    db,
    sql`n.id::text as id, ${zoneTime(sql`n.created_at`)} as "createdAt", e.name as "enterpriseName", e.park_id as "parkId",
      n.amount_fen::text as "amountFen", n.term_months as "termMonths", n.purpose::text as purpose, n.status::text as status,
      ${zoneTime(sql`n.first_institution_action_at`)} as "firstInstitutionActionAt"`,
    NEED_FROM,
    all([needCohort(f), needStage(stage, f)]),
    sql`n.created_at desc, n.id`,
    limit,
    offset,
    sql`select count(*)::int as total from ${needFrom(f)} where ${all([needCohort(f), needStage(stage, f)])}`,
  );
}

export type ApplicationBasis = 'submitted' | 'approved' | 'decided' | 'responded' | 'credit';

export interface ApplicationListRow {
  id: string;
  submittedAt: string;
  enterpriseName: string;
  parkId: number;
  institutionName: string;
  productName: string;
  category: string;
  amountFen: string;
  status: string;
  approvedAmountFen: string | null;
  decidedAt: string | null;
  responseHours: number | null;
}

/** The applications behind a number: submitted in the period (and approved/decided/responded), or credit granted. */
export function listApplications(db: Db, f: FigureFilter, basis: ApplicationBasis, limit: number, offset: number) {
  const period =
    basis === 'credit'
      ? all([sql`a.approved_amount_fen is not null and a.decided_at is not null`, inPeriod(sql`a.decided_at`, f)])
      : all([
          inPeriod(sql`a.submitted_at`, f),
          basis === 'approved' ? sql`${EVER_APPROVED}` : null,
          basis === 'decided' ? sql`${DECIDED}` : null,
          basis === 'responded' ? sql`a.first_action_at is not null` : null,
        ]);
  const where = all([period, factFilters(f, APP)]);
  return paged<ApplicationListRow>(
    db,
    sql`a.id::text as id, ${zoneTime(sql`a.submitted_at`)} as "submittedAt", e.name as "enterpriseName", e.park_id as "parkId",
      i.name as "institutionName", p.name as "productName", p.category::text as category, a.amount_fen::text as "amountFen",
      a.status::text as status, a.approved_amount_fen::text as "approvedAmountFen", ${zoneTime(sql`a.decided_at`)} as "decidedAt",
      round((${RESPONSE_HOURS})::numeric, 1)::float8 as "responseHours"`,
    sql`${APP_FROM} join institutions i on i.id = a.institution_id`,
    where,
    basis === 'credit' ? sql`a.decided_at desc, a.id` : sql`a.submitted_at desc, a.id`,
    limit,
    offset,
    // Counted as the figure counts (joins only for a filter: each application has its enterprise,
    // product and institution): 6.7 s -> about 1 s for a year's 7.6M applications at tier L.
    sql`select count(*)::int as total from ${factFrom('applications', f, null)} where ${where}`,
  );
}

export interface LoanListRow {
  id: string;
  disbursedAt: string;
  enterpriseName: string;
  parkId: number;
  institutionName: string;
  productName: string;
  category: string;
  principalFen: string;
  annualRateBp: number;
  termMonths: number;
  status: string;
  ipPledged: boolean;
}

/**
 * Loans disbursed in the period (all, or those with a registered IP pledge), or the loans enrolled in
 * a scheme in the period (as schemeFigures counts them).
 */
export function listLoans(db: Db, f: FigureFilter, opts: { ipOnly?: boolean; schemeCode?: string | null }, limit: number, offset: number) {
  const where = all([
    opts.schemeCode
      ? sql`exists (select 1 from scheme_enrolments se join risk_schemes s on s.id = se.scheme_id
          where se.loan_id = l.id and s.code = ${opts.schemeCode} and ${inPeriod(sql`se.enrolled_at`, f)})`
      : inPeriod(sql`l.disbursed_at`, f),
    factFilters(f, LOAN),
    opts.ipOnly ? IP_PLEDGED : null,
  ]);
  return paged<LoanListRow>(
    db,
    sql`l.id::text as id, ${zoneTime(sql`l.disbursed_at`)} as "disbursedAt", e.name as "enterpriseName", e.park_id as "parkId",
      i.name as "institutionName", p.name as "productName", p.category::text as category, l.principal_fen::text as "principalFen",
      l.annual_rate_bp as "annualRateBp", l.term_months as "termMonths", l.status::text as status, ${IP_PLEDGED} as "ipPledged"`,
    sql`${LOAN_FROM} join institutions i on i.id = l.institution_id`,
    where,
    sql`l.disbursed_at desc, l.id`,
    limit,
    offset,
    // Counted as the figure counts: joins only for a filter.
    sql`select count(*)::int as total from ${factFrom('loans', f, null)} where ${where}`,
  );
}

// ---------------------------------------------------------------- the figures' data version

/**
 * How many transactions that wrote to a table the figures may read have committed (migration 0017):
 * equal versions see the same committed data in those tables (lib/figures/cache.ts). Null inside a
 * transaction that has written: its own uncommitted rows change without changing the version.
 */
export async function figuresVersion(db: Db): Promise<string | null> {
  const [r] = await run<{ v: string | null }>(versionReaders.get(db) ?? db, sql`select ${FIGURES_VERSION} as v`);
  return r.v;
}

// On globalThis: Next bundles the modules that register and those that read separately.
const gv = globalThis as unknown as { __kerongtongVersionReaders?: WeakMap<Db, Db> };
const versionReaders = (gv.__kerongtongVersionReaders ??= new WeakMap<Db, Db>());

/**
 * figuresVersion(`db`) reads through `reader`, another pool on the same server. The figures' own pool
 * (db/index.ts) is busy for minutes with a province's figures after a write; the version, one quick
 * statement every dashboard reads first, must not queue behind them.
 */
export function readFiguresVersionThrough(db: Db, reader: Db): void {
  versionReaders.set(db, reader);
}

/** How many transactions that wrote to a table the figures may read have committed, as a bigint. */
export const FIGURE_WRITES_COMMITTED = sql`((select n from figure_writes_folded) + (select count(*) from figure_writes))`;

/** figuresVersion's expression, for statements that read it along with other things (db/queries/users.ts). */
export const FIGURES_VERSION = sql`case when txid_current_if_assigned() is null
  then ${FIGURE_WRITES_COMMITTED}::text end`;

/**
 * Folds the rows of transactions that have all ended into the running total, in one statement, so
 * every reader's sum stays what it was and the count stays small. Returns how many were folded.
 */
export async function foldFigureWrites(db: Db): Promise<number> {
  const r = await run<{ n: string }>(
    db,
    sql`with gone as (delete from figure_writes where txid < txid_snapshot_xmin(txid_current_snapshot()) returning 1),
        c as (select count(*) as n from gone)
      update figure_writes_folded set n = figure_writes_folded.n + c.n from c returning c.n::text as n`,
  );
  return Number(r[0]?.n ?? 0);
}

// ---------------------------------------------------------------- labels

export async function institutionNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await run<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name from institutions where id::text in (${sql.join(
      [...new Set(ids)].map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function schemeExists(db: Db, code: string): Promise<boolean> {
  const rows = await run<{ one: number }>(db, sql`select 1 as one from risk_schemes where code = ${code}`);
  return rows.length > 0;
}
