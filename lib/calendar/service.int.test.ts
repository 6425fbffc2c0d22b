// The zone's calendar: entered by admins only, audited, and counted by the stale-needs list.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { auditEvents, financingNeeds, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { staleNeedsPage } from '../figures/service';
import { appErrorOf, enterpriseActor, institutionActor } from '../test-fixtures';
import { calendarDaySchema } from '../validation/calendar';
import { calendarYear, loadZoneCalendar, removeCalendarDay, setCalendarDays } from './service';

const entry = (o: { day: string; to?: string; kind: string; name: string }) => calendarDaySchema.parse(o);
const setCalendarDay = (db: DbHandle['db'], actor: Actor, o: { day: string; to?: string; kind: string; name: string }) => setCalendarDays(db, actor, entry(o));

const at = (s: string) => new Date(`${s}+08:00`);
let h: DbHandle;
let sme: Actor;
let bank: Actor;
const admin: Actor = { userId: '', role: 'admin', name: '管理员', email: 'a@x', enterpriseId: null, institutionId: null, memberRole: null };

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '日历测试科技', parkId: p.id, verificationStatus: 'verified' });
  bank = await institutionActor(h.db, { name: '日历测试银行' });
  admin.userId = (await institutionActor(h.db, { name: 'admin holder' })).userId;
});
afterAll(async () => h?.close());

describe('the zone calendar', () => {
  it('is entered by an admin only: weekdays off, weekend days worked, each change audited', async () => {
    expect(await appErrorOf(setCalendarDay(h.db, bank, { day: '2026-10-01', kind: 'holiday', name: '国庆节' }))).toBe('forbidden:forbidden');
    expect(await appErrorOf(setCalendarDay(h.db, sme, { day: '2026-10-01', kind: 'holiday', name: '国庆节' }))).toBe('forbidden:forbidden');
    expect(await appErrorOf(setCalendarDay(h.db, admin, { day: '2026-10-03', kind: 'holiday', name: '国庆节' }))).toBe(
      'invalid:calendar.errors.holiday_weekend',
    );
    expect(await appErrorOf(setCalendarDay(h.db, admin, { day: '2026-10-09', kind: 'workday', name: '国庆节' }))).toBe(
      'invalid:calendar.errors.workday_weekday',
    );
    // 国庆 1–6 October as one span: the weekdays only (3 and 4 October are a weekend).
    expect((await setCalendarDay(h.db, admin, { day: '2026-10-01', to: '2026-10-06', kind: 'holiday', name: '国庆节' })).map((d) => d.day)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
    ]);
    expect(await appErrorOf(setCalendarDay(h.db, admin, { day: '2026-10-03', to: '2026-10-04', kind: 'holiday', name: '国庆节' }))).toBe(
      'invalid:calendar.errors.holiday_weekend',
    );
    expect(calendarDaySchema.safeParse({ day: '2026-10-07', to: '2026-10-01', kind: 'holiday', name: '国庆节' }).error?.issues[0].message).toBe(
      'calendar.errors.range_order',
    );
    expect(calendarDaySchema.safeParse({ day: '2026-01-01', to: '2026-02-01', kind: 'holiday', name: '春节' }).error?.issues[0].message).toBe(
      'calendar.errors.range_long',
    );
    await setCalendarDay(h.db, admin, { day: '2026-10-07', kind: 'holiday', name: '国庆' });
    await setCalendarDay(h.db, admin, { day: '2026-10-07', kind: 'holiday', name: '国庆节' }); // corrected: one row
    await setCalendarDay(h.db, admin, { day: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect((await calendarYear(h.db, admin, 2026)).map((d) => [d.day, d.kind, d.name])).toEqual([
      ['2026-10-01', 'holiday', '国庆节'],
      ['2026-10-02', 'holiday', '国庆节'],
      ['2026-10-05', 'holiday', '国庆节'],
      ['2026-10-06', 'holiday', '国庆节'],
      ['2026-10-07', 'holiday', '国庆节'],
      ['2026-10-10', 'workday', '国庆节'],
    ]);
    expect(await calendarYear(h.db, admin, 2027)).toEqual([]);
    expect(await appErrorOf(calendarYear(h.db, bank, 2026))).toBe('forbidden:forbidden');
    const rows = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, '2026-10-07'));
    expect(rows.map((r) => [r.action, (r.before as { name?: string } | null)?.name ?? null, (r.after as { name: string }).name])).toEqual([
      ['calendar_day.set', null, '国庆'],
      ['calendar_day.set', '国庆', '国庆节'],
    ]);
    const cal = await loadZoneCalendar(h.db);
    expect([cal.holidays.has('2026-10-01'), cal.workdays.has('2026-10-10'), cal.holidays.has('2026-10-10')]).toEqual([true, true, false]);
  });

  it('a need posted before 国庆 is not stale over the holiday, and is once three working days have passed', async () => {
    const [n] = await h.db
      .insert(financingNeeds)
      .values({
        enterpriseId: sme.enterpriseId!,
        amountFen: 300_000_000n,
        termMonths: 12,
        purpose: 'working_capital',
        guaranteeMethods: ['credit'],
        createdAt: at('2026-09-30T10:00:00'),
      })
      .returning();
    const stale = async (now: string) => (await staleNeedsPage(h.db, {}, 1, 20, at(now))).items.find((i) => i.id === n.id);
    // Friday 9 October noon: Monday–Friday alone it has waited 4.1 working days; with the calendar 2.1.
    expect(await stale('2026-10-09T12:00:00')).toBeUndefined();
    // Monday 12 October noon: 30 September (14 h), 8, 9 and the Saturday worked, and the Monday morning: 4.08.
    expect(await stale('2026-10-12T12:00:00')).toMatchObject({ waitingWorkingDays: 4 });

    // Taken off the calendar, the holiday counts as working days again.
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-10']) await removeCalendarDay(h.db, admin, day);
    expect(await stale('2026-10-09T12:00:00')).toMatchObject({ waitingWorkingDays: 7 });
    expect(await appErrorOf(removeCalendarDay(h.db, admin, '2026-10-10'))).toBe('not_found:not_found');
    expect(await appErrorOf(removeCalendarDay(h.db, bank, '2026-10-01'))).toBe('forbidden:forbidden');
    const removed = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar_day.delete'));
    expect(removed).toHaveLength(6);
  });
});
