import { describe, expect, it } from 'vitest';
import { waitingFor } from '../core/dates';

describe('waitingFor', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('whole hours under two days, whole days after', () => {
    expect(waitingFor(new Date('2026-11-30T09:30:00Z'), now)).toEqual({ unit: 'hours', n: 2 });
    expect(waitingFor(new Date('2026-11-28T12:00:01Z'), now)).toEqual({ unit: 'hours', n: 47 });
    expect(waitingFor(new Date('2026-11-25T11:00:00Z'), now)).toEqual({ unit: 'days', n: 5 });
    expect(waitingFor(new Date('2026-12-01T00:00:00Z'), now)).toEqual({ unit: 'hours', n: 0 });
  });
});
