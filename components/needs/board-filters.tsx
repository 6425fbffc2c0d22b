'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS } from '@/lib/core/domain';
import { fenToWanInput, parseWan } from '@/lib/core/money';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { NEED_PURPOSES } from '@/lib/validation/need';
import { useI18n } from '../i18n-provider';
import { buttonClass, inputClass, secondaryButtonClass } from '../ui/field';

export function BoardFilters({ values, parks }: { values: Record<string, string>; parks: { code: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const p = new URLSearchParams();
    const text = (k: string) => String(f.get(k) ?? '').trim();
    for (const k of ['purpose', 'park', 'industry', 'certification', 'guarantee', 'maxTerm']) if (text(k)) p.set(k, text(k));
    for (const [field, param] of [
      ['minAmountWan', 'minAmount'],
      ['maxAmountWan', 'maxAmount'],
    ] as const) {
      const v = parseWan(text(field));
      if (text(field) && v !== null) p.set(param, v.toString());
    }
    router.push(`/institution/needs${p.size ? `?${p}` : ''}`);
  }
  const wan = (v?: string) => (v && /^\d+$/.test(v) ? fenToWanInput(BigInt(v)) : '');
  const label = 'block text-sm font-medium text-slate-800';
  const select = (id: string, name: string, text: string, any: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={values[name] ?? ''} className={inputClass}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      onSubmit={onSubmit}
      role="search"
      aria-label={t('product.filters')}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      {select(
        'b-purpose',
        'purpose',
        t('needs.purpose'),
        t('needs.board.anyPurpose'),
        NEED_PURPOSES.map((p) => ({ value: p, label: t(`needs.purposes.${p}`) })),
      )}
      <div>
        <label htmlFor="b-min" className={label}>
          {t('needs.board.minAmount')}
        </label>
        <input id="b-min" name="minAmountWan" inputMode="decimal" defaultValue={wan(values.minAmount)} className={inputClass} />
      </div>
      <div>
        <label htmlFor="b-max" className={label}>
          {t('needs.board.maxAmount')}
        </label>
        <input id="b-max" name="maxAmountWan" inputMode="decimal" defaultValue={wan(values.maxAmount)} className={inputClass} />
      </div>
      <div>
        <label htmlFor="b-term" className={label}>
          {t('needs.board.maxTerm')}
        </label>
        <input id="b-term" name="maxTerm" inputMode="numeric" defaultValue={values.maxTerm} className={inputClass} />
      </div>
      {select(
        'b-park',
        'park',
        t('needs.board.park'),
        t('needs.board.anyPark'),
        parks.map((p) => ({ value: p.code, label: p.name })),
      )}
      {select(
        'b-industry',
        'industry',
        t('needs.board.industry'),
        t('needs.board.anyIndustry'),
        INDUSTRY_SECTIONS.map((s) => ({ value: s, label: t(`industries.${s}`) })),
      )}
      {select(
        'b-cert',
        'certification',
        t('needs.board.certification'),
        t('needs.board.anyCertification'),
        CERTIFICATION_KINDS.map((c) => ({ value: c, label: t(`certifications.${c}`) })),
      )}
      {select(
        'b-guarantee',
        'guarantee',
        t('needs.board.guarantee'),
        t('needs.board.anyGuarantee'),
        GUARANTEE_METHODS.map((g) => ({ value: g, label: t(`guaranteeMethods.${g}`) })),
      )}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4 lg:justify-end">
        <button type="submit" className={buttonClass}>
          {t('needs.board.apply')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => router.push('/institution/needs')}>
          {t('needs.board.reset')}
        </button>
      </div>
    </form>
  );
}
