// Previous / next links for an admin list; the page builds each page's URL with its filters.
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';

export function AdminPager({ t, page, total, pageSize, href, label }: { t: Translate; page: number; total: number; pageSize: number; href: (page: number) => string; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page === 1) return null;
  const text = t('oversight.page', { page, pages });
  return (
    <nav aria-label={`${label}：${text}`} className="flex items-center justify-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} rel="prev" className="text-brand-700 underline">
          {t('oversight.prev')}
        </Link>
      ) : (
        <span className="text-slate-500">{t('oversight.prev')}</span>
      )}
      <span>{text}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className="text-brand-700 underline">
          {t('oversight.next')}
        </Link>
      ) : (
        <span className="text-slate-500">{t('oversight.next')}</span>
      )}
    </nav>
  );
}

/** A query string of the non-empty values, for links that keep the filters. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return p.size ? `?${p}` : '';
}
