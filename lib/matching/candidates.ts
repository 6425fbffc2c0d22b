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
import { GUARANTEE_METHODS } from '../../db/enums';

export interface RuleFlags {
  amountOk: boolean;
  termOk: boolean;
  guaranteeOk: boolean;
  rateOk: boolean;
}

type Terms = Pick<MatchableProduct, 'id' | 'amountMinFen' | 'amountMaxFen' | 'termMinMonths' | 'termMaxMonths' | 'guaranteeMethods' | 'effectiveRateMinBp'>;

/**
 * The rule terms of a product list as flat numbers, computed once per list (the catalogue's cached
 * list is one object per catalogue version): amounts as numbers (fen below 2^53 compare exactly),
 * guarantee methods as a bit mask. At tier L (10k products) the loop over bigint amounts and method
 * arrays took 13 ms of a need page's ~70 ms; over these arrays, under 1 ms.
 */
interface FlatTerms {
  amountMin: Float64Array;
  amountMax: Float64Array;
  termMin: Int32Array;
  termMax: Int32Array;
  guarantees: Int32Array;
  rateMin: Float64Array;
}

const flatCache = new WeakMap<readonly Terms[], FlatTerms>();
/** Guarantee methods as a bit mask, one bit per GUARANTEE_METHODS entry. */
const methodMask = (methods: readonly string[]) =>
  methods.reduce((mask, m) => {
    const i = GUARANTEE_METHODS.indexOf(m as (typeof GUARANTEE_METHODS)[number]);
    return i < 0 ? mask : mask | (1 << i);
  }, 0);

function flatTerms(all: readonly Terms[]): FlatTerms {
  let f = flatCache.get(all);
  if (f) return f;
  const n = all.length;
  f = {
    amountMin: new Float64Array(n),
    amountMax: new Float64Array(n),
    termMin: new Int32Array(n),
    termMax: new Int32Array(n),
    guarantees: new Int32Array(n),
    rateMin: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = all[i];
    f.amountMin[i] = Number(p.amountMinFen);
    f.amountMax[i] = Number(p.amountMaxFen);
    f.termMin[i] = p.termMinMonths;
    f.termMax[i] = p.termMaxMonths;
    f.guarantees[i] = methodMask(p.guaranteeMethods);
    f.rateMin[i] = p.effectiveRateMinBp;
  }
  flatCache.set(all, f);
  return f;
}

/** `all` narrowed to `need`'s candidates, in order, each with its rule flags. Pure. */
export function pickCandidates<P extends Terms>(all: readonly P[], need: NeedTerms, limit = MATCH_CANDIDATE_LIMIT): (P & RuleFlags)[] {
  const f = flatTerms(all);
  const amount = Number(need.amountFen);
  const term = need.termMonths;
  const wanted = methodMask(need.guaranteeMethods);
  const maxRate = need.maxRateBp;
  // Flags and failures first, one small record each; copies only of the few that are kept.
  const picked: { i: number; flags: number; failures: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    const amountOk = f.amountMin[i] <= amount && f.amountMax[i] >= amount;
    const termOk = f.termMin[i] <= term && f.termMax[i] >= term;
    const guaranteeOk = (f.guarantees[i] & wanted) !== 0;
    const rateOk = maxRate === null || f.rateMin[i] <= maxRate;
    const failures = (amountOk ? 0 : 1) + (termOk ? 0 : 1) + (guaranteeOk ? 0 : 1) + (rateOk ? 0 : 1);
    if (failures <= 1) picked.push({ i, flags: (amountOk ? 1 : 0) | (termOk ? 2 : 0) | (guaranteeOk ? 4 : 0) | (rateOk ? 8 : 0), failures });
  }
  // As PostgreSQL orders them: uuids compare as their lower-case hex text.
  picked.sort((a, b) => a.failures - b.failures || f.rateMin[a.i] - f.rateMin[b.i] || (all[a.i].id < all[b.i].id ? -1 : all[a.i].id > all[b.i].id ? 1 : 0));
  return picked
    .slice(0, limit)
    .map(({ i, flags }) => ({ ...all[i], amountOk: (flags & 1) !== 0, termOk: (flags & 2) !== 0, guaranteeOk: (flags & 4) !== 0, rateOk: (flags & 8) !== 0 }));
}

/** `need`'s candidates with their institutions' median response hours (null: none yet). */
export async function needCandidates(db: Db, need: NeedTerms, limit = MATCH_CANDIDATE_LIMIT) {
  const all = await publicRead(db, 'matching:products', () => matchableProducts(db), { freshVersion: true });
  const picked = pickCandidates(all, need, limit);
  const times = await responseTimesNow(db);
  return picked.map((p) => ({ ...p, medianResponseHours: times.get(p.institutionId)?.firstActionHoursExact ?? null }));
}
