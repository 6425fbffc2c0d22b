// Eligibility, fits and match rows for the seed, asked of the engines (lib/seed/engines.ts) on the
// rows the seed inserts.
import type * as s from '../../db/schema';
import { dateOf } from './data/calendar';
import type { EnterpriseFacts } from '../matching/eligibility';
import type { MatchNeed, MatchProduct } from '../matching/engine';
import { enterpriseFacts, fitsNeed, isEligible, matchProduct, matchScore } from './engines';
import { seedUuid } from './data/prng';
import { type Insert, type GuaranteeMethod, type MatchSource, type MatchStatus, wan, date, type Ent, type Prod, type Ctx, lprAt } from './context';

const factsCache = new WeakMap<Ent, EnterpriseFacts>();
/** Read after buildInnovation has set the score; certificates are all made by then. */
export function factsOf(ctx: Ctx, ent: Ent): EnterpriseFacts {
  let f = factsCache.get(ent);
  if (!f) {
    const row = ctx.rows.enterprises.find((r) => r.id === ent.id);
    if (!row) throw new Error(`seed: no row for enterprise ${ent.id}`);
    f = enterpriseFacts({
      ...ent,
      parkId: row.parkId,
      scoreHundredths: ctx.rows.innovationScores.some((r) => r.enterpriseId === ent.id) ? ent.scoreHundredths : null,
    });
    factsCache.set(ent, f);
  }
  return f;
}

const productRows = new WeakMap<Prod, Insert<typeof s.products>>();
/** The product on a day: its row, with the LPR of that day under an LPR-priced rate. */
export function productOn(ctx: Ctx, prod: Prod, day: string): MatchProduct {
  let row = productRows.get(prod);
  if (!row) {
    row = ctx.rows.products.find((r) => r.id === prod.id);
    if (!row) throw new Error(`seed: no row for product ${prod.id}`);
    productRows.set(prod, row);
  }
  return matchProduct(row, floorRate(ctx, prod, day));
}

/** The demo's applicants and needs are all verified enterprises' (a demo choice, not an engine rule). */
export function eligible(ctx: Ctx, ent: Ent, prod: Prod, day: string): boolean {
  return ent.verification === 'verified' && isEligible(productOn(ctx, prod, day), factsOf(ctx, ent), day);
}

/** Lowest annual rate a product can offer on a day (LPR + spread for LPR-priced ones). */
export function floorRate(ctx: Ctx, prod: Prod, day: string): number {
  return prod.t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, day) + prod.t.rateBp[0] : prod.t.rateBp[0];
}

export function ceilingRate(ctx: Ctx, prod: Prod, day: string): number {
  return prod.t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, day) + prod.t.rateBp[1] : prod.t.rateBp[1];
}

export interface NeedShape {
  amountWan: number;
  termMonths: number;
  guarantee: GuaranteeMethod[];
  maxRateBp: number | null;
}

export const matchNeed = (n: NeedShape): MatchNeed => ({
  amountFen: wan(n.amountWan),
  termMonths: n.termMonths,
  guaranteeMethods: n.guarantee,
  maxRateBp: n.maxRateBp,
});

/** Published on the day, and a fit for the engine. */
export function fits(ctx: Ctx, ent: Ent, prod: Prod, need: NeedShape, day: string): boolean {
  if (prod.publishedMs == null || dateOf(prod.publishedMs) > day) return false;
  return ent.verification === 'verified' && fitsNeed(matchNeed(need), productOn(ctx, prod, day), factsOf(ctx, ent), day);
}

export function addMatch(
  ctx: Ctx,
  seen: Set<string>,
  args: {
    needId: string;
    ent: Ent;
    prod: Prod;
    need: NeedShape;
    day: string;
    source: MatchSource;
    status: MatchStatus;
    createdMs: number;
    updatedMs?: number;
    createdBy: string | null;
  },
): void {
  const key = `${args.needId}:${args.prod.id}`;
  if (seen.has(key)) return;
  seen.add(key);
  const { score, reasons } = matchScore(
    matchNeed(args.need),
    productOn(ctx, args.prod, args.day),
    factsOf(ctx, args.ent),
    args.day,
    args.prod.inst.seed.responseHours,
  );
  ctx.rows.matches.push({
    id: seedUuid('match', key),
    needId: args.needId,
    productId: args.prod.id,
    source: args.source,
    score,
    reasons,
    status: args.status,
    createdBy: args.createdBy,
    createdAt: date(args.createdMs),
    updatedAt: date(args.updatedMs ?? args.createdMs),
  });
}
