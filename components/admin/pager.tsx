// Previous / next links for an admin list; the page builds each page's URL with its filters.
import { Pager, pageCount } from '../ui/pager';
import type { Translate } from '@/lib/i18n/translate';

export function AdminPager({
  t,
  page,
  total,
  pageSize,
  href,
  label,
}: {
  t: Translate;
  page: number;
  total: number;
  pageSize: number;
  href: (page: number) => string;
  label: string;
}) {
  return <Pager t={t} page={page} pages={pageCount(total, pageSize)} href={href} label={label} />;
}

/** A query string of the non-empty values, for links that keep the filters. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return p.size ? `?${p}` : '';
}
