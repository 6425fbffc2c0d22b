// SQL of the loan book: loans, their repayments, the pledges securing them and the IP assets in those.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  applications,
  claims,
  enterprises,
  institutions,
  ipAssets,
  loanRepayments,
  loans,
  pledgeAssets,
  pledges,
  products,
  riskSchemes,
  schemeEnrolments,
} from '../schema';

type LoanStatus = (typeof loans.$inferSelect)['status'];

export async function lockLoan(db: Db, id: string) {
  const [l] = await db.select().from(loans).where(eq(loans.id, id)).for('update');
  return l ?? null;
}

export async function getLoan(db: Db, id: string) {
  const [l] = await db.select().from(loans).where(eq(loans.id, id)).limit(1);
  return l ?? null;
}

/** The loan with the names a page shows beside it. */
export async function getLoanWithNames(db: Db, id: string) {
  const [r] = await db
    .select({
      loan: loans,
      productName: products.name,
      productCategory: products.category,
      enterpriseName: enterprises.name,
      institutionName: institutions.name,
    })
    .from(loans)
    .innerJoin(products, eq(products.id, loans.productId))
    .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
    .innerJoin(institutions, eq(institutions.id, loans.institutionId))
    .where(eq(loans.id, id))
    .limit(1);
  return r
    ? { ...r.loan, productName: r.productName, productCategory: r.productCategory, enterpriseName: r.enterpriseName, institutionName: r.institutionName }
    : null;
}

export async function insertRepayment(db: Db, values: typeof loanRepayments.$inferInsert) {
  const [r] = await db.insert(loanRepayments).values(values).returning();
  return r;
}

export async function setLoanOutstanding(db: Db, id: string, outstandingFen: bigint) {
  const [l] = await db.update(loans).set({ outstandingFen, updatedAt: new Date() }).where(eq(loans.id, id)).returning();
  return l;
}

/** A loan's repayments, oldest first. A loan has at most a few hundred (one a month for ≤ 360 months). */
export function listRepayments(db: Db, loanId: string) {
  return db
    .select()
    .from(loanRepayments)
    .where(eq(loanRepayments.loanId, loanId))
    .orderBy(asc(loanRepayments.paidOn), asc(loanRepayments.createdAt))
    .limit(1000);
}

export async function repaymentTotals(db: Db, loanId: string) {
  const [r] = await db
    .select({
      principalFen: sql<string>`coalesce(sum(${loanRepayments.principalFen}), 0)::text`,
      interestFen: sql<string>`coalesce(sum(${loanRepayments.interestFen}), 0)::text`,
    })
    .from(loanRepayments)
    .where(eq(loanRepayments.loanId, loanId));
  return { principalFen: BigInt(r.principalFen), interestFen: BigInt(r.interestFen) };
}

const listColumns = {
  id: loans.id,
  productName: products.name,
  enterpriseName: enterprises.name,
  institutionName: institutions.name,
  principalFen: loans.principalFen,
  outstandingFen: loans.outstandingFen,
  annualRateBp: loans.annualRateBp,
  termMonths: loans.termMonths,
  repaymentMethod: loans.repaymentMethod,
  disbursedOn: loans.disbursedOn,
  maturesOn: loans.maturesOn,
  status: loans.status,
};

async function listLoans(db: Db, where: SQL, page: { limit: number; offset: number }) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(loans)
      .innerJoin(products, eq(products.id, loans.productId))
      .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
      .innerJoin(institutions, eq(institutions.id, loans.institutionId))
      .where(where)
      .orderBy(desc(loans.disbursedAt), asc(loans.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(loans).where(where),
  ]);
  return { items, total: Number(total) };
}

export function listEnterpriseLoans(db: Db, enterpriseId: string, page: { limit: number; offset: number }) {
  return listLoans(db, eq(loans.enterpriseId, enterpriseId), page);
}

export function listInstitutionLoans(db: Db, institutionId: string, f: { status?: LoanStatus }, page: { limit: number; offset: number }) {
  const where = and(eq(loans.institutionId, institutionId), f.status ? eq(loans.status, f.status) : undefined) as SQL;
  return listLoans(db, where, page);
}

// ---------------------------------------------------------------- pledges

export async function getPledgeByApplication(db: Db, applicationId: string) {
  const [p] = await db.select().from(pledges).where(eq(pledges.applicationId, applicationId)).limit(1);
  return p ?? null;
}

/** Who the pledge belongs to: its application's institution and enterprise, and the loan it secures if disbursed. */
export async function pledgeOwners(db: Db, pledgeId: string) {
  const [r] = await db
    .select({
      applicationId: applications.id,
      institutionId: applications.institutionId,
      enterpriseId: applications.enterpriseId,
      applicationStatus: applications.status,
      loanId: sql<string | null>`coalesce(${pledges.loanId}, ${loans.id})`,
    })
    .from(pledges)
    .innerJoin(applications, eq(applications.id, pledges.applicationId))
    .leftJoin(loans, eq(loans.applicationId, applications.id))
    .where(eq(pledges.id, pledgeId))
    .limit(1);
  return r ?? null;
}

