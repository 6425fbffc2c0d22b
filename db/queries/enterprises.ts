import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { enterprises, parks } from '../schema';

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
