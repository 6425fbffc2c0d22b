'use client';
// The catalogue's filter form. It writes the same parameters as GET /api/v1/products (fen and
// basis points), so a link to the page reproduces the view and maps one-to-one onto the API.
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { GUARANTEE_METHODS } from '@/lib/core/domain';
import { formatWan, parseRatePercent, parseWan } from '@/lib/core/money';
import { useI18n } from '../i18n-provider';
import { buttonClass, inputClass, secondaryButtonClass } from '../ui/field';

export interface FilterValues {
  category?: string;
  institution?: string;
  amount?: string;
  term?: string;
  guarantee?: string;
  exclusive?: string;
  maxRate?: string;
  park?: string;
  q?: string;
  sort?: string;
}

export function CatalogueFilters({
  values,
  institutions,
  parks,
  categories,
}: {
  values: FilterValues;
  institutions: { id: string; name: string }[];
  parks: { code: string; name: string }[];
  categories: { code: string; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const p = new URLSearchParams();
    const text = (k: string) => String(f.get(k) ?? '').trim();
    for (const k of ['category', 'institution', 'guarantee', 'park', 'q', 'term']) if (text(k)) p.set(k, text(k));
    const amount = parseWan(text('amountWan'));
    if (text('amountWan') && amount !== null && amount > 0n) p.set('amount', amount.toString());
    const rate = parseRatePercent(text('maxRatePct'));
    if (text('maxRatePct') && rate !== null) p.set('maxRate', String(rate));
    if (f.get('exclusive')) p.set('exclusive', 'true');
    if (text('sort') && text('sort') !== 'newest') p.set('sort', text('sort'));
    router.push(`/products${p.size ? `?${p}` : ''}`);
  }

  const amountWan = values.amount && /^\d+$/.test(values.amount) ? formatWan(BigInt(values.amount)).replace(/,/g, '').replace(/\.00$/, '') : '';
  const maxRatePct = values.maxRate && /^\d+$/.test(values.maxRate) ? (Number(values.maxRate) / 100).toFixed(2) : '';
  const label = 'block text-sm font-medium text-slate-800';
  return (
    <form
      onSubmit={onSubmit}
      role="search"
      aria-label={t('product.filters')}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <label htmlFor="f-q" className={label}>
          {t('product.search')}
        </label>
        <input id="f-q" name="q" defaultValue={values.q} placeholder={t('product.searchPlaceholder')} className={inputClass} maxLength={50} />
      </div>
      <div>
        <label htmlFor="f-category" className={label}>
          {t('product.category')}
        </label>
        <select id="f-category" name="category" defaultValue={values.category ?? ''} className={inputClass}>
          <option value="">{t('product.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-institution" className={label}>
          {t('product.institution')}
        </label>
        <select id="f-institution" name="institution" defaultValue={values.institution ?? ''} className={inputClass}>
          <option value="">{t('product.allInstitutions')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-amount" className={label}>
          {t('product.amountNeeded')}
        </label>
        <input id="f-amount" name="amountWan" inputMode="decimal" defaultValue={amountWan} className={inputClass} />
      </div>
      <div>
        <label htmlFor="f-term" className={label}>
          {t('product.termNeeded')}
        </label>
        <input id="f-term" name="term" inputMode="numeric" defaultValue={values.term} className={inputClass} />
      </div>
      <div>
        <label htmlFor="f-rate" className={label}>
          {t('product.maxRate')}
        </label>
        <input id="f-rate" name="maxRatePct" inputMode="decimal" defaultValue={maxRatePct} className={inputClass} />
      </div>
      <div>
        <label htmlFor="f-guarantee" className={label}>
          {t('product.guarantee')}
        </label>
        <select id="f-guarantee" name="guarantee" defaultValue={values.guarantee ?? ''} className={inputClass}>
          <option value="">{t('product.anyGuarantee')}</option>
          {GUARANTEE_METHODS.map((g) => (
            <option key={g} value={g}>
              {t(`guaranteeMethods.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-park" className={label}>
          {t('product.park')}
        </label>
        <select id="f-park" name="park" defaultValue={values.park ?? ''} className={inputClass}>
          <option value="">{t('product.anyPark')}</option>
          {parks.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-sort" className={label}>
          {t('product.sort')}
        </label>
        <select id="f-sort" name="sort" defaultValue={values.sort ?? 'newest'} className={inputClass}>
          <option value="newest">{t('product.sortNewest')}</option>
          <option value="rate">{t('product.sortRate')}</option>
          <option value="amount">{t('product.sortAmount')}</option>
        </select>
      </div>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="exclusive" defaultChecked={values.exclusive === 'true'} />
        {t('product.exclusiveOnly')}
      </label>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2 lg:justify-end">
        <button type="submit" className={buttonClass}>
          {t('product.apply')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => router.push('/products')}>
          {t('product.reset')}
        </button>
      </div>
    </form>
  );
}
