// SQL of the risk-sharing schemes (风险补偿资金, 融担贷): balances, contributions, enrolments, claims.
import { asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { CLAIM_STATES, LOAN_STATES, UNSETTLED_LOAN_STATES } from '../enums';
import { sqlList, sqlValue } from '../sql-enums';
import { claims, enterprises, institutions, loans, products, riskSchemes, schemeContributions, schemeEnrolments } from '../schema';

type ClaimStatus = (typeof claims.$inferSelect)['status'];

export async function getScheme(db: Db, id: string) {
  const [s] = await db.select().from(riskSchemes).where(eq(riskSchemes.id, id)).limit(1);
  return s ?? null;
}

/** Every scheme's id, name and eligible categories: what a product may join (the product form). */
export function listSchemeOptions(db: Db) {
  return db
    .select({ id: riskSchemes.id, name: riskSchemes.name, eligibleCategories: riskSchemes.eligibleCategories })
    .from(riskSchemes)
    .orderBy(asc(riskSchemes.name));
}

/** Locks the scheme row: payouts and contributions serialise on it, so the balance is read fresh. */
export async function lockScheme(db: Db, id: string) {
  const [s] = await db.select().from(riskSchemes).where(eq(riskSchemes.id, id)).for('update');
  return s ?? null;
}

export async function addToBalance(db: Db, id: string, deltaFen: bigint) {
  const [s] = await db
    .update(riskSchemes)
    .set({ balanceFen: sql`${riskSchemes.balanceFen} + ${deltaFen}` })
    .where(eq(riskSchemes.id, id))
    .returning();
  return s ?? null;
}

export async function insertContribution(db: Db, values: typeof schemeContributions.$inferInsert) {
  const [c] = await db.insert(schemeContributions).values(values).returning();
  return c;
}

export function listContributions(db: Db, schemeId: string, limit = 10) {
  return db
    .select()
    .from(schemeContributions)
    .where(eq(schemeContributions.schemeId, schemeId))
    .orderBy(desc(schemeContributions.contributedOn), desc(schemeContributions.createdAt))
    .limit(limit);
}

// The scheme figures of DESIGN.md §4. Each aggregate is grouped by scheme in one pass over its table
// (the loans joined once for both the enterprises and the amount): as correlated subqueries per
// scheme the loans were scanned twice per scheme, 10 s for two schemes at tier L (3M loans).
const PAID = sqlValue(CLAIM_STATES, 'paid');

export interface SchemeFigureRow {
  enrolledLoans: number;
  supportedEnterprises: number;
  disbursedFen: bigint;
  /** 在保余额: the outstanding principal of the enrolled loans still in force (active, overdue, defaulted), what the leverage cap bounds. */
  inForceFen: bigint;
  claimsPaid: number;
  paidFen: bigint;
  contributedFen: bigint;
  balanceFen: bigint;
}

type SchemeAggregates = Omit<SchemeFigureRow, 'balanceFen'>;

/** The figures of the schemes `ids` (a scheme without enrolments, claims or contributions has zeros). */
async function aggregatesOf(db: Db, ids: string[]): Promise<Map<string, SchemeAggregates>> {
  if (ids.length === 0) return new Map();
  const of = sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const [enrolled, paid, contributed] = await Promise.all([
    db.execute(sql`select e.scheme_id as id, count(*)::int as n, count(distinct l.enterprise_id)::int as enterprises,
        coalesce(sum(l.principal_fen), 0)::text as fen,
        coalesce(sum(l.outstanding_fen) filter (where l.status in ${sqlList(LOAN_STATES, UNSETTLED_LOAN_STATES)}), 0)::text as in_force
        from scheme_enrolments e join loans l on l.id = e.loan_id where e.scheme_id in ${of} group by e.scheme_id`),
    db.execute(sql`select e.scheme_id as id, count(*)::int as n, coalesce(sum(c.compensation_fen), 0)::text as fen
        from claims c join scheme_enrolments e on e.id = c.enrolment_id where e.scheme_id in ${of} and c.status = ${PAID} group by e.scheme_id`),
    db.execute(sql`select x.scheme_id as id, coalesce(sum(x.amount_fen), 0)::text as fen
        from scheme_contributions x where x.scheme_id in ${of} group by x.scheme_id`),
  ]);
  const byId = <R extends { id: string }>(rows: unknown) => new Map(rowsOf<R>(rows).map((r) => [r.id, r]));
  const e = byId<{ id: string; n: number; enterprises: number; fen: string; in_force: string }>(enrolled);
  const c = byId<{ id: string; n: number; fen: string }>(paid);
  const x = byId<{ id: string; fen: string }>(contributed);
  return new Map(
    ids.map((id) => [
      id,
      {
        enrolledLoans: Number(e.get(id)?.n ?? 0),
        supportedEnterprises: Number(e.get(id)?.enterprises ?? 0),
        disbursedFen: BigInt(e.get(id)?.fen ?? 0),
        inForceFen: BigInt(e.get(id)?.in_force ?? 0),
        claimsPaid: Number(c.get(id)?.n ?? 0),
        paidFen: BigInt(c.get(id)?.fen ?? 0),
        contributedFen: BigInt(x.get(id)?.fen ?? 0),
      },
    ]),
  );
}

export async function schemeFigureRow(db: Db, schemeId: string): Promise<SchemeFigureRow | null> {
  const scheme = await getScheme(db, schemeId);
  if (!scheme) return null;
  const f = (await aggregatesOf(db, [scheme.id])).get(scheme.id)!;
  return { ...f, balanceFen: scheme.balanceFen };
}

/** Every scheme (a handful: they are data of the zone) with its figures. */
export async function listSchemesWithFigures(db: Db, limit = 50) {
  const schemes = await db.select().from(riskSchemes).orderBy(asc(riskSchemes.code)).limit(limit);
  const figures = await aggregatesOf(
    db,
    schemes.map((s) => s.id),
  );
  return schemes.map((scheme) => ({ ...scheme, figures: { ...figures.get(scheme.id)!, balanceFen: scheme.balanceFen } }));
}

// ---------------------------------------------------------------- claims

export async function insertClaim(db: Db, values: typeof claims.$inferInsert) {
  const [c] = await db.insert(claims).values(values).returning();
  return c;
}

/** The claim's enrolment, scheme and loan ids: who is paid, from which fund, for which loan. */
export async function claimContext(db: Db, claimId: string) {
  const [r] = await db
    .select({
      claimId: claims.id,
      schemeId: schemeEnrolments.schemeId,
      schemeName: riskSchemes.name,
      loanId: loans.id,
      enterpriseId: loans.enterpriseId,
      institutionId: loans.institutionId,
    })
    .from(claims)
    .innerJoin(schemeEnrolments, eq(schemeEnrolments.id, claims.enrolmentId))
    .innerJoin(riskSchemes, eq(riskSchemes.id, schemeEnrolments.schemeId))
    .innerJoin(loans, eq(loans.id, schemeEnrolments.loanId))
    .where(eq(claims.id, claimId))
    .limit(1);
  return r ?? null;
}

/** The admins' claim queue, oldest first; filter by status. */
export async function listClaims(db: Db, f: { statuses?: ClaimStatus[] }, page: { limit: number; offset: number }) {
  const where = (f.statuses?.length ? inArray(claims.status, f.statuses) : undefined) as SQL | undefined;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: claims.id,
        status: claims.status,
        lossFen: claims.lossFen,
        compensationFen: claims.compensationFen,
        rejectReason: claims.rejectReason,
        filedAt: claims.filedAt,
        decidedAt: claims.decidedAt,
        paidAt: claims.paidAt,
        schemeId: riskSchemes.id,
        schemeName: riskSchemes.name,
        loanId: loans.id,
        principalFen: loans.principalFen,
        outstandingFen: loans.outstandingFen,
        loanStatus: loans.status,
        enterpriseName: enterprises.name,
        institutionName: institutions.name,
        productName: products.name,
      })
      .from(claims)
      .innerJoin(schemeEnrolments, eq(schemeEnrolments.id, claims.enrolmentId))
      .innerJoin(riskSchemes, eq(riskSchemes.id, schemeEnrolments.schemeId))
      .innerJoin(loans, eq(loans.id, schemeEnrolments.loanId))
      .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
      .innerJoin(institutions, eq(institutions.id, loans.institutionId))
      .innerJoin(products, eq(products.id, loans.productId))
      .where(where)
      .orderBy(asc(claims.filedAt), asc(claims.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(claims).where(where),
  ]);
  return { items, total: Number(total) };
}
