// The zone's calendar: every day in the product (periods, deadlines, "today") is an Asia/Shanghai
// day. Plain values for SQL in db/queries and for lib/core/dates.ts, which re-exports them.
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

/** The calendar day in the zone, 'YYYY-MM-DD'. */
export function zoneDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
