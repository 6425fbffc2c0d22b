import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { innovationInputs, innovationScores, innovationWeightSets } from '../schema';

/** The newest published weight set. */
export async function currentWeightSet(db: Db) {
  const [w] = await db
    .select()
    .from(innovationWeightSets)
    .where(isNotNull(innovationWeightSets.publishedAt))
    .orderBy(desc(innovationWeightSets.version))
    .limit(1);
  return w ?? null;
}

export async function nextWeightSetVersion(db: Db) {
  const [r] = await db.select({ v: sql<number>`coalesce(max(${innovationWeightSets.version}), 0)::int` }).from(innovationWeightSets);
  return Number(r.v) + 1;
}

export async function insertWeightSet(db: Db, values: typeof innovationWeightSets.$inferInsert) {
  const [w] = await db.insert(innovationWeightSets).values(values).returning();
  return w;
}

export async function getInputs(db: Db, enterpriseId: string, period: string) {
  const [r] = await db
    .select()
    .from(innovationInputs)
    .where(and(eq(innovationInputs.enterpriseId, enterpriseId), eq(innovationInputs.period, period)))
    .limit(1);
  return r ?? null;
}

export async function latestInputs(db: Db, enterpriseId: string) {
  const [r] = await db.select().from(innovationInputs).where(eq(innovationInputs.enterpriseId, enterpriseId)).orderBy(desc(innovationInputs.period)).limit(1);
  return r ?? null;
}

export async function upsertInputs(db: Db, enterpriseId: string, period: string, data: unknown) {
  await db
    .insert(innovationInputs)
    .values({ enterpriseId, period, data })
    .onConflictDoUpdate({ target: [innovationInputs.enterpriseId, innovationInputs.period], set: { data, updatedAt: new Date() } });
}

export async function insertScore(db: Db, values: typeof innovationScores.$inferInsert) {
  const [s] = await db.insert(innovationScores).values(values).returning();
  return s;
}

export function scoreHistory(db: Db, enterpriseId: string, limit = 20) {
  return db
    .select({
      id: innovationScores.id,
      period: innovationScores.period,
      total: innovationScores.total,
      stage: innovationScores.stage,
      computedAt: innovationScores.computedAt,
      weightSetVersion: innovationWeightSets.version,
    })
    .from(innovationScores)
    .innerJoin(innovationWeightSets, eq(innovationWeightSets.id, innovationScores.weightSetId))
    .where(eq(innovationScores.enterpriseId, enterpriseId))
    .orderBy(desc(innovationScores.computedAt), desc(innovationScores.id))
    .limit(limit);
}

export async function latestScore(db: Db, enterpriseId: string) {
  const [s] = await db
    .select()
    .from(innovationScores)
    .where(eq(innovationScores.enterpriseId, enterpriseId))
    .orderBy(desc(innovationScores.computedAt), desc(innovationScores.id))
    .limit(1);
  return s ?? null;
}
