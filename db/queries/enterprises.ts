import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { certifications, enterprises, innovationScores, parks } from '../schema';

export async function insertEnterprise(db: Db, values: typeof enterprises.$inferInsert) {
  const [e] = await db.insert(enterprises).values(values).returning();
  return e;
}

export async function findEnterpriseByUscc(db: Db, uscc: string) {
  const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1);
  return e ?? null;
}

export async function getEnterpriseWithPark(db: Db, id: string) {
  const [row] = await db
    .select({ enterprise: enterprises, parkName: parks.name, parkNameEn: parks.nameEn })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .where(eq(enterprises.id, id))
    .limit(1);
  return row ?? null;
}

/** What the eligibility rules look at, for one enterprise. */
export async function getEligibilityFacts(db: Db, enterpriseId: string) {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).limit(1);
  if (!e) return null;
  const [certs, [score]] = await Promise.all([
    db
      .select({
        kind: certifications.kind,
        validFrom: certifications.validFrom,
        validTo: certifications.validTo,
        verificationStatus: certifications.verificationStatus,
      })
      .from(certifications)
      .where(eq(certifications.enterpriseId, enterpriseId)),
    db
      .select({ total: innovationScores.total })
      .from(innovationScores)
      .where(eq(innovationScores.enterpriseId, enterpriseId))
      .orderBy(desc(innovationScores.computedAt))
      .limit(1),
  ]);
  return {
    parkId: e.parkId,
    industry: e.industry,
    foundedOn: e.foundedOn,
    employees: e.employees,
    revenueFen: e.revenueFen,
    verificationStatus: e.verificationStatus,
    certifications: certs,
    innovationScore: score?.total ?? null,
  };
}
