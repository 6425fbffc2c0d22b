import { describe, expect, it } from 'vitest';
import { addWorkingDays, elapsedWorkingDays, isWorkingDay, workingDaysBefore, workingDaysBetween, type ZoneCalendar } from './working-days';

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

  describe('with the zone’s calendar loaded (法定节假日 and 调休上班)', () => {
    // 国庆 2026 as a zone might load it: Thursday 1 to Wednesday 7 October off, Saturday 10 October worked.
    const golden: ZoneCalendar = {
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      workdays: new Set(['2026-10-10']),
    };

    it('takes holidays out of the week and puts worked weekend days in', () => {
      expect(isWorkingDay('2026-10-01', golden)).toBe(false);
      expect(isWorkingDay('2026-10-10', golden)).toBe(true); // a Saturday worked
      expect(isWorkingDay('2026-10-08', golden)).toBe(true);
      expect(isWorkingDay('2026-10-11', golden)).toBe(false); // Sunday
      expect(workingDaysBetween('2026-09-30', '2026-10-09', golden)).toBe(2); // 8th and 9th
      expect(addWorkingDays('2026-09-30', 3, golden)).toBe('2026-10-10');
      expect(addWorkingDays('2026-10-08', -1, golden)).toBe('2026-09-30');
    });

    it('a need posted before the holiday is not stale until three working days after it', () => {
      // Three working days before Friday 9 October 10:00: its morning, Thursday 8, then over the holiday Wednesday 30 September and Tuesday 29 from 10:00.
      expect(workingDaysBefore(at('2026-10-09T10:00:00'), 3, golden)).toEqual(at('2026-09-29T10:00:00'));
      expect(workingDaysBefore(at('2026-10-09T10:00:00'), 3)).toEqual(at('2026-10-06T10:00:00'));
      // Posted Wednesday 30 September 10:00: by Saturday 10 October 10:00 it waited 30 Sep (0.583), 8, 9 and half of 10.
      expect(elapsedWorkingDays(at('2026-09-30T10:00:00'), at('2026-10-10T10:00:00'), golden)).toBeCloseTo(14 / 24 + 2 + 10 / 24, 10);
    });
  });
});
