// The zone's calendar is Asia/Shanghai (UTC+8, no daylight saving).
import { ZONE_TIME_ZONE, zoneDay, zoneDayStart } from '../../db/zone';

export { ZONE_TIME_ZONE, zoneDay, zoneDayStart };

// One formatter per locale, made once (toLocaleString with options builds a new one per call, ~150 µs).
const DATE_TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: ZONE_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatZoneDateTime(at: Date, locale: 'zh' | 'en'): string {
  return DATE_TIME[locale === 'zh' ? 'zh' : 'en'].format(at);
}

/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** How long something has waited: whole hours, or whole days past two days (the officers' queue). */
export function waitingFor(since: Date, now: Date): { unit: 'hours' | 'days'; n: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return hours >= 48 ? { unit: 'days', n: Math.floor(hours / 24) } : { unit: 'hours', n: hours };
}

/**
 * Hours as every page shows them: one decimal ('0.0', '49.3'), the figures' precision. The product
 * page, the banks' matches page, the match reasons and the dashboard said 0, 0.02 and 0.0 for the
 * same median.
 */
export function formatHours(hours: number): string {
  return hours.toFixed(1);
}
