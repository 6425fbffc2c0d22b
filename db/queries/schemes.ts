// SQL of the risk-sharing schemes (风险补偿资金, 融担贷): balances, contributions, enrolments, claims.
import { asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { CLAIM_STATES } from '../enums';
import { sqlValue } from '../sql-enums';
import { claims, enterprises, institutions, loans, products, riskSchemes, schemeContributions, schemeEnrolments } from '../schema';

type ClaimStatus = (typeof claims.$inferSelect)['status'];

export async function getScheme(db: Db, id: string) {
  const [s] = await db.select().from(riskSchemes).where(eq(riskSchemes.id, id)).limit(1);
  return s ?? null;
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

// The scheme figures of DESIGN.md §4, as correlated aggregates over one scheme row ("risk_schemes"."id").
const sid = sql.raw('"risk_schemes"."id"');
const PAID = sqlValue(CLAIM_STATES, 'paid');
const figureColumns = {
  enrolledLoans: sql<number>`(select count(*)::int from scheme_enrolments e where e.scheme_id = ${sid})`,
  supportedEnterprises: sql<number>`(select count(distinct l.enterprise_id)::int from scheme_enrolments e join loans l on l.id = e.loan_id where e.scheme_id = ${sid})`,
  disbursedFen: sql<string>`(select coalesce(sum(l.principal_fen), 0)::text from scheme_enrolments e join loans l on l.id = e.loan_id where e.scheme_id = ${sid})`,
  claimsPaid: sql<number>`(select count(*)::int from claims c join scheme_enrolments e on e.id = c.enrolment_id where e.scheme_id = ${sid} and c.status = ${PAID})`,
  paidFen: sql<string>`(select coalesce(sum(c.compensation_fen), 0)::text from claims c join scheme_enrolments e on e.id = c.enrolment_id where e.scheme_id = ${sid} and c.status = ${PAID})`,
  contributedFen: sql<string>`(select coalesce(sum(x.amount_fen), 0)::text from scheme_contributions x where x.scheme_id = ${sid})`,
};

export interface SchemeFigureRow {
  enrolledLoans: number;
  supportedEnterprises: number;
  disbursedFen: bigint;
  claimsPaid: number;
  paidFen: bigint;
  contributedFen: bigint;
  balanceFen: bigint;
}

function figuresOf(r: {
  enrolledLoans: number;
  supportedEnterprises: number;
  disbursedFen: string;
  claimsPaid: number;
  paidFen: string;
  contributedFen: string;
  balanceFen: bigint;
}): SchemeFigureRow {
  return {
    enrolledLoans: Number(r.enrolledLoans),
    supportedEnterprises: Number(r.supportedEnterprises),
    disbursedFen: BigInt(r.disbursedFen),
    claimsPaid: Number(r.claimsPaid),
    paidFen: BigInt(r.paidFen),
    contributedFen: BigInt(r.contributedFen),
    balanceFen: r.balanceFen,
  };
}

export async function schemeFigureRow(db: Db, schemeId: string): Promise<SchemeFigureRow | null> {
  const [r] = await db
    .select({ ...figureColumns, balanceFen: riskSchemes.balanceFen })
    .from(riskSchemes)
    .where(eq(riskSchemes.id, schemeId))
    .limit(1);
  return r ? figuresOf(r) : null;
}

/** Every scheme (a handful: they are data of the zone) with its figures. */
export async function listSchemesWithFigures(db: Db, limit = 50) {
  const rows = await db
    .select({ scheme: riskSchemes, ...figureColumns })
    .from(riskSchemes)
    .orderBy(asc(riskSchemes.code))
    .limit(limit);
  return rows.map(({ scheme, ...f }) => ({ ...scheme, figures: figuresOf({ ...f, balanceFen: scheme.balanceFen }) }));
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
