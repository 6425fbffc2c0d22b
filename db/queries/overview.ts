// Small aggregates for each area's landing page and the public headline figures. All in SQL.
import { and, count, eq, exists, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../client';
import { applications, certifications, enterprises, financingNeeds, institutions, loans, pledges, products, users } from '../schema';

const LIVE_LOAN = ['active', 'overdue'] as const;

export async function headlineFigures(db: Db) {
  const [[inst], [prod], [ent], [loan], [ip]] = await Promise.all([
    db.select({ n: count() }).from(institutions).where(eq(institutions.status, 'active')),
    db
      .select({ n: count(), exclusive: sql<number>`count(*) filter (where ${products.zoneExclusive})::int` })
      .from(products)
      .where(eq(products.status, 'published')),
    db
      .select({ n: count() })
      .from(enterprises)
      .where(exists(db.select({ one: sql`1` }).from(users).where(and(eq(users.enterpriseId, enterprises.id), eq(users.status, 'active'))))),
    db.select({ disbursed: sum(loans.principalFen) }).from(loans),
    db.select({ n: sql<number>`count(distinct ${pledges.loanId})::int` }).from(pledges).where(and(inArray(pledges.status, ['registered', 'released', 'enforced']), sql`${pledges.loanId} is not null`)),
  ]);
  return {
    institutions: Number(inst.n),
    products: Number(prod.n),
    exclusiveProducts: Number(prod.exclusive),
    registeredEnterprises: Number(ent.n),
    disbursedFen: BigInt(loan.disbursed ?? 0),
    ipPledgeProjects: Number(ip.n),
  };
}

export async function enterpriseOverview(db: Db, enterpriseId: string) {
  const [[needs], [apps], [loan]] = await Promise.all([
    db.select({ n: count() }).from(financingNeeds).where(and(eq(financingNeeds.enterpriseId, enterpriseId), inArray(financingNeeds.status, ['open', 'matched']))),
    db.select({ n: count() }).from(applications).where(eq(applications.enterpriseId, enterpriseId)),
    db
      .select({ n: count(), outstanding: sum(loans.outstandingFen) })
      .from(loans)
      .where(and(eq(loans.enterpriseId, enterpriseId), inArray(loans.status, [...LIVE_LOAN]))),
  ]);
  return { openNeeds: Number(needs.n), applications: Number(apps.n), activeLoans: Number(loan.n), outstandingFen: BigInt(loan.outstanding ?? 0) };
}

export async function institutionOverview(db: Db, institutionId: string) {
  const [[prod], [apps], [loan]] = await Promise.all([
    db.select({ n: count() }).from(products).where(and(eq(products.institutionId, institutionId), eq(products.status, 'published'))),
    db.select({ n: count() }).from(applications).where(and(eq(applications.institutionId, institutionId), inArray(applications.status, ['submitted', 'accepted']))),
    db
      .select({ n: count(), outstanding: sum(loans.outstandingFen) })
      .from(loans)
      .where(and(eq(loans.institutionId, institutionId), inArray(loans.status, [...LIVE_LOAN]))),
  ]);
  return { publishedProducts: Number(prod.n), pendingApplications: Number(apps.n), activeLoans: Number(loan.n), outstandingFen: BigInt(loan.outstanding ?? 0) };
}

export async function verificationQueueCounts(db: Db) {
  const [[e], [c]] = await Promise.all([
    db.select({ n: count() }).from(enterprises).where(eq(enterprises.verificationStatus, 'unverified')),
    db.select({ n: count() }).from(certifications).where(eq(certifications.verificationStatus, 'unverified')),
  ]);
  return { enterprises: Number(e.n), certifications: Number(c.n) };
}
