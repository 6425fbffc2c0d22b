// The zone's calendar (工作日历): the service centre enters the year's public holidays that fall on
// weekdays and the weekend days worked in exchange (调休上班), from the State Council's notice.
// Working-day arithmetic (stale needs, lib/core/working-days.ts) reads it; with no day entered the
// week is Monday to Friday. Only an admin changes it; every change is audited.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { allCalendarDays, calendarDay, calendarDaysOfYear, deleteCalendarDay, upsertCalendarDay } from '../../db/queries/calendar';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { daysFromTo, isWorkingDay, PLAIN_WEEKS, type ZoneCalendar } from '../core/working-days';
import type { CalendarDayInput } from '../validation/calendar';

/** The calendar as working-day arithmetic reads it (Monday–Friday when nothing is entered). */
export async function loadZoneCalendar(db: Db): Promise<ZoneCalendar> {
  const rows = await allCalendarDays(db);
  if (rows.length === 0) return PLAIN_WEEKS;
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
  };
}

/** The days entered for one year, for the admin's page. */
export async function calendarYear(db: Db, actor: Actor, year: number) {
  assertRole(actor, 'admin');
  return calendarDaysOfYear(db, year);
}

/**
 * Enters (or corrects) a holiday's days: of a span, the weekdays when they are days off and the
 * weekend days when they are worked (国庆 1–7 October as 放假 enters the five weekdays). A span with
 * no such day is refused with the reason, and nothing changes. One audit row per day.
 */
export async function setCalendarDays(db: Db, actor: Actor, input: CalendarDayInput, requestId?: string | null) {
  assertRole(actor, 'admin');
  // A weekday can only be taken off, a weekend day only worked (Monday–Friday without the calendar).
  const days = daysFromTo(input.day, input.to).filter((d) => isWorkingDay(d) === (input.kind === 'holiday'));
  if (days.length === 0)
    throw new AppError('invalid', input.kind === 'holiday' ? 'calendar.errors.holiday_weekend' : 'calendar.errors.workday_weekday', { field: 'day' });
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const entered = [];
    for (const day of days) {
      const before = await calendarDay(t, day);
      const after = await upsertCalendarDay(t, { day, kind: input.kind, name: input.name, createdBy: actor.userId });
      await writeAudit(t, { actor, action: 'calendar_day.set', entity: 'calendar_day', entityId: day, before, after, requestId });
      entered.push(after);
    }
    return entered;
  });
}

/** Takes a day off the calendar: it is an ordinary weekday or weekend day again. */
export async function removeCalendarDay(db: Db, actor: Actor, day: string, requestId?: string | null) {
  assertRole(actor, 'admin');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const before = await deleteCalendarDay(t, day);
    if (!before) throw new AppError('not_found');
    await writeAudit(t, { actor, action: 'calendar_day.delete', entity: 'calendar_day', entityId: day, before, after: null, requestId });
    return before;
  });
}
