'use client';
// Enters one day of the zone's calendar: a weekday off (法定节假日) or a weekend day worked (调休上班).
import { useRouter } from 'next/navigation';
import { removeCalendarDayAction, setCalendarDayAction } from '@/app/admin/calendar/actions';
import { CALENDAR_DAY_KINDS, CALENDAR_NAME_MAX, calendarDaySchema } from '@/lib/validation/calendar';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function CalendarDayForm({ year }: { year: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(calendarDaySchema, setCalendarDayAction, {
    defaultValues: { day: '', to: '', kind: 'holiday', name: '' },
    onSuccess: (data) => {
      // Days of another year than the one shown: show that year, where they now are.
      const entered = Number(data.days[0].slice(0, 4));
      if (entered !== year) router.push(`/admin/calendar?year=${entered}`);
      else router.refresh();
      form.reset({ day: '', to: '', kind: form.getValues('kind'), name: form.getValues('name') });
      return data.days.length === 1
        ? t('calendar.added', { day: data.days[0] })
        : t('calendar.addedDays', { n: data.days.length, days: data.days.join(t('app.listSeparator')) });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="calendar-add">
      <h2 id="calendar-add" className="font-semibold">
        {t('calendar.addTitle')}
      </h2>
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <div className="grid gap-3 sm:grid-cols-4">
        <Field id="calendar-day" label={t('calendar.day')} error={fieldError('day')}>
          <input type="date" className={inputClass} {...form.register('day')} />
        </Field>
        <Field id="calendar-to" label={t('calendar.to')} hint={t('calendar.toHint')} error={fieldError('to')}>
          <input type="date" className={inputClass} {...form.register('to')} />
        </Field>
        <Field id="calendar-kind" label={t('calendar.kind')} error={fieldError('kind')}>
          <select className={inputClass} {...form.register('kind')}>
            {CALENDAR_DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`calendar.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="calendar-name" label={t('calendar.name')} hint={t('calendar.nameHint')} error={fieldError('name')}>
          <input className={inputClass} maxLength={CALENDAR_NAME_MAX} {...form.register('name')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('calendar.add')}
      </button>
    </form>
  );
}

export function RemoveCalendarDayButton({ day }: { day: string }) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={t('calendar.remove')}
      ariaLabel={t('calendar.removeLabel', { day })}
      confirm={t('calendar.removeConfirm', { day })}
      // The row goes with the day: keyboard and screen-reader users continue from the page's heading.
      focusAfter="calendar-title"
      run={() => removeCalendarDayAction({ day })}
    />
  );
}
