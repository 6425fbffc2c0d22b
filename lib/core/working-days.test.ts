import { describe, expect, it } from 'vitest';
import { addWorkingDays, elapsedWorkingDays, isWorkingDay, workingDaysBefore, workingDaysBetween } from './working-days';

const at = (s: string) => new Date(`${s}+08:00`);

describe('working days (Mon–Fri, Asia/Shanghai)', () => {
  it('knows the weekdays', () => {
    expect(isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
    // Public holidays are ignored: 2026-10-01 (国庆) is a Thursday and counts.
    expect(isWorkingDay('2026-10-01')).toBe(true);
  });

  it('adds and subtracts working days over weekends', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-18', 3)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-25', -3)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-25', 0)).toBe('2026-11-25');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts the working days after a day up to another', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-25')).toBe(3);
    expect(workingDaysBetween('2026-11-20', '2026-11-22')).toBe(0);
    expect(workingDaysBetween('2026-11-25', '2026-11-20')).toBe(0);
    expect(workingDaysBetween('2026-11-01', '2026-11-30')).toBe(21);
  });

  it('measures the working time between two instants, day edges in Shanghai', () => {
    expect(elapsedWorkingDays(at('2026-11-21T12:00:00'), at('2026-11-24T12:00:00'))).toBe(1.5);
    expect(elapsedWorkingDays(at('2026-11-20T10:00:00'), at('2026-11-25T10:00:00'))).toBe(3);
    // 23:00 UTC on Friday is already Saturday 07:00 in Shanghai: none of it counts.
    expect(elapsedWorkingDays(new Date('2026-11-20T23:00:00Z'), new Date('2026-11-21T15:00:00Z'))).toBe(0);
    expect(elapsedWorkingDays(at('2026-11-25T10:00:00'), at('2026-11-25T10:00:00'))).toBe(0);
  });

  it('finds the instant three working days before now', () => {
    expect(workingDaysBefore(at('2026-11-25T10:00:00'), 3)).toEqual(at('2026-11-20T10:00:00'));
    expect(workingDaysBefore(at('2026-11-28T10:00:00'), 3)).toEqual(at('2026-11-25T00:00:00')); // Saturday
    expect(workingDaysBefore(at('2026-11-23T00:00:00'), 3)).toEqual(at('2026-11-18T00:00:00')); // Monday midnight
    expect(workingDaysBefore(at('2026-11-26T15:30:00'), 3)).toEqual(at('2026-11-23T15:30:00'));
    expect(workingDaysBefore(at('2026-11-26T15:30:00'), 0)).toEqual(at('2026-11-26T15:30:00'));
  });

  it('is consistent: the cutoff is exactly the given working days before now', () => {
    for (const now of ['2026-11-23T08:00:00', '2026-11-24T23:59:59', '2026-11-29T13:00:00', '2027-01-01T00:00:00']) {
      const cut = workingDaysBefore(at(now), 3);
      expect(elapsedWorkingDays(cut, at(now))).toBeCloseTo(3, 9);
    }
  });
});
