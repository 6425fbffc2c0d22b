// What the dashboard, its lists and its exports share: reading the filters from the URL (an invalid
// one is reported and dropped, the rest of the view still renders) and the option lists.
import type { Db } from '@/db';
import { resolveFilter, type ResolvedFilter } from '@/lib/figures/service';
import { filterLists } from '@/lib/figures/views';
import { zoneDay } from '@/lib/core/dates';
import { withoutRefusedParams } from '@/lib/core/errors';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { paramProblem } from '@/lib/i18n/translate';
import { paramsToObject } from '@/lib/validation/catalogue';
import type { z } from 'zod';
import { localName } from '@/lib/i18n/names';
import { categoryOptions } from '@/lib/products/categories';

/** The dashboard's URL parameters and their filters' labels (components/figures/filters-form.tsx). */
export const FILTER_LABELS: Record<string, string> = {
  from: 'figures.filters.from',
  to: 'figures.filters.to',
  park: 'figures.filters.park',
  institution: 'figures.filters.institution',
  category: 'figures.filters.category',
  breakdown: 'figures.filters.breakdown',
};

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Parses the URL with `schema`; on an invalid parameter drops it (and says which) rather than
 * failing the page, then resolves the period and park.
 */
export async function readFilters<S extends z.ZodType>(db: Db, t: Translate, schema: S, raw: Record<string, string | string[] | undefined>) {
  const input = paramsToObject(raw);
  const problems: string[] = [];
  let parsed = schema.safeParse(input);
  while (!parsed.success && Object.keys(input).length) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? '');
    problems.push(paramProblem(t, FILTER_LABELS, param, issue.message));
    if (!(param in input)) break;
    delete input[param];
    parsed = schema.safeParse(input);
  }
  const query = (parsed.success ? parsed.data : schema.parse({})) as z.output<S>;
  // An unknown park or category code: reported, and the view drawn without it.
  const kept = await withoutRefusedParams(
    query as object,
    (q): Promise<ResolvedFilter> => resolveFilter(db, q as never),
    (param, key) => problems.push(paramProblem(t, FILTER_LABELS, param, key)),
  );
  return { query: kept.query as z.output<S>, filter: kept.result, problems };
}

export async function filterOptions(db: Db, locale: Locale) {
  const { parks, institutions, categories } = await filterLists(db);
  return {
    parks: parks.map((p) => ({ id: p.id, code: p.code, name: localName(p, locale) })),
    institutions,
    categories: categoryOptions(categories, locale),
  };
}

/** This year and the two before, for the quick-period links. */
export function recentYears(now = new Date()): number[] {
  const y = Number(zoneDay(now).slice(0, 4));
  return [y, y - 1, y - 2];
}

/** The filters in words, e.g. "南海园 · 一号银行 · 融担贷". */
export function describeFilters(
  f: ResolvedFilter,
  opts: { parks: { id: number; name: string }[]; institutions: { id: string; name: string }[]; categories: { code: string; name: string }[] },
): string {
  const parts: string[] = [];
  if (f.parkId != null) parts.push(opts.parks.find((p) => p.id === f.parkId)?.name ?? String(f.parkCode));
  if (f.institutionId) parts.push(opts.institutions.find((i) => i.id === f.institutionId)?.name ?? f.institutionId);
  if (f.category) parts.push(opts.categories.find((c) => c.code === f.category)?.name ?? f.category);
  return parts.join(' · ');
}
