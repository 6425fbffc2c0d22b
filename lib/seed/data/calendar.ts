// Dates of the demo data. Everything derives from a fixed "today" (2026-11-20, Asia/Shanghai, no
// DST): instants are epoch milliseconds, calendar dates are 'YYYY-MM-DD' strings.
export const DEMO_TODAY = '2026-11-20';

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant of a Shanghai wall-clock time. */
export function at(date: string, hour = 9, minute = 0): number {
  return Date.parse(`${date}T${pad(hour)}:${pad(minute)}:00+08:00`);
}

/** The demo's "now": Friday 2026-11-20 10:00 in Foshan. Every seeded instant is before it. */
export const DEMO_NOW = at(DEMO_TODAY, 10, 0);

/** Shanghai calendar date of an instant. */
export function dateOf(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

function hourOf(ms: number): number {
  const d = new Date(ms + SHANGHAI_OFFSET);
  return d.getUTCHours() + d.getUTCMinutes() / 60;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function addYears(date: string, n: number): string {
  return addMonths(date, 12 * n);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Whole months from `from` to `to` (a month counts once its day-of-month is reached). */
export function monthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

export function isWorkday(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd >= 1 && wd <= 5;
}

export function nextWorkday(date: string): string {
  let d = date;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

export function roundToMinute(ms: number): number {
  return Math.round(ms / MINUTE) * MINUTE;
}

const OPEN = 9;
const CLOSE = 18;

/** Adds office hours (Mon–Fri 09:00–18:00): how long a bank takes to act. */
export function addWorkingHours(ms: number, hours: number): number {
  let t = ms;
  let date = dateOf(t);
  const h = hourOf(t);
  if (!isWorkday(date) || h >= CLOSE) {
    date = nextWorkday(addDays(date, isWorkday(date) ? 1 : 0));
    t = at(date, OPEN);
  } else if (h < OPEN) {
    t = at(date, OPEN);
  }
  let remaining = hours * HOUR;
  for (;;) {
    const close = at(date, CLOSE);
    if (t + remaining <= close) return roundToMinute(t + remaining);
    remaining -= close - t;
    date = nextWorkday(addDays(date, 1));
    t = at(date, OPEN);
  }
}

export function addWorkingDays(ms: number, days: number): number {
  return addWorkingHours(ms, days * (CLOSE - OPEN));
}

/** Number of working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) n++;
  return n;
}
