import { describe, expect, it } from 'vitest';
import { isProfileIndicator, PROFILE_INDICATORS, withProfileFinancials } from './profile-indicators';
import { INDICATOR_KEYS, type InnovationInputs } from './weights';

const zeros = () => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as InnovationInputs;

describe('revenue and R&D expense come from the profile', () => {
  it('replaces exactly those two indicators, in fen', () => {
    const typed = { ...zeros(), revenue: 1, rnd_expense: 2, invention_patents: 3 };
    const merged = withProfileFinancials(typed, { revenueFen: 6_800_000_000n, rndExpenseFen: 476_000_000n });
    expect(merged).toEqual({ ...typed, revenue: 6_800_000_000, rnd_expense: 476_000_000 });
    expect(typed.revenue).toBe(1); // the argument is left alone
  });

  it('names indicators the score knows', () => {
    for (const k of PROFILE_INDICATORS) expect(INDICATOR_KEYS).toContain(k);
    expect(isProfileIndicator('revenue')).toBe(true);
    expect(isProfileIndicator('hightech_revenue')).toBe(false);
  });
});
