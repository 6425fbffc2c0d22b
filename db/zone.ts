// The zone's calendar: every day in the product (periods, deadlines, "today") is an Asia/Shanghai
// day. Plain values for SQL in db/queries and for lib/core/dates.ts, which re-exports them.
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

// Made once: building an Intl.DateTimeFormat costs ~150 µs, formatting with it ~1.5 µs, and a
// page asks for the zone's day a dozen times (issue 10's CPU profile of the officers' workbench).
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the zone, 'YYYY-MM-DD'. */
export function zoneDay(at: Date = new Date()): string {
  return DAY.format(at);
}

/** The instant a zone day begins (Asia/Shanghai keeps UTC+8 all year). */
export function zoneDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
