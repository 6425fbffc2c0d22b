// The matching engine (DESIGN §3): which published products fit a financing need, how well, and —
// for the near misses — which rule failed. lib/matching/candidates.ts picks the candidates; this
// module decides and scores them.
//
// Pure: no React/Next/db imports. Money is bigint fen, rates basis points, scores decimal strings.
import { checkEligibility, scoreToHundredths, type EligibilityRules, type EnterpriseFacts, type RuleCode } from './eligibility';

// ------------------------------------------------------------------------------------------- shapes

export interface MatchNeed {
  amountFen: bigint;
  termMonths: number;
  guaranteeMethods: readonly string[];
  /** The highest acceptable annual rate; null = no ceiling. */
  maxRateBp: number | null;
}

/** A product as the engine sees it: its terms, its rate floor with today's LPR, its eligibility rules. */
export interface MatchProduct extends EligibilityRules {
  id: string;
  amountMinFen: bigint;
  amountMaxFen: bigint;
  termMinMonths: number;
  termMaxMonths: number;
  guaranteeMethods: readonly string[];
  /** The lowest annual rate, LPR + spread already added for LPR-priced products. */
  effectiveRateMinBp: number;
  zoneExclusive: boolean;
}

/** The hard rules of a need against a product's terms. */
export type HardRuleCode = 'amount' | 'term' | 'guarantee' | 'rate';
export const HARD_RULES: readonly HardRuleCode[] = ['amount', 'term', 'guarantee', 'rate'];

export type FailedRuleCode = HardRuleCode | RuleCode;

type Detail = Record<string, string | number | string[]>;

export interface FailedRule {
  code: FailedRuleCode;
  /** machine-readable, JSON-safe (fen as decimal strings) */
  detail: Detail;
}

export type Classification = { kind: 'fit' } | { kind: 'near_miss'; failed: FailedRule[] };

export type ReasonCode = 'rate_fit' | 'amount_headroom' | 'zone_exclusive' | 'certifications' | 'innovation_score_margin' | 'response_time';

export interface MatchReason {
  code: ReasonCode;
  points: number;
  detail: Detail;
}

export interface MatchScore {
  /** integer 0–100, the sum of the reasons' points */
  score: number;
  reasons: MatchReason[];
}

// ------------------------------------------------------------------------------------------ weights

/**
 * The most points each reason gives; they add up to 100.
 * - rate_fit 30: the product's rate floor below the need's ceiling; full at ≥ 2.00 points of
 *   margin, none at the ceiling. A need without a ceiling is measured against 5.00 %, about the
 *   top of the zone's SME loan rates.
 * - amount_headroom 15: (product maximum − amount) ÷ product maximum — room left under the cap.
 * - zone_exclusive 10: a zone-exclusive product (专属产品) carries the zone's dedicated funds.
 * - certifications 15: 5 per certification held, verified and valid today (高新, 科技型中小, …).
 * - innovation_score_margin 15: innovation score above the product's minimum (60 when it sets
 *   none); full at ≥ 20 points above, none without a score.
 * - response_time 15: the institution's median hours from application to first action; full at
 *   ≤ 4 h, none at ≥ 72 h (3 days, when a need is flagged stale); 7 when it has no history yet.
 */
export const MATCH_WEIGHTS: Readonly<Record<ReasonCode, number>> = {
  rate_fit: 30,
  amount_headroom: 15,
  zone_exclusive: 10,
  certifications: 15,
  innovation_score_margin: 15,
  response_time: 15,
};

export const MATCH_SCALES = {
  rateFullMarginBp: 200,
  rateReferenceCeilingBp: 500,
  pointsPerCertification: 5,
  innovationReferenceMinimum: '60.00',
  innovationFullMargin: '20.00',
  responseFullHours: 4,
  responseZeroHours: 72,
  responseUnknownPoints: 7,
} as const;

/** The reasons in display order. */
export const REASON_CODES = Object.keys(MATCH_WEIGHTS) as ReasonCode[];

// ---------------------------------------------------------------------------------------- helpers

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** weight × part ÷ whole, rounded half up, for 0 ≤ part ≤ whole (exact in integers). */
function share(weight: number, part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  const p = part < 0n ? 0n : part > whole ? whole : part;
  return Number((BigInt(weight) * p * 2n + whole) / (2n * whole));
}

