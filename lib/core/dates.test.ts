import { describe, expect, it } from 'vitest';
import { formatHours, formatZoneDateTime, zoneDay } from './dates';

describe('zone calendar day', () => {
  it('is the Asia/Shanghai date, a day ahead of UTC after 16:00 UTC', () => {
    expect(zoneDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(zoneDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('formats the same day for every moment of it, whichever moment came first', () => {
    expect(zoneDay(new Date('2027-01-01T15:59:59.999Z'))).toBe('2027-01-01');
    expect(zoneDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(zoneDay(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });
});

describe('zone date and time', () => {
  it('is the Asia/Shanghai wall clock, in Chinese or English', () => {
    const at = new Date('2026-12-31T16:05:00Z');
    expect(formatZoneDateTime(at, 'zh')).toBe('2027年1月1日 00:05');
    expect(formatZoneDateTime(at, 'en')).toBe('1 Jan 2027, 00:05');
    expect(formatZoneDateTime(new Date('2026-03-08T01:30:00Z'), 'zh')).toBe('2026年3月8日 09:30');
  });
});

describe('adding months to a day', () => {
  it('keeps the day, clamps to month ends, and crosses years', async () => {
    const { addMonths } = await import('./dates');
    expect(addMonths('2026-11-25', 12)).toBe('2027-11-25');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-05-20', 36)).toBe('2029-05-20');
  });
});

describe('hours shown', () => {
  it('have one decimal everywhere', () => {
    expect([formatHours(0), formatHours(0.02), formatHours(49.25), formatHours(50)]).toEqual(['0.0', '0.0', '49.3', '50.0']);
  });
});
