// The zone's calendar (/admin/calendar): days off or worked, entered from the State Council's
// notice (one day, or a span such as 国庆 1–7 October); and the year a page shows.
import { z } from 'zod';
import { calendarDaysBetween } from '../core/working-days';
import { dateField, intField, optional, requiredText } from './common';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CALENDAR_NAME_MAX = 40;
/** The longest span one entry covers (the longest holiday, 春节, is 8–9 days). */
export const CALENDAR_SPAN_MAX_DAYS = 31;

/**
 * Public holidays (法定节假日) or weekend days worked (调休上班), with the holiday they belong to: one
 * day, or every day from `day` to `to` (the service keeps the weekdays of a holiday span and the
 * weekend days of a worked one).
 */
export const calendarDaySchema = z
  .object({
    day: dateField({ message: 'calendar.errors.day' }),
    to: optional(dateField({ message: 'calendar.errors.day' })).prefault(''),
    kind: z.enum(CALENDAR_DAY_KINDS, 'calendar.errors.kind'),
    name: requiredText(CALENDAR_NAME_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.to === null) return;
    if (v.to < v.day) ctx.addIssue({ code: 'custom', path: ['to'], message: 'calendar.errors.range_order' });
    else if (calendarDaysBetween(v.day, v.to) >= CALENDAR_SPAN_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'calendar.errors.range_long' });
  })
  .transform((v) => ({ ...v, to: v.to ?? v.day }));
export type CalendarDayInput = z.output<typeof calendarDaySchema>;

/** The day to take off the calendar. */
export const calendarDayRemoveSchema = z.object({ day: dateField({ message: 'calendar.errors.day' }) });

/** The year /admin/calendar lists (the current one when absent or not a year). */
export const calendarYearSchema = z.object({ year: intField(2000, 2100).optional().catch(undefined) });
