// Previous / next links for any paginated list; the page builds each page's URL with its filters.
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';

export function Pager({ t, page, pages, href, label }: { t: Translate; page: number; pages: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1 && page === 1) return null;
  const text = t('product.page', { page, pages });
  return (
    <nav aria-label={label ? `${label}${t('app.colon')}${text}` : text} className="flex items-center justify-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} rel="prev" className="text-brand-700 underline">
          {t('product.prev')}
        </Link>
      ) : (
        <span className="text-slate-500">{t('product.prev')}</span>
      )}
      <span>{text}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className="text-brand-700 underline">
          {t('product.next')}
        </Link>
      ) : (
        <span className="text-slate-500">{t('product.next')}</span>
      )}
    </nav>
  );
}

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
