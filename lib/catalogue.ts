// Reads catalogue filters from URL parameters, resolving the park code; shared by the page and
// the API so both answer the same parameters the same way.
import type { Db } from '../db/client';
import { findParkIdByCode, searchCatalogue } from '../db/queries/products';
import { AppError } from './errors';
import { catalogueQuerySchema, paramsToObject, type CatalogueQuery } from './validation/catalogue';

export type CatalogueParse = { ok: true; query: CatalogueQuery } | { ok: false; param: string; messageKey: string };

export function parseCatalogueParams(params: URLSearchParams | Record<string, string | string[] | undefined>): CatalogueParse {
  const r = catalogueQuerySchema.safeParse(paramsToObject(params));
  if (r.success) return { ok: true, query: r.data };
  const issue = r.error.issues[0];
  return { ok: false, param: String(issue.path[0] ?? ''), messageKey: issue.message };
}

export async function runCatalogue(db: Db, query: CatalogueQuery) {
  let parkId: number | null = null;
  if (query.park) {
    parkId = await findParkIdByCode(db, query.park);
    if (parkId === null) throw new AppError('invalid', 'unknown_park', { param: 'park' });
  }
  const { items, total } = await searchCatalogue(db, query, parkId);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
