// Working days (工作日) of the zone: Monday–Friday on the Asia/Shanghai calendar (UTC+8, no daylight
// saving), corrected by the zone's calendar when one is loaded (/admin/calendar): public holidays
// (法定节假日) are not working days, and the weekend days worked in exchange for them (调休上班) are.
// They change every year by State Council notice, so the service centre enters them; with none
// loaded, Monday–Friday it is.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONE_OFFSET_MS = 8 * HOUR_MS;

/** The zone's exceptions to Monday–Friday, as 'YYYY-MM-DD' days. */
export interface ZoneCalendar {
  /** Weekdays off (法定节假日). */
  holidays: ReadonlySet<string>;
  /** Weekend days worked (调休上班). */
  workdays: ReadonlySet<string>;
}

/** No calendar loaded: Monday to Friday. */
export const PLAIN_WEEKS: ZoneCalendar = { holidays: new Set(), workdays: new Set() };

function dayToUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` ('YYYY-MM-DD'): 0 for the same day, negative when `to` comes first. */
export function calendarDaysBetween(from: string, to: string): number {
  return (dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS;
}

/** Every day from `from` to `to`, both included. */
export function daysFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = dayToUtcMs(from), end = dayToUtcMs(to); ms <= end; ms += DAY_MS) out.push(utcMsToDay(ms));
  return out;
}

/** 'YYYY-MM-DD' is a working day: Monday to Friday and not a holiday, or a weekend day worked. */
export function isWorkingDay(day: string, calendar: ZoneCalendar = PLAIN_WEEKS): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const wd = new Date(dayToUtcMs(day)).getUTCDay();
  return wd >= 1 && wd <= 5;
}

/** The day `n` working days after (n < 0: before) `day`; a weekend start counts from the weekend. */
export function addWorkingDays(day: string, n: number, calendar: ZoneCalendar = PLAIN_WEEKS): string {
  let ms = dayToUtcMs(day);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  for (let left = Math.abs(n); left > 0; ) {
    ms += step;
    if (isWorkingDay(utcMsToDay(ms), calendar)) left--;
  }
  return utcMsToDay(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, calendar: ZoneCalendar = PLAIN_WEEKS): number {
  let n = 0;
  for (let ms = dayToUtcMs(from) + DAY_MS, end = dayToUtcMs(to); ms <= end; ms += DAY_MS) if (isWorkingDay(utcMsToDay(ms), calendar)) n++;
  return n;
}

/** Start of the zone's calendar day that contains `ms` (or, at exactly midnight, that begins at `ms`). */
function zoneDayStart(ms: number): number {
  return Math.floor((ms + ZONE_OFFSET_MS) / DAY_MS) * DAY_MS - ZONE_OFFSET_MS;
}

/** The zone day that starts at `dayStartMs` is a working day. */
function isWorkingInstant(dayStartMs: number, calendar: ZoneCalendar): boolean {
  return isWorkingDay(utcMsToDay(dayStartMs + ZONE_OFFSET_MS), calendar);
}

/**
 * Working time between two instants, in working days of 24 hours: only the parts of the span that
 * fall on a Monday–Friday of the zone count. Saturday noon to Tuesday noon is 1.5.
 */
export function elapsedWorkingDays(from: Date, to: Date, calendar: ZoneCalendar = PLAIN_WEEKS): number {
  let ms = 0;
  for (let t = from.getTime(), end = to.getTime(); t < end; ) {
    const next = Math.min(zoneDayStart(t) + DAY_MS, end);
    if (isWorkingInstant(zoneDayStart(t), calendar)) ms += next - t;
    t = next;
  }
  return ms / DAY_MS;
}

/**
 * The latest instant from which `days` full working days have passed by `now`: something created
 * before it has waited more than `days` working days. Wednesday 10:00 minus 3 is the previous
 * Friday 10:00; Saturday 10:00 minus 3 is Wednesday 00:00.
 */
export function workingDaysBefore(now: Date, days: number, calendar: ZoneCalendar = PLAIN_WEEKS): Date {
  let t = now.getTime();
  let remaining = days * DAY_MS;
  if (remaining <= 0) return new Date(t);
  for (;;) {
    let start = zoneDayStart(t);
    if (start === t) start = t - DAY_MS;
    if (isWorkingInstant(start, calendar)) {
      if (t - start >= remaining) return new Date(t - remaining);
      remaining -= t - start;
    }
    t = start;
  }
}
