// URLs of the dashboard, its drill-down lists and its exports, carrying the current filters.
import type { FigureBreakdown, FigureList, FigureListVariant } from '@/lib/validation/figures';
import type { Linker } from './tables';

export interface FilterParams {
  from: string;
  to: string;
  park?: string | null;
  institution?: string | null;
  category?: string | null;
}

export function filterParams(f: FilterParams, over: Partial<Record<keyof FilterParams, string | undefined>> = {}): URLSearchParams {
  const p = new URLSearchParams();
  const merged = { ...f, ...over };
  for (const k of ['from', 'to', 'park', 'institution', 'category'] as const) {
    const v = merged[k];
    if (v) p.set(k, v);
  }
  return p;
}

export function dashboardHref(f: FilterParams, breakdown?: FigureBreakdown): string {
  const p = filterParams(f);
  if (breakdown && breakdown !== 'month') p.set('breakdown', breakdown);
  return `/admin/dashboard?${p}`;
}

export function listLinker(f: FilterParams): Linker {
  return (list: FigureList, opts = {}) => {
    const p = filterParams(f, opts.narrow);
    if (opts.variant) p.set('variant', opts.variant);
    if (opts.scheme) p.set('scheme', opts.scheme);
    return `/admin/dashboard/list/${list}?${p}`;
  };
}

export function exportHref(
  f: FilterParams,
  table: string,
  format: 'csv' | 'xlsx',
  extra: { breakdown?: FigureBreakdown; variant?: FigureListVariant; scheme?: string; month?: string } = {},
): string {
  const p = filterParams(f);
  p.set('table', table);
  p.set('format', format);
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return `/admin/dashboard/export?${p}`;
}

/** This view's URL query with `extra` set: the link to the same dashboard, one parameter changed. */
export function sameViewQuery(raw: Record<string, string | string[] | undefined>, extra: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && !(k in extra)) q.set(k, v);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `?${q}`;
}
