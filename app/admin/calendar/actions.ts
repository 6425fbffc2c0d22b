'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { requestId } from '@/lib/auth/session';
import { removeCalendarDay, setCalendarDays } from '@/lib/calendar/service';
import { actorAction } from '@/lib/server/actions';
import { calendarDayRemoveSchema, calendarDaySchema } from '@/lib/validation/calendar';

export const setCalendarDayAction = actorAction(['admin'], calendarDaySchema, async (actor, input) => {
  const days = await setCalendarDays(await getDb(), actor, input, await requestId());
  revalidatePath('/admin/calendar');
  return { days: days.map((d) => d.day) };
});

export const removeCalendarDayAction = actorAction(['admin'], calendarDayRemoveSchema, async (actor, input) => {
  await removeCalendarDay(await getDb(), actor, input.day, await requestId());
  revalidatePath('/admin/calendar');
  return { day: input.day };
});
