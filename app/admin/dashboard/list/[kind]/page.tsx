import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/figures/data-table';
import { dashboardHref, exportHref, filterParams } from '@/lib/figures/links';
import { listTable } from '@/lib/figures/tables';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { figureList, type ListPage } from '@/lib/figures/service';
import { getLocale, getT } from '@/lib/i18n/server';
import { paramProblem } from '@/lib/i18n/translate';
import { withFiguresDb } from '@/lib/server/read-db';
import { FIGURE_LISTS, figureListQuerySchema, type FigureList } from '@/lib/validation/figures';
import { describeFilters, FILTER_LABELS, filterOptions, readFilters, type SearchParams } from '../../shared';
import { ExportLink } from '@/components/ui/export-link';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('dashboardList');

export default async function FigureListPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: SearchParams }) {
  const { kind } = await params;
  if (!(FIGURE_LISTS as readonly string[]).includes(kind)) notFound();
  const list = kind as FigureList;
  await requirePageActor(['admin'], `/admin/dashboard/list/${list}`);
  const [t, locale, raw] = await Promise.all([getT(), getLocale(), searchParams]);
  // The heavy reads: on the read replica when there is one (lib/server/read-db.ts).
  const { query, filter, problems, options, page } = await withFiguresDb(async (db) => {
    const { query, filter, problems } = await readFilters(db, t, figureListQuerySchema, raw);
    const options = await filterOptions(db, locale);
    let page: ListPage;
    try {
      page = await figureList(db, list, filter, { variant: query.variant, scheme: query.scheme, page: query.page, pageSize: query.pageSize });
    } catch (e) {
      if (!isAppError(e)) throw e;
      problems.push(paramProblem(t, FILTER_LABELS, String(e.details?.param ?? ''), e.messageKey));
      page = await figureList(db, list, filter, { page: query.page, pageSize: query.pageSize });
    }
    return { query, filter, problems, options, page };
  });
  const base = { from: filter.from, to: filter.to, park: filter.parkCode, institution: filter.institutionId, category: filter.category };
  const variant = problems.length ? undefined : query.variant;
  const scheme = problems.length ? undefined : query.scheme;
  const names = {
    park: (id: number) => options.parks.find((p) => p.id === id)?.name ?? String(id),
    category: (code: string) => options.categories.find((c) => c.code === code)?.name ?? code,
  };
  const pages = Math.max(1, Math.ceil(page.total / query.pageSize));
  const pageHref = (p: number) => {
    const ps = filterParams(base);
    if (variant) ps.set('variant', variant);
    if (scheme) ps.set('scheme', scheme);
    if (p > 1) ps.set('page', String(p));
    if (query.pageSize !== 20) ps.set('pageSize', String(query.pageSize));
    return `/admin/dashboard/list/${list}?${ps}`;
  };
  const title = [
    t(`figures.lists.titles.${list}`),
    variant ? t(`figures.lists.variants.${variant}`) : null,
    scheme ? t('figures.lists.scheme', { code: scheme }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const scope = describeFilters(filter, options);
  const exportLink = (format: 'csv' | 'xlsx') => exportHref(base, list, format, { variant, scheme });
  const isCurrent = list === 'institutions' || list === 'products' || list === 'enterprises' || list === 'stale';

  return (
    <div className="space-y-6">
      <p>
        <Link href={dashboardHref(base)} className="text-brand-700 underline">
          ← {t('figures.lists.back')}
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-slate-700" data-testid="list-scope">
          {isCurrent ? null : t('figures.period', { from: filter.from, to: filter.to })}
          {scope && (isCurrent ? scope : ` · ${scope}`)}
        </p>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" data-testid="list-total">
          {t('figures.lists.total', { total: page.total })}
        </p>
        <p className="flex items-center gap-3 text-sm">
          <span>{t('figures.exports.list')}</span>
          <ExportLink href={exportLink('csv')} testId="list-export-csv">
            {t('figures.exports.csv')}
          </ExportLink>
          <ExportLink href={exportLink('xlsx')} testId="list-export-xlsx">
            {t('figures.exports.xlsx')}
          </ExportLink>
        </p>
      </div>
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t('figures.lists.empty')}</p>
      ) : (
        <DataTable spec={listTable(t, page, names)} caption={title} testId="list-table" />
      )}
      {pages > 1 && (
        <nav aria-label={t('figures.lists.page', { page: query.page, pages })} className="flex items-center justify-center gap-4">
          {query.page > 1 ? (
            <Link href={pageHref(Math.min(query.page - 1, pages))} rel="prev" className="text-brand-700 underline">
              {t('figures.lists.prev')}
            </Link>
          ) : (
            <span className="text-slate-600">{t('figures.lists.prev')}</span>
          )}
          <span>{t('figures.lists.page', { page: query.page, pages })}</span>
          {query.page < pages ? (
            <Link href={pageHref(query.page + 1)} rel="next" className="text-brand-700 underline">
              {t('figures.lists.next')}
            </Link>
          ) : (
            <span className="text-slate-600">{t('figures.lists.next')}</span>
          )}
        </nav>
      )}
    </div>
  );
}
