// The zone's calendar is Asia/Shanghai (UTC+8, no daylight saving).
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

/** The calendar day in the zone, 'YYYY-MM-DD'. */
export function zoneDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function formatZoneDateTime(at: Date, locale: 'zh' | 'en'): string {
  return at.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: ZONE_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
}
