import { Pager } from '@/components/ui/pager';
import { CatalogueFilters } from '@/components/products/catalogue-filters';
import { ProductCard } from '@/components/products/product-card';
import { buttonClass } from '@/components/ui/field';
import { catalogueOptions, parseCatalogueParams, runCatalogue } from '@/lib/products/catalogue';
import { categoryNamer, categoryOptions } from '@/lib/products/categories';
import { withoutRefusedParams } from '@/lib/core/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { withReadDb } from '@/lib/server/read-db';
import { paramProblem } from '@/lib/i18n/translate';
import { catalogueQuerySchema, catalogueQueryToParams, paramsToObject } from '@/lib/validation/catalogue';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('products');

/** The catalogue's URL parameters and their filters' labels (components/products/catalogue-filters.tsx). */
const CATALOGUE_LABELS: Record<string, string> = {
  q: 'product.search',
  category: 'product.category',
  institution: 'product.institution',
  amount: 'product.amountNeeded',
  term: 'product.termNeeded',
  maxRate: 'product.maxRate',
  guarantee: 'product.guarantee',
  park: 'product.park',
  sort: 'product.sort',
  exclusive: 'product.exclusiveOnly',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const parsed = parseCatalogueParams(raw);
  let problem: string | undefined = parsed.ok ? undefined : paramProblem(t, CATALOGUE_LABELS, parsed.param, parsed.messageKey);
  const query = parsed.ok ? parsed.query : catalogueQuerySchema.parse({});
  // An unknown park or category code: said, and the catalogue shown without that filter (each in turn).
  const { result } = await withoutRefusedParams(
    query,
    (q) => withReadDb((db) => runCatalogue(db, q)),
    (param, key) => {
      const said = paramProblem(t, CATALOGUE_LABELS, param, key);
      problem = problem ? `${problem} ${said}` : said;
    },
  );
  const { institutions, parks, categories } = await withReadDb((db) => catalogueOptions(db));
  const categoryLabel = categoryNamer(categories, locale);
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const pageLink = (page: number) => `/products?${catalogueQueryToParams({ ...query, page })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('product.catalogueTitle')}</h1>
        <p className="text-slate-700">{t('product.catalogueLead')}</p>
      </div>
      <CatalogueFilters
        values={paramsToObject(raw)}
        institutions={institutions}
        parks={parks.map((p) => ({ code: p.code, name: localName(p, locale) }))}
        categories={categoryOptions(categories, locale)}
      />
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-slate-700" data-testid="result-count">
          {t('product.results', { total: result.total })}
        </p>
        <form id="compare-form" action="/products/compare" method="get">
          <button type="submit" className={buttonClass}>
            {t('product.compareButton')}
          </button>
        </form>
      </div>
      {result.items.length === 0 ? (
        <p className="text-slate-700">{t('product.noResults')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3" data-testid="catalogue-grid">
          {result.items.map((p) => (
            // min-w-0: a long name or summary wraps inside its column instead of widening it.
            <li key={p.id} className="flex min-w-0">
              <ProductCard
                p={{ ...p, effectiveRateMinBp: Number(p.effectiveRateMinBp), effectiveRateMaxBp: Number(p.effectiveRateMaxBp) }}
                t={t}
                categoryLabel={categoryLabel(p.category)}
                compareName="ids"
              />
            </li>
          ))}
        </ul>
      )}
      <Pager t={t} page={query.page} pages={pages} href={pageLink} />
    </div>
  );
}
