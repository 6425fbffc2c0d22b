import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { innovationInputs, innovationScores, innovationWeightSets, ipAssets } from '../schema';
import { parseJson } from './json';

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

type InputsRow = typeof innovationInputs.$inferSelect;
type WeightSetRow = typeof innovationWeightSets.$inferSelect;

/**
 * What an enterprise's score report reads besides the enterprise, as select fields: its latest
 * inputs (as latestInputs), the newest published weight set (as currentWeightSet) and the sum of
 * its IP assets' valuations (shown only under consent; the caller decides). `enterpriseId`: a
 * value, or a column of the outer statement (the workbench reads them with the application).
 */
export function scoreReportFields(enterpriseId: SQL | string) {
  return {
    scoreInputs: sql<unknown>`(select json_build_object('enterpriseId', i.enterprise_id, 'period', i.period, 'data', i.data, 'updatedAt', i.updated_at)
      from ${innovationInputs} i where i.enterprise_id = ${enterpriseId} order by i.period desc limit 1)`,
    scoreWeightSet: sql<unknown>`(select json_build_object('id', w.id, 'version', w.version, 'name', w.name, 'weights', w.weights, 'publishedAt', w.published_at,
        'createdBy', w.created_by, 'createdAt', w.created_at)
      from ${innovationWeightSets} w where w.published_at is not null order by w.version desc limit 1)`,
    scoreIpValuationFen: sql<string>`coalesce((select sum(a.valuation_fen) from ${ipAssets} a where a.enterprise_id = ${enterpriseId}), 0)::text`,
  };
}

export type ScoreReportRows = ReturnType<typeof parseScoreReportRows>;

export function parseScoreReportRows(r: { scoreInputs: unknown; scoreWeightSet: unknown; scoreIpValuationFen: string }) {
  const inputs = parseJson<(Omit<InputsRow, 'updatedAt'> & { updatedAt: string }) | null>(r.scoreInputs);
  const w = parseJson<(Omit<WeightSetRow, 'publishedAt' | 'createdAt'> & { publishedAt: string | null; createdAt: string }) | null>(r.scoreWeightSet);
  return {
    inputs: inputs ? { ...inputs, updatedAt: new Date(inputs.updatedAt) } : null,
    weightSet: w ? { ...w, publishedAt: w.publishedAt ? new Date(w.publishedAt) : null, createdAt: new Date(w.createdAt) } : null,
    ipValuationFen: BigInt(r.scoreIpValuationFen),
  };
}

/** scoreReportFields for one enterprise, in one statement. */
export async function scoreReportRows(db: Db, enterpriseId: string): Promise<ScoreReportRows> {
  const f = scoreReportFields(enterpriseId);
  const [r] = rowsOf<{ inputs: unknown; weight_set: unknown; ip_valuation_fen: string }>(
    await db.execute(sql`select ${f.scoreInputs} as inputs, ${f.scoreWeightSet} as weight_set, ${f.scoreIpValuationFen} as ip_valuation_fen`),
  );
  return parseScoreReportRows({ scoreInputs: r.inputs, scoreWeightSet: r.weight_set, scoreIpValuationFen: r.ip_valuation_fen });
}
