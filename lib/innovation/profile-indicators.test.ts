import { describe, expect, it } from 'vitest';
import { isProfileIndicator, PROFILE_INDICATORS, rndRatioBp, withProfileFinancials } from './profile-indicators';
import { INDICATOR_KEYS, type InnovationInputs } from './weights';

const zeros = () => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as InnovationInputs;

describe('revenue and R&D expense come from the profile', () => {
  it('replaces exactly those two indicators, in fen, and computes their ratio in basis points', () => {
    const typed = { ...zeros(), revenue: 1, rnd_expense: 2, rnd_ratio: 9_999, invention_patents: 3 };
    const merged = withProfileFinancials(typed, { revenueFen: 6_800_000_000n, rndExpenseFen: 476_000_000n });
    expect(merged).toEqual({ ...typed, revenue: 6_800_000_000, rnd_expense: 476_000_000, rnd_ratio: 700 }); // 7.00 %
    expect(typed.revenue).toBe(1); // the argument is left alone
  });

  it('rounds the ratio half up, exactly for amounts past 2^53 when scaled, and 0 without revenue', () => {
    expect(rndRatioBp(3n, 1n)).toBe(3_333); // 33.333… %
    expect(rndRatioBp(8n, 1n)).toBe(1_250);
    expect(rndRatioBp(20_000n, 1n)).toBe(1); // 0.5 bp, half up
    expect(rndRatioBp(20_001n, 1n)).toBe(0);
    expect(rndRatioBp(999_999_999_999_999n, 333_333_333_333_333n)).toBe(3_333);
    expect(rndRatioBp(0n, 5n)).toBe(0);
    expect(rndRatioBp(100n, 0n)).toBe(0);
  });

  it('names indicators the score knows', () => {
    for (const k of PROFILE_INDICATORS) expect(INDICATOR_KEYS).toContain(k);
    expect(isProfileIndicator('revenue')).toBe(true);
    expect(isProfileIndicator('hightech_revenue')).toBe(false);
  });
});