function formatHundredths(h: bigint): string {
  const neg = h < 0n;
  const abs = neg ? -h : h;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const eligibilityRulesOf = (p: EligibilityRules): EligibilityRules => ({
  requiredCertifications: p.requiredCertifications,
  minInnovationScore: p.minInnovationScore,
  minYearsInOperation: p.minYearsInOperation,
  eligibleParkIds: p.eligibleParkIds,
  eligibleIndustries: p.eligibleIndustries,
  maxEmployees: p.maxEmployees,
  maxRevenueFen: p.maxRevenueFen,
});

// ----------------------------------------------------------------------------------- hard rules

/** Each hard rule, in HARD_RULES order, with whether it holds and what it compared. */
export function checkHardRules(need: MatchNeed, p: MatchProduct): { code: HardRuleCode; ok: boolean; detail: Detail }[] {
  return [
    {
      code: 'amount',
      ok: p.amountMinFen <= need.amountFen && need.amountFen <= p.amountMaxFen,
      detail: { min: p.amountMinFen.toString(), max: p.amountMaxFen.toString(), actual: need.amountFen.toString() },
    },
    {
      code: 'term',
      ok: p.termMinMonths <= need.termMonths && need.termMonths <= p.termMaxMonths,
      detail: { min: p.termMinMonths, max: p.termMaxMonths, actual: need.termMonths },
    },
    {
      code: 'guarantee',
      ok: p.guaranteeMethods.some((g) => need.guaranteeMethods.includes(g)),
      detail: { offered: [...p.guaranteeMethods], wanted: [...need.guaranteeMethods] },
    },
    {
      code: 'rate',
      ok: need.maxRateBp === null || p.effectiveRateMinBp <= need.maxRateBp,
      detail: { floor: p.effectiveRateMinBp, ceiling: need.maxRateBp ?? 'none' },
    },
  ];
}

/**
 * A fit when every hard rule and every eligibility rule holds (lib/matching/eligibility.ts decides those);
 * otherwise a near miss naming each rule that failed, hard rules first.
 */
export function classifyCandidate(need: MatchNeed, product: MatchProduct, facts: EnterpriseFacts, asOf: string): Classification {
  const failed: FailedRule[] = checkHardRules(need, product)
    .filter((r) => !r.ok)
    .map(({ code, detail }) => ({ code, detail }));
  for (const r of checkEligibility(eligibilityRulesOf(product), facts, asOf).results) {
    if (!r.ok) failed.push({ code: r.rule, detail: r.detail });
  }
  return failed.length === 0 ? { kind: 'fit' } : { kind: 'near_miss', failed };
}

// ----------------------------------------------------------------------------------------- score

/** Certification kinds held, verified and valid on `asOf` — asked of checkEligibility, not re-implemented. */
function validCertifications(facts: EnterpriseFacts, asOf: string): string[] {
  const kinds = [...new Set(facts.certifications.map((c) => c.kind))].sort();
  const probe: EligibilityRules = {
    requiredCertifications: kinds,
    minInnovationScore: null,
    minYearsInOperation: null,
    eligibleParkIds: [],
    eligibleIndustries: [],
    maxEmployees: null,
    maxRevenueFen: null,
  };
  return checkEligibility(probe, facts, asOf)
    .results.filter((r) => r.ok)
    .map((r) => String(r.detail.kind));
}

/**
 * The score of a product for a need, 0–100, and the reasons behind it (every reason, in
 * REASON_CODES order, zero-point ones included so the enterprise sees what did not count).
 * Weights: MATCH_WEIGHTS. `medianResponseHours` is the institution's median time to first action
 * (null without history).
 */
export function scoreMatch(need: MatchNeed, product: MatchProduct, facts: EnterpriseFacts, asOf: string, medianResponseHours: number | null): MatchScore {
  const W = MATCH_WEIGHTS;
  const S = MATCH_SCALES;
  const reasons: MatchReason[] = [];

  const ceiling = need.maxRateBp ?? S.rateReferenceCeilingBp;
  const margin = ceiling - product.effectiveRateMinBp;
  reasons.push({
    code: 'rate_fit',
    points: share(W.rate_fit, BigInt(clamp(margin, 0, S.rateFullMarginBp)), BigInt(S.rateFullMarginBp)),
    detail: { floor: product.effectiveRateMinBp, ceiling, margin },
  });

  reasons.push({
    code: 'amount_headroom',
    points: share(W.amount_headroom, product.amountMaxFen - need.amountFen, product.amountMaxFen),
    detail: { max: product.amountMaxFen.toString(), actual: need.amountFen.toString() },
  });

  reasons.push({ code: 'zone_exclusive', points: product.zoneExclusive ? W.zone_exclusive : 0, detail: { exclusive: product.zoneExclusive ? 'yes' : 'no' } });

  const certs = validCertifications(facts, asOf);
  reasons.push({
    code: 'certifications',
    points: Math.min(W.certifications, certs.length * S.pointsPerCertification),
    detail: { kinds: certs, count: certs.length },
  });

  const required = product.minInnovationScore ?? S.innovationReferenceMinimum;
  // `threshold: 'none'`: the product sets no minimum, the margin is over the reference line only.
  const threshold: Detail = product.minInnovationScore === null ? { threshold: 'none' } : {};
  if (facts.innovationScore === null) {
    reasons.push({
      code: 'innovation_score_margin',
      points: 0,
      detail: { actual: 'none', required: formatHundredths(scoreToHundredths(required)), ...threshold },
    });
  } else {
    const actual = scoreToHundredths(facts.innovationScore);
    const req = scoreToHundredths(required);
    reasons.push({
      code: 'innovation_score_margin',
      points: share(W.innovation_score_margin, actual - req, scoreToHundredths(S.innovationFullMargin)),
      detail: { actual: formatHundredths(actual), required: formatHundredths(req), margin: formatHundredths(actual - req), ...threshold },
    });
  }

  if (medianResponseHours === null || !Number.isFinite(medianResponseHours)) {
    reasons.push({ code: 'response_time', points: S.responseUnknownPoints, detail: { hours: 'none' } });
  } else {
    const span = S.responseZeroHours - S.responseFullHours;
    const left = clamp(S.responseZeroHours - medianResponseHours, 0, span);
    reasons.push({ code: 'response_time', points: Math.round((W.response_time * left) / span), detail: { hours: Math.round(medianResponseHours * 10) / 10 } });
  }

  const score = clamp(
    reasons.reduce((s, r) => s + r.points, 0),
    0,
    100,
  );
  return { score, reasons };
}

// --------------------------------------------------------------------------------------- ranking

/** Score desc, then effective rate asc, then id — the one order of every match list. */
export function compareRanked(
  a: { score: number; effectiveRateMinBp: number; id: string },
  b: { score: number; effectiveRateMinBp: number; id: string },
): number {
  return b.score - a.score || a.effectiveRateMinBp - b.effectiveRateMinBp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A near miss is one rule away from fitting; products failing more are not shown. */
export const NEAR_MISS_MAX_FAILED = 1;

export interface RankedFit<P> extends MatchScore {
  product: P;
}
export interface RankedNearMiss<P> extends MatchScore {
  product: P;
  failed: FailedRule[];
}

/**
 * Classifies and scores the pre-filtered candidates of one need: the fits ranked, and the near
 * misses (at most NEAR_MISS_MAX_FAILED failed rules) in the same order.
 */
export function rankCandidates<P extends MatchProduct & { medianResponseHours: number | null }>(
  need: MatchNeed,
  candidates: readonly P[],
  facts: EnterpriseFacts,
  asOf: string,
): { fits: RankedFit<P>[]; nearMisses: RankedNearMiss<P>[] } {
  const fits: RankedFit<P>[] = [];
  const nearMisses: RankedNearMiss<P>[] = [];
  for (const product of candidates) {
    const c = classifyCandidate(need, product, facts, asOf);
    const s = scoreMatch(need, product, facts, asOf, product.medianResponseHours);
    if (c.kind === 'fit') fits.push({ product, ...s });
    else if (c.failed.length <= NEAR_MISS_MAX_FAILED) nearMisses.push({ product, ...s, failed: c.failed });
  }
  const order = (a: MatchScore & { product: P }, b: MatchScore & { product: P }) =>
    compareRanked(
      { score: a.score, effectiveRateMinBp: a.product.effectiveRateMinBp, id: a.product.id },
      { score: b.score, effectiveRateMinBp: b.product.effectiveRateMinBp, id: b.product.id },
    );
  fits.sort(order);
  nearMisses.sort(order);
  return { fits, nearMisses };
}
