import { describe, expect, it } from 'vitest';
import { disbursalInstant, earliestDisbursal } from './disbursal';

describe('earliestDisbursal', () => {
  it('is the approval day when there is no pledge, or the pledge was registered before it', () => {
    expect(earliestDisbursal('2026-03-10', null)).toEqual({ day: '2026-03-10', key: 'applications.errors.disbursed_before_approval' });
    expect(earliestDisbursal('2026-03-10', '2026-03-01')).toEqual({ day: '2026-03-10', key: 'applications.errors.disbursed_before_approval' });
    expect(earliestDisbursal('2026-03-10', '2026-03-10')).toEqual({ day: '2026-03-10', key: 'applications.errors.disbursed_before_approval' });
  });
  it('is the registration day when the pledge was registered after the approval', () => {
    expect(earliestDisbursal('2026-03-10', '2026-03-12')).toEqual({ day: '2026-03-12', key: 'applications.errors.disbursed_before_pledge' });
  });
  it('is unbounded only when neither is known', () => {
    expect(earliestDisbursal('', undefined).day).toBe('');
  });
});

describe('disbursalInstant', () => {
  const now = new Date('2026-03-12T06:00:00Z'); // 14:00 in Shanghai on 03-12
  it('is now for today', () => {
    expect(disbursalInstant('2026-03-12', now, null)).toEqual(now);
  });
  it("is a past day's 00:00 in Shanghai", () => {
    expect(disbursalInstant('2026-03-10', now, new Date('2026-03-09T02:00:00Z'))).toEqual(new Date('2026-03-09T16:00:00Z'));
  });
  it('is the approval when it came later on that day', () => {
    const decidedAt = new Date('2026-03-10T03:00:00Z');
    expect(disbursalInstant('2026-03-10', now, decidedAt)).toEqual(decidedAt);
  });
});
