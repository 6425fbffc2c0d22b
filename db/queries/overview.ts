// Small aggregates for each area's home page. All in SQL. (The zone's figures are lib/figures/service.ts.)
import { and, count, eq, inArray, sum } from 'drizzle-orm';
import type { Db } from '../client';
import { applications, certifications, enterprises, financingNeeds, loans, products } from '../schema';

const LIVE_LOAN = ['active', 'overdue'] as const;

export async function enterpriseOverview(db: Db, enterpriseId: string) {
  const [[needs], [apps], [loan]] = await Promise.all([
    db
      .select({ n: count() })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.enterpriseId, enterpriseId), inArray(financingNeeds.status, ['open', 'matched']))),
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
    db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.institutionId, institutionId), eq(products.status, 'published'))),
    db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.institutionId, institutionId), inArray(applications.status, ['submitted', 'accepted']))),
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