/** The application's status, share-locked: a withdrawal or disbursement running now waits, or is waited for. */
export async function applicationStatusLocked(db: Db, applicationId: string) {
  const [a] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId)).for('share');
  return a?.status ?? null;
}

/** The pledges securing a loan: linked to it, or to the application it came from. */
export function pledgesOfLoan(db: Db, loan: { id: string; applicationId: string }) {
  return db
    .select()
    .from(pledges)
    .where(or(eq(pledges.loanId, loan.id), eq(pledges.applicationId, loan.applicationId)))
    .orderBy(asc(pledges.createdAt));
}

export function pledgeAssetRows(db: Db, pledgeId: string) {
  return db
    .select({
      id: ipAssets.id,
      kind: ipAssets.kind,
      number: ipAssets.number,
      title: ipAssets.title,
      valuationFen: ipAssets.valuationFen,
      status: ipAssets.status,
    })
    .from(pledgeAssets)
    .innerJoin(ipAssets, eq(ipAssets.id, pledgeAssets.ipAssetId))
    .where(eq(pledgeAssets.pledgeId, pledgeId))
    .orderBy(asc(ipAssets.number));
}

/** Marks the pledge's assets pledged. */
export async function markPledgeAssetsPledged(db: Db, pledgeId: string) {
  const ids = db.select({ id: pledgeAssets.ipAssetId }).from(pledgeAssets).where(eq(pledgeAssets.pledgeId, pledgeId));
  await db.update(ipAssets).set({ status: 'pledged', updatedAt: new Date() }).where(inArray(ipAssets.id, ids));
}

/** Frees these assets, except any a live pledge still holds. */
export async function freeAssets(db: Db, assetIds: string[]) {
  if (assetIds.length === 0) return;
  await db
    .update(ipAssets)
    .set({ status: 'free', updatedAt: new Date() })
    .where(and(inArray(ipAssets.id, assetIds), sql`not exists (select 1 from ${pledgeAssets} pa where pa.ip_asset_id = ${ipAssets.id} and pa.live)`));
}

export async function lockPledge(db: Db, id: string) {
  const [p] = await db.select().from(pledges).where(eq(pledges.id, id)).for('update');
  return p ?? null;
}

/** Removes a pledge that never got registered, with its asset rows. */
export async function deletePledge(db: Db, id: string) {
  await db.delete(pledgeAssets).where(eq(pledgeAssets.pledgeId, id));
  await db.delete(pledges).where(eq(pledges.id, id));
}

/** Frees the pledge's assets, except any another live pledge still holds (the unique index allows none). */
export async function freePledgeAssets(db: Db, pledgeId: string) {
  const ids = db.select({ id: pledgeAssets.ipAssetId }).from(pledgeAssets).where(eq(pledgeAssets.pledgeId, pledgeId));
  await db
    .update(ipAssets)
    .set({ status: 'free', updatedAt: new Date() })
    .where(and(inArray(ipAssets.id, ids), sql`not exists (select 1 from ${pledgeAssets} pa where pa.ip_asset_id = ${ipAssets.id} and pa.live)`));
}

// ---------------------------------------------------------------- enrolments and claims of a loan

/** The loan's enrolment (报项目) and its scheme; the first if, unusually, it is in two. */
export async function enrolmentOfLoan(db: Db, loanId: string) {
  const [r] = await db
    .select({ enrolment: schemeEnrolments, schemeName: riskSchemes.name, schemeCode: riskSchemes.code })
    .from(schemeEnrolments)
    .innerJoin(riskSchemes, eq(riskSchemes.id, schemeEnrolments.schemeId))
    .where(eq(schemeEnrolments.loanId, loanId))
    .orderBy(asc(schemeEnrolments.enrolledAt))
    .limit(1);
  return r ? { ...r.enrolment, schemeName: r.schemeName, schemeCode: r.schemeCode } : null;
}

export function claimsOfLoan(db: Db, loanId: string) {
  return db
    .select({ claim: claims, schemeName: riskSchemes.name })
    .from(claims)
    .innerJoin(schemeEnrolments, eq(schemeEnrolments.id, claims.enrolmentId))
    .innerJoin(riskSchemes, eq(riskSchemes.id, schemeEnrolments.schemeId))
    .where(eq(schemeEnrolments.loanId, loanId))
    .orderBy(desc(claims.filedAt))
    .limit(100)
    .then((rows) => rows.map((r) => ({ ...r.claim, schemeName: r.schemeName })));
}

/** A claim of the loan still in progress (filed or approved). */
export async function openClaimOfLoan(db: Db, loanId: string) {
  const [r] = await db
    .select({ id: claims.id, status: claims.status })
    .from(claims)
    .innerJoin(schemeEnrolments, eq(schemeEnrolments.id, claims.enrolmentId))
    .where(and(eq(schemeEnrolments.loanId, loanId), inArray(claims.status, ['filed', 'approved'])))
    .limit(1);
  return r ?? null;
}
