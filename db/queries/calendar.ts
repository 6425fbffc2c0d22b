// The zone's calendar: its days off on weekdays and its weekend days worked (migration 0028).
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { zoneCalendarDays } from '../schema';

export type CalendarDay = typeof zoneCalendarDays.$inferSelect;

/** Every day of the calendar (a few dozen a year), for working-day arithmetic. */
export function allCalendarDays(db: Db) {
  return db.select({ day: zoneCalendarDays.day, kind: zoneCalendarDays.kind }).from(zoneCalendarDays);
}

/** The days of one year, in order. */
export function calendarDaysOfYear(db: Db, year: number) {
  return db
    .select()
    .from(zoneCalendarDays)
    .where(and(gte(zoneCalendarDays.day, `${year}-01-01`), lte(zoneCalendarDays.day, `${year}-12-31`)))
    .orderBy(asc(zoneCalendarDays.day));
}

export async function calendarDay(db: Db, day: string): Promise<CalendarDay | null> {
  const [d] = await db.select().from(zoneCalendarDays).where(eq(zoneCalendarDays.day, day)).limit(1);
  return d ?? null;
}

/** Sets a day (a second entry for the same day replaces the first). */
export async function upsertCalendarDay(db: Db, values: typeof zoneCalendarDays.$inferInsert): Promise<CalendarDay> {
  const [d] = await db
    .insert(zoneCalendarDays)
    .values(values)
    .onConflictDoUpdate({ target: zoneCalendarDays.day, set: { kind: values.kind, name: values.name, createdBy: values.createdBy } })
    .returning();
  return d;
}

export async function deleteCalendarDay(db: Db, day: string): Promise<CalendarDay | null> {
  const [d] = await db.delete(zoneCalendarDays).where(eq(zoneCalendarDays.day, day)).returning();
  return d ?? null;
}
