import Link from 'next/link';
import { CalendarDayForm, RemoveCalendarDayButton } from '@/components/admin/calendar-day-form';
import { HeadRow } from '@/components/ui/head-row';
import { TableBox } from '@/components/ui/table-box';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { calendarYear } from '@/lib/calendar/service';
import { zoneDay } from '@/lib/core/dates';
import { pageTitle } from '@/lib/i18n/page-title';
import { getLocale, getT } from '@/lib/i18n/server';
import { paramsToObject } from '@/lib/validation/catalogue';
import { calendarYearSchema } from '@/lib/validation/calendar';

export const generateMetadata = pageTitle('calendar');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The zone's calendar, a year at a time: the days entered, each removable, and the form to enter one. */
export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['admin'], '/admin/calendar');
  const [t, locale, db, raw] = await Promise.all([getT(), getLocale(), getDb(), searchParams]);
  const year = calendarYearSchema.parse(paramsToObject(raw)).year ?? Number(zoneDay().slice(0, 4));
  const days = await calendarYear(db, actor, year);
  const weekday = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  const td = 'px-3 py-2';
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 id="calendar-title" tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          {t('calendar.title')}
        </h1>
        <p className="max-w-3xl text-slate-700">{t('calendar.lead')}</p>
      </div>
      <nav aria-label={t('calendar.year')} className="flex items-center gap-4 text-sm">
        <Link href={`/admin/calendar?year=${year - 1}`} className="text-brand-700 underline">
          {t('calendar.prevYear')}
        </Link>
        <span className="text-lg font-semibold" data-testid="calendar-year">
          {year}
        </span>
        <Link href={`/admin/calendar?year=${year + 1}`} className="text-brand-700 underline">
          {t('calendar.nextYear')}
        </Link>
      </nav>
      {days.length === 0 ? (
        <p className="text-slate-700" data-testid="calendar-none">
          {t('calendar.none', { year })}
        </p>
      ) : (
        <TableBox label={t('calendar.title')} className="bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100">
              <HeadRow labels={[t('calendar.day'), t('calendar.weekday'), t('calendar.kind'), t('calendar.name'), t('calendar.actions')]} />
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-slate-200" data-testid="calendar-row">
                  <th scope="row" className={`${td} text-left font-mono font-normal`}>
                    {d.day}
                  </th>
                  <td className={td}>{weekday.format(new Date(`${d.day}T00:00:00Z`))}</td>
                  <td className={td}>{t(`calendar.kinds.${d.kind}`)}</td>
                  <td className={td}>{d.name}</td>
                  <td className={td}>
                    <RemoveCalendarDayButton day={d.day} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <CalendarDayForm year={year} />
    </div>
  );
}
