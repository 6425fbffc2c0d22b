import { describe, expect, it } from 'vitest';
import { zoneDay } from './dates';

describe('zone calendar day', () => {
  it('is the Asia/Shanghai date, a day ahead of UTC after 16:00 UTC', () => {
    expect(zoneDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(zoneDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
