// The near misses an enterprise is shown for a need (DESIGN §3 "an enterprise sees why a product does
// not fit"): grouped by the rule that failed, closest first, and only the few that matter most. A
// need can miss twenty products on one rule (typically the guarantee method); listing all of them
// hides the two that an extra document or a slightly smaller amount would turn into fits.
//
// Pure: no React/Next/db imports.
import { scoreToHundredths } from './eligibility';
import type { FailedRule, FailedRuleCode } from './engine';

/** How many rule groups and products per group the need page shows. */
export const NEAR_MISS_GROUPS_SHOWN = 4;
export const NEAR_MISSES_PER_GROUP = 3;

/**
 * How far a failed rule is from holding, from 0 (just short) to 1 (nothing the enterprise can
 * close by adjusting a number): the shortfall relative to the bound for numeric rules; for a
 * certification, how close the certificate is to counting (awaiting verification is closest); a
 * guarantee method, park or industry not in the product's list is a full miss.
 */
export function nearMissDistance(f: FailedRule): number {
  const d = f.detail;
  const rel = (gap: number, base: number) => (base > 0 ? Math.min(1, Math.max(0, gap / base)) : 1);
  const big = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(BigInt(v) / 100n) : NaN); // fen → yuan, exact enough for a ratio
  switch (f.code) {
    case 'amount': {
      const actual = big(d.actual);
      const min = big(d.min);
      const max = big(d.max);
      return actual < min ? rel(min - actual, min) : rel(actual - max, max);
    }
    case 'term': {
      const actual = Number(d.actual);
      const min = Number(d.min);
      const max = Number(d.max);
      return actual < min ? rel(min - actual, min) : rel(actual - max, max);
    }
    case 'rate':
      return typeof d.ceiling === 'number' ? rel(Number(d.floor) - d.ceiling, d.ceiling) : 1;
    case 'innovation_score': {
      if (d.actual === 'none') return 1;
      const req = Number(scoreToHundredths(String(d.required)));
      return rel(req - Number(scoreToHundredths(String(d.actual))), req);
    }
    case 'years_in_operation':
      return rel(Number(d.required) - Number(d.actual), Number(d.required));
    case 'employees':
      return rel(Number(d.actual) - Number(d.max), Number(d.max));
    case 'revenue':
      return rel(big(d.actual) - big(d.max), big(d.max));
    case 'certification':
      return d.reason === 'unverified' ? 0 : d.reason === 'not_yet_valid' ? 0.25 : d.reason === 'expired' ? 0.5 : 1;
    default:
      return 1;
  }
}

export interface NearMissLike {
  failed: FailedRule[];
  score: number;
}

export interface NearMissGroup<M> {
  rule: FailedRuleCode;
  /** the closest products of the group, at most `perGroup` */
  items: M[];
  /** products of this group not listed */
  more: number;
}

/**
 * Groups near misses by their (one) failed rule: within a group closest first, then higher score;
 * groups ordered by their closest product, then by size. Returns the first `groups` groups with
 * at most `perGroup` products each, and how many near misses are not shown at all.
 */
export function groupNearMisses<M extends NearMissLike>(
  nearMisses: readonly M[],
  groups = NEAR_MISS_GROUPS_SHOWN,
  perGroup = NEAR_MISSES_PER_GROUP,
): { groups: NearMissGroup<M>[]; total: number; hidden: number } {
  const byRule = new Map<FailedRuleCode, { item: M; distance: number }[]>();
  for (const item of nearMisses) {
    const first = item.failed[0];
    if (!first) continue;
    const distance = Math.max(...item.failed.map(nearMissDistance));
    const list = byRule.get(first.code) ?? [];
    list.push({ item, distance });
    byRule.set(first.code, list);
  }
  const all = [...byRule.entries()].map(([rule, list]) => {
    list.sort((a, b) => a.distance - b.distance || b.item.score - a.item.score);
    return { rule, list };
  });
  all.sort((a, b) => a.list[0].distance - b.list[0].distance || b.list.length - a.list.length || (a.rule < b.rule ? -1 : 1));
  const shown = all
    .slice(0, groups)
    .map(({ rule, list }) => ({ rule, items: list.slice(0, perGroup).map((x) => x.item), more: Math.max(0, list.length - perGroup) }));
  const listed = shown.reduce((n, g) => n + g.items.length, 0);
  return { groups: shown, total: nearMisses.length, hidden: nearMisses.length - listed };
}
