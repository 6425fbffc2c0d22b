// Reads catalogue filters from URL parameters, resolving the park code; shared by the page and
// the API so both answer the same parameters the same way.
import type { Db } from '../../db/client';
import { listActiveInstitutionOptions } from '../../db/queries/institutions';
import { listParks } from '../../db/queries/parks';
import { findParkIdByCode, getPublishedProduct, searchCatalogue } from '../../db/queries/products';
import { responseTimesNow } from '../institutions/response-times';
import { AppError } from '../core/errors';
import { knownCategory, productCategories } from './categories';
import { publicRead } from './public-cache';
import { catalogueQuerySchema, paramsToObject, type CatalogueQuery } from '../validation/catalogue';

export type CatalogueParse = { ok: true; query: CatalogueQuery } | { ok: false; param: string; messageKey: string };

export function parseCatalogueParams(params: URLSearchParams | Record<string, string | string[] | undefined>): CatalogueParse {
  const r = catalogueQuerySchema.safeParse(paramsToObject(params));
  if (r.success) return { ok: true, query: r.data };
  const issue = r.error.issues[0];
  return { ok: false, param: String(issue.path[0] ?? ''), messageKey: issue.message };
}

/** One page of the published catalogue (cached per catalogue version, lib/products/public-cache.ts). */
export async function runCatalogue(db: Db, query: CatalogueQuery) {
  if (query.category) await knownCategory(db, query.category);
  return publicRead(db, `catalogue:${JSON.stringify(query)}`, async () => {
    let parkId: number | null = null;
    if (query.park) {
      parkId = await findParkIdByCode(db, query.park);
      if (parkId === null) throw new AppError('invalid', 'unknown_park', { param: 'park' });
    }
    const { items, total } = await searchCatalogue(db, query, parkId);
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

/** The catalogue's filter options: active institutions, the parks and the product categories. */
export function catalogueOptions(db: Db) {
  return publicRead(db, 'catalogue-options', async () => {
    const [institutions, parks, categories] = await Promise.all([listActiveInstitutionOptions(db), listParks(db), productCategories(db)]);
    return { institutions, parks, categories };
  });
}

/**
 * A published product with what its public page shows: the parks (for names and codes) and its
 * institution's response times. Null when unknown or not published.
 */
export function publicProduct(db: Db, id: string) {
  return publicRead(db, `product:${id}`, async () => {
    const row = await getPublishedProduct(db, id);
    if (!row) return null;
    const [parks, responseTime] = await Promise.all([
      publicRead(db, 'parks', () => listParks(db)),
      responseTimesNow(db).then((all) => all.get(row.product.institutionId) ?? null),
    ]);
    return { row, parks, responseTime };
  });
}
