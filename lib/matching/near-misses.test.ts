import { describe, expect, it } from 'vitest';
import type { FailedRule } from './engine';
import { groupNearMisses, nearMissDistance } from './near-misses';

const WAN = 1_000_000n;
const amount = (actualWan: bigint, minWan: bigint, maxWan: bigint): FailedRule => ({
  code: 'amount',
  detail: { actual: String(actualWan * WAN), min: String(minWan * WAN), max: String(maxWan * WAN) },
});
const guarantee: FailedRule = { code: 'guarantee', detail: { offered: ['mortgage'], wanted: ['credit'] } };
const miss = (id: string, f: FailedRule, score = 50) => ({ id, failed: [f], score });

describe('nearMissDistance', () => {
  it('measures a numeric shortfall relative to its bound', () => {
    expect(nearMissDistance(amount(1100n, 100n, 1000n))).toBeCloseTo(0.1);
    expect(nearMissDistance(amount(50n, 100n, 1000n))).toBeCloseTo(0.5);
    expect(nearMissDistance({ code: 'term', detail: { actual: 40, min: 6, max: 36 } })).toBeCloseTo(4 / 36);
    expect(nearMissDistance({ code: 'rate', detail: { floor: 500, ceiling: 450 } })).toBeCloseTo(50 / 450);
    expect(nearMissDistance({ code: 'innovation_score', detail: { required: '60.00', actual: '54.00' } })).toBeCloseTo(0.1);
    expect(nearMissDistance({ code: 'innovation_score', detail: { required: '60.00', actual: 'none' } })).toBe(1);
    expect(nearMissDistance({ code: 'years_in_operation', detail: { required: 3, actual: 2 } })).toBeCloseTo(1 / 3);
    expect(nearMissDistance({ code: 'employees', detail: { max: 200, actual: 220 } })).toBeCloseTo(0.1);
  });

  it('puts a certificate awaiting verification closest and a missing one, a guarantee, a park furthest', () => {
    expect(nearMissDistance({ code: 'certification', detail: { kind: 'high_tech', reason: 'unverified' } })).toBe(0);
    expect(nearMissDistance({ code: 'certification', detail: { kind: 'high_tech', reason: 'expired' } })).toBe(0.5);
    expect(nearMissDistance({ code: 'certification', detail: { kind: 'high_tech', reason: 'missing' } })).toBe(1);
    expect(nearMissDistance(guarantee)).toBe(1);
    expect(nearMissDistance({ code: 'park', detail: { allowed: ['1'], actual: 2 } })).toBe(1);
  });
});

describe('groupNearMisses', () => {
  it('groups by the failed rule, closest group first, and lists a few of each', () => {
    const guaranteeMisses = Array.from({ length: 21 }, (_, i) => miss(`g${i}`, guarantee, i));
    const amountMisses = [miss('a-far', amount(2000n, 100n, 1000n)), miss('a-near', amount(1050n, 100n, 1000n)), miss('a-mid', amount(1300n, 100n, 1000n))];
    const cert = miss('c', { code: 'certification', detail: { kind: 'tech_sme', reason: 'unverified' } });
    const { groups, total, hidden } = groupNearMisses([...guaranteeMisses, ...amountMisses, cert]);
    expect(groups.map((g) => g.rule)).toEqual(['certification', 'amount', 'guarantee']);
    expect(groups[1].items.map((m) => m.id)).toEqual(['a-near', 'a-mid', 'a-far']);
    // equal distance: the higher score first; 3 listed, 18 more counted
    expect(groups[2].items.map((m) => m.id)).toEqual(['g20', 'g19', 'g18']);
    expect(groups[2].more).toBe(18);
    expect(total).toBe(25);
    expect(hidden).toBe(18);
  });

  it('shows at most the given number of groups and counts the rest as hidden', () => {
    const codes = ['park', 'industry', 'guarantee', 'employees', 'revenue'] as const;
    const list = codes.map((code, i) =>
      miss(
        code,
        code === 'employees'
          ? { code, detail: { max: 100, actual: 100 + i } }
          : code === 'revenue'
            ? { code, detail: { max: '100', actual: '900' } }
            : { code, detail: {} },
      ),
    );
    const { groups, hidden } = groupNearMisses(list, 2, 3);
    expect(groups).toHaveLength(2);
    expect(groups[0].rule).toBe('employees');
    expect(hidden).toBe(3);
  });

  it('shows nothing for no near misses', () => {
    expect(groupNearMisses([])).toEqual({ groups: [], total: 0, hidden: 0 });
  });
});
