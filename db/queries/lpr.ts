import { desc, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { lprRates } from '../schema';

/** The LPR in force on a day (the latest published on or before it). */
export async function lprOn(db: Db, day: string) {
  const [r] = await db.select().from(lprRates).where(lte(lprRates.effectiveOn, day)).orderBy(desc(lprRates.effectiveOn)).limit(1);
  return r ?? null;
}
