// The zone's calendar (/admin/calendar): one day off or worked, entered from the State Council's
// notice; and the year a page shows.
import { z } from 'zod';
import { dateField, intField, requiredText } from './common';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CALENDAR_NAME_MAX = 40;

/** A public holiday (法定节假日) or a weekend day worked (调休上班), with the holiday it belongs to. */
export const calendarDaySchema = z.object({
  day: dateField({ message: 'calendar.errors.day' }),
  kind: z.enum(CALENDAR_DAY_KINDS, 'calendar.errors.kind'),
  name: requiredText(CALENDAR_NAME_MAX),
});
export type CalendarDayInput = z.output<typeof calendarDaySchema>;

/** The day to take off the calendar. */
export const calendarDayRemoveSchema = z.object({ day: dateField({ message: 'calendar.errors.day' }) });

/** The year /admin/calendar lists (the current one when absent or not a year). */
export const calendarYearSchema = z.object({ year: intField(2000, 2100).optional().catch(undefined) });
