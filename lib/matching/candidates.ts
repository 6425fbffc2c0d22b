// The products worth scoring for one need (DESIGN §3): published products of active institutions
// that fail at most one hard rule (amount, term, guarantee, rate), each with one flag per rule, the
// fits first, then by rate floor and id, at most MATCH_CANDIDATE_LIMIT. Picked in memory from the
// catalogue's matchable products (db/queries/matching.ts), kept per instance under the catalogue
// version read afresh for every need (lib/products/public-cache.ts): the same set the SQL filter
// gave, without scanning and shipping ~200 wide rows per need page (14–15 ms of its 34 at tier M).
import type { Db } from '../../db/client';
import { matchableProducts, MATCH_CANDIDATE_LIMIT, type MatchableProduct, type NeedTerms } from '../../db/queries/matching';
import { responseTimesNow } from '../institutions/response-times';
import { publicRead } from '../products/public-cache';

export interface RuleFlags {
  amountOk: boolean;
  termOk: boolean;
  guaranteeOk: boolean;
  rateOk: boolean;
}

type Terms = Pick<MatchableProduct, 'id' | 'amountMinFen' | 'amountMaxFen' | 'termMinMonths' | 'termMaxMonths' | 'guaranteeMethods' | 'effectiveRateMinBp'>;

/** `all` narrowed to `need`'s candidates, in order, each with its rule flags. Pure. */
export function pickCandidates<P extends Terms>(all: readonly P[], need: NeedTerms, limit = MATCH_CANDIDATE_LIMIT): (P & RuleFlags)[] {
  // Flags and failures first, one small record each; copies only of the few that are kept.
  const picked: { p: P; flags: number; failures: number }[] = [];
  for (const p of all) {
    const amountOk = p.amountMinFen <= need.amountFen && p.amountMaxFen >= need.amountFen;
    const termOk = p.termMinMonths <= need.termMonths && p.termMaxMonths >= need.termMonths;
    const guaranteeOk = need.guaranteeMethods.some((m) => p.guaranteeMethods.includes(m as (typeof p.guaranteeMethods)[number]));
    const rateOk = need.maxRateBp === null || p.effectiveRateMinBp <= need.maxRateBp;
    const failures = (amountOk ? 0 : 1) + (termOk ? 0 : 1) + (guaranteeOk ? 0 : 1) + (rateOk ? 0 : 1);
    if (failures <= 1) picked.push({ p, flags: (amountOk ? 1 : 0) | (termOk ? 2 : 0) | (guaranteeOk ? 4 : 0) | (rateOk ? 8 : 0), failures });
  }
  // As PostgreSQL orders them: uuids compare as their lower-case hex text.
  picked.sort((a, b) => a.failures - b.failures || a.p.effectiveRateMinBp - b.p.effectiveRateMinBp || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0));
  return picked
    .slice(0, limit)
    .map(({ p, flags }) => ({ ...p, amountOk: (flags & 1) !== 0, termOk: (flags & 2) !== 0, guaranteeOk: (flags & 4) !== 0, rateOk: (flags & 8) !== 0 }));
}

/** `need`'s candidates with their institutions' median response hours (null: none yet). */
export async function needCandidates(db: Db, need: NeedTerms, limit = MATCH_CANDIDATE_LIMIT) {
  const all = await publicRead(db, 'matching:products', () => matchableProducts(db), { freshVersion: true });
  const picked = pickCandidates(all, need, limit);
  const times = await responseTimesNow(db);
  return picked.map((p) => ({ ...p, medianResponseHours: times.get(p.institutionId)?.firstActionHoursExact ?? null }));
}
