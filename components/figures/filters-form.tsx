// The dashboard's filters: a plain GET form, so every view is a link and works without script.
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';
import { FIGURE_BREAKDOWNS, type FigureBreakdown } from '@/lib/validation/figures';
import { buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { dashboardHref, type FilterParams } from '../../lib/figures/links';

export function FiguresFilters({
  t,
  values,
  breakdown,
  parks,
  institutions,
  categories,
  years,
  action = '/admin/dashboard',
  showBreakdown = true,
}: {
  t: Translate;
  values: FilterParams;
  breakdown?: FigureBreakdown;
  parks: { code: string; name: string }[];
  institutions: { id: string; name: string }[];
  categories: { code: string; name: string }[];
  years: number[];
  action?: string;
  showBreakdown?: boolean;
}) {
  const label = 'block text-sm font-medium text-slate-800';
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t('figures.filters.title')}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div>
          <label htmlFor="fig-from" className={label}>
            {t('figures.filters.from')}
          </label>
          <input id="fig-from" name="from" type="date" defaultValue={values.from} className={inputClass} required />
        </div>
        <div>
          <label htmlFor="fig-to" className={label}>
            {t('figures.filters.to')}
          </label>
          <input id="fig-to" name="to" type="date" defaultValue={values.to} className={inputClass} required />
        </div>
        <div>
          <label htmlFor="fig-park" className={label}>
            {t('figures.filters.park')}
          </label>
          <select id="fig-park" name="park" defaultValue={values.park ?? ''} className={inputClass}>
            <option value="">{t('figures.filters.allParks')}</option>
            {parks.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fig-institution" className={label}>
            {t('figures.filters.institution')}
          </label>
          <select id="fig-institution" name="institution" defaultValue={values.institution ?? ''} className={inputClass}>
            <option value="">{t('figures.filters.allInstitutions')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fig-category" className={label}>
            {t('figures.filters.category')}
          </label>
          <select id="fig-category" name="category" defaultValue={values.category ?? ''} className={inputClass}>
            <option value="">{t('figures.filters.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {showBreakdown && (
          <div>
            <label htmlFor="fig-breakdown" className={label}>
              {t('figures.filters.breakdown')}
            </label>
            <select id="fig-breakdown" name="breakdown" defaultValue={breakdown ?? 'month'} className={inputClass}>
              {FIGURE_BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {t(`figures.breakdowns.${b}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass}>
          {t('figures.filters.apply')}
        </button>
        <Link href={action} className={secondaryButtonClass}>
          {t('figures.filters.reset')}
        </Link>
        <span className="text-sm text-slate-600">
          {t('figures.filters.years')}
          {t('app.colon')}
        </span>
        {years.map((y) => (
          <Link key={y} href={dashboardHref({ ...values, from: `${y}-01-01`, to: `${y}-12-31` }, breakdown)} className="text-sm text-brand-700 underline">
            {t('figures.filters.year', { year: y })}
          </Link>
        ))}
      </div>
    </form>
  );
}
