// Revenue and R&D expense are entered once, in the enterprise profile (enterprises.revenue_fen,
// rnd_expense_fen); the innovation score's 营业收入 and 研发费用 indicators take them from there,
// whatever the stored score inputs say, so the two can never disagree, and 研发费用占营业收入比重 is
// computed from them rather than typed a third time. Pure.
import { INDICATOR_KEYS, type IndicatorKey, type InnovationInputs } from './weights';

/** The score indicators whose value is the profile's (the ratio computed from its two figures). */
export const PROFILE_INDICATORS = ['revenue', 'rnd_expense', 'rnd_ratio'] as const satisfies readonly IndicatorKey[];

export const isProfileIndicator = (k: string): boolean => (PROFILE_INDICATORS as readonly string[]).includes(k);

/** R&D expense ÷ revenue in basis points, half up; 0 without revenue. Exact on bigint fen. */
export function rndRatioBp(revenueFen: bigint, rndExpenseFen: bigint): number {
  if (revenueFen <= 0n || rndExpenseFen <= 0n) return 0;
  return Number((rndExpenseFen * 20_000n + revenueFen) / (2n * revenueFen));
}

/** The inputs with revenue and R&D expense (fen) replaced by the profile's, and their ratio (bp) computed. */
export function withProfileFinancials(data: InnovationInputs, profile: { revenueFen: bigint; rndExpenseFen: bigint }): InnovationInputs {
  return {
    ...data,
    revenue: Number(profile.revenueFen),
    rnd_expense: Number(profile.rndExpenseFen),
    rnd_ratio: rndRatioBp(profile.revenueFen, profile.rndExpenseFen),
  };
}

/** Inputs before the enterprise has entered any: every indicator 0 (the form's starting point). */
export function zeroInnovationInputs(): InnovationInputs {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as InnovationInputs;
}
