// Keeps each enterprise's innovation score current: recomputed whenever its inputs (or the
// profile facts the score reads) change, with the history kept (score, stage, period, weight-set
// version). Admins publish new weight-set versions; old scores keep the version they used.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { getEnterpriseWithPark } from '../../db/queries/enterprises';
import {
  currentWeightSet,
  getInputs,
  insertScore,
  insertWeightSet,
  latestInputs,
  latestScore,
  nextWeightSetVersion,
  scoreReportRows,
  type ScoreReportRows,
  upsertInputs,
} from '../../db/queries/innovation';
import { useConsent, type EnterpriseFinancials } from '../../db/queries/needs';
import { assertEnterpriseScope, assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { pointsOnly, scoreInnovation, whatIf, type InnovationScore, type PointsOnlyScore, type WhatIfStep } from './score';
import { withProfileFinancials } from './profile-indicators';
import { innovationInputsSchema, weightSetSchema, type InnovationInputs } from './weights';

/** Scores are for the last full fiscal year. */
export function currentPeriod(today = zoneDay()): string {
  return String(Number(today.slice(0, 4)) - 1);
}

async function loadWeightSet(db: Db) {
  const row = await currentWeightSet(db);
  if (!row) throw new AppError('conflict', 'score.errors.no_weight_set');
  return { row, weights: weightSetSchema.parse(row.weights) };
}

/** Computes and stores a new score row from the stored inputs; null when there are none. */
export async function recomputeScore(db: Db, enterpriseId: string) {
  const inputs = await latestInputs(db, enterpriseId);
  if (!inputs) return null;
  const ent = await getEnterpriseWithPark(db, enterpriseId);
  if (!ent) throw new AppError('not_found');
  const { row, weights } = await loadWeightSet(db);
  const data = withProfileFinancials(innovationInputsSchema.parse(inputs.data), ent.enterprise);
  const s = scoreInnovation(weights, data, { foundedOn: ent.enterprise.foundedOn, asOf: zoneDay(), revenueFen: ent.enterprise.revenueFen });
  const breakdown = { contributions: Object.fromEntries(s.contributions.map((c) => [c.key, (c.points / 100).toFixed(2)])) };
  return insertScore(db, { enterpriseId, period: inputs.period, total: s.total, stage: s.stage, weightSetId: row.id, breakdown });
}

/**
 * The stage depends on the date (years since founding) and a new weight version may be published:
 * when either changes what the stored inputs score, a new history row is written. Returns it, or
 * null when the latest stored score is still what the inputs give today.
 */
export async function refreshScoreIfStale(db: Db, enterpriseId: string) {
  const [inputs, ent, latest] = await Promise.all([latestInputs(db, enterpriseId), getEnterpriseWithPark(db, enterpriseId), latestScore(db, enterpriseId)]);
  if (!inputs || !ent) return null;
  const { row, weights } = await loadWeightSet(db);
  const s = scoreInnovation(weights, withProfileFinancials(innovationInputsSchema.parse(inputs.data), ent.enterprise), {
    foundedOn: ent.enterprise.foundedOn,
    asOf: zoneDay(),
    revenueFen: ent.enterprise.revenueFen,
  });
  if (latest && latest.total === s.total && latest.stage === s.stage && latest.weightSetId === row.id && latest.period === inputs.period) return null;
  return recomputeScore(db, enterpriseId);
}

export async function saveInnovationInputs(db: Db, actor: Actor, data: InnovationInputs, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  const enterpriseId = actor.enterpriseId!;
  const period = currentPeriod();
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const ent = await getEnterpriseWithPark(t, enterpriseId);
    if (!ent) throw new AppError('not_found');
    // Revenue and R&D expense are the profile's (entered once there); what the form sent for them is not kept.
    const stored = withProfileFinancials(data, ent.enterprise);
    const before = await getInputs(t, enterpriseId, period);
    await upsertInputs(t, enterpriseId, period, stored);
    await writeAudit(t, {
      actor,
      action: 'innovation_inputs.save',
      entity: 'innovation_inputs',
      entityId: `${enterpriseId}:${period}`,
      before: before?.data ?? null,
      after: stored,
      requestId,
    });
    return recomputeScore(t, enterpriseId);
  });
}

