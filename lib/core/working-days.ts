// Working days (工作日) of the zone: Monday–Friday on the Asia/Shanghai calendar (UTC+8, no daylight
// saving). Public holidays and the weekends worked in exchange for them (调休) are ignored on purpose:
// they change every year by State Council notice, and a stale need flagged a day early over a holiday
// costs the service centre one phone call.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONE_OFFSET_MS = 8 * HOUR_MS;

function dayToUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' is Monday to Friday. */
export function isWorkingDay(day: string): boolean {
  const wd = new Date(dayToUtcMs(day)).getUTCDay();
  return wd >= 1 && wd <= 5;
}

/** The day `n` working days after (n < 0: before) `day`; a weekend start counts from the weekend. */
export function addWorkingDays(day: string, n: number): string {
  let ms = dayToUtcMs(day);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  for (let left = Math.abs(n); left > 0; ) {
    ms += step;
    if (isWorkingDay(utcMsToDay(ms))) left--;
  }
  return utcMsToDay(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let ms = dayToUtcMs(from) + DAY_MS, end = dayToUtcMs(to); ms <= end; ms += DAY_MS) if (isWorkingDay(utcMsToDay(ms))) n++;
  return n;
}

/** Start of the zone's calendar day that contains `ms` (or, at exactly midnight, that begins at `ms`). */
function zoneDayStart(ms: number): number {
  return Math.floor((ms + ZONE_OFFSET_MS) / DAY_MS) * DAY_MS - ZONE_OFFSET_MS;
}

function isWorkingInstant(dayStartMs: number): boolean {
  const wd = new Date(dayStartMs + ZONE_OFFSET_MS).getUTCDay();
  return wd >= 1 && wd <= 5;
}

/**
 * Working time between two instants, in working days of 24 hours: only the parts of the span that
 * fall on a Monday–Friday of the zone count. Saturday noon to Tuesday noon is 1.5.
 */
export function elapsedWorkingDays(from: Date, to: Date): number {
  let ms = 0;
  for (let t = from.getTime(), end = to.getTime(); t < end; ) {
    const next = Math.min(zoneDayStart(t) + DAY_MS, end);
    if (isWorkingInstant(zoneDayStart(t))) ms += next - t;
    t = next;
  }
  return ms / DAY_MS;
}

/**
 * The latest instant from which `days` full working days have passed by `now`: something created
 * before it has waited more than `days` working days. Wednesday 10:00 minus 3 is the previous
 * Friday 10:00; Saturday 10:00 minus 3 is Wednesday 00:00.
 */
export function workingDaysBefore(now: Date, days: number): Date {
  let t = now.getTime();
  let remaining = days * DAY_MS;
  if (remaining <= 0) return new Date(t);
  for (;;) {
    let start = zoneDayStart(t);
    if (start === t) start = t - DAY_MS;
    if (isWorkingInstant(start)) {
      if (t - start >= remaining) return new Date(t - remaining);
      remaining -= t - start;
    }
    t = start;
  }
}