export interface ScoreReport {
  /** False: an institution without a live consent — points only, no inputs, no what-if, no financials. */
  valuesVisible: boolean;
  inputs: InnovationInputs | null;
  period: string | null;
  score: InnovationScore | PointsOnlyScore | null;
  whatIf: WhatIfStep[];
  weightSetVersion: number | null;
  /** Revenue, R&D expense and IP valuations from the enterprise's profile, when values are visible. */
  financials: EnterpriseFinancials | null;
}

/**
 * The score with its breakdown and what-if steps, computed now from the stored inputs. The
 * enterprise and admins see every value. An institution sees the input values, the what-if and the
 * financials only under a live consent (DESIGN §2 consent), and each such access writes one
 * consent_access_log row; otherwise the breakdown carries points only. `loaded`: the enterprise as
 * getEnterpriseWithPark read it already in this request (the workbench), not read again.
 */
export async function scoreReport(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  loaded?: Awaited<ReturnType<typeof getEnterpriseWithPark>>,
  loadedRows?: ScoreReportRows,
): Promise<ScoreReport> {
  if (actor.role === 'enterprise') assertEnterpriseScope(actor, enterpriseId);
  // The inputs, the weight set and the IP valuations in one statement (or read by the caller with
  // the enterprise, `loadedRows`); the valuations leave this function only when values are visible.
  const [rows, ent] = await Promise.all([
    loadedRows ?? scoreReportRows(db, enterpriseId),
    loaded?.enterprise.id === enterpriseId ? loaded : getEnterpriseWithPark(db, enterpriseId),
  ]);
  if (!ent) throw new AppError('not_found');
  const valuesVisible = actor.role !== 'institution' || (await useConsent(db, enterpriseId, actor.institutionId!, actor.userId, 'score_report')) !== null;
  const financials = valuesVisible
    ? { revenueFen: ent.enterprise.revenueFen, rndExpenseFen: ent.enterprise.rndExpenseFen, ipValuationFen: rows.ipValuationFen }
    : null;
  const inputs = rows.inputs;
  if (!inputs) return { valuesVisible, inputs: null, period: null, score: null, whatIf: [], weightSetVersion: null, financials };
  if (!rows.weightSet) throw new AppError('conflict', 'score.errors.no_weight_set');
  const row = rows.weightSet;
  const weights = weightSetSchema.parse(row.weights);
  const data = withProfileFinancials(innovationInputsSchema.parse(inputs.data), ent.enterprise);
  const ctx = { foundedOn: ent.enterprise.foundedOn, asOf: zoneDay(), revenueFen: ent.enterprise.revenueFen };
  const score = scoreInnovation(weights, data, ctx);
  if (!valuesVisible)
    return { valuesVisible, inputs: null, period: inputs.period, score: pointsOnly(score), whatIf: [], weightSetVersion: row.version, financials: null };
  return { valuesVisible, inputs: data, period: inputs.period, score, whatIf: whatIf(weights, data, ctx), weightSetVersion: row.version, financials };
}

export async function publishWeightSet(db: Db, actor: Actor, name: string, weightsJson: string, requestId?: string | null) {
  assertRole(actor, 'admin');
  let parsed: unknown;
  try {
    parsed = JSON.parse(weightsJson);
  } catch {
    throw new AppError('invalid', 'score.errors.weights_json', { field: 'weightsJson' });
  }
  const weights = weightSetSchema.safeParse(parsed);
  if (!weights.success) throw new AppError('invalid', 'score.errors.weights_invalid', { field: 'weightsJson' });
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const version = await nextWeightSetVersion(t);
    const w = await insertWeightSet(t, { version, name, weights: weights.data, publishedAt: new Date(), createdBy: actor.userId });
    await writeAudit(t, { actor, action: 'innovation_weight_set.publish', entity: 'innovation_weight_set', entityId: String(w.id), after: w, requestId });
    return w;
  });
}
