// The option lists of the dashboard's filters and of its exports' file names.
import type { Db } from '../../db/client';
import { listActiveInstitutionOptions } from '../../db/queries/institutions';
import { listParks } from '../../db/queries/parks';
import { productCategories } from '../products/categories';

/** The parks, the product categories, and (unless not wanted) the active institutions to filter by. */
export async function filterLists(db: Db, o: { institutions: boolean } = { institutions: true }) {
  const [parks, institutions, categories] = await Promise.all([
    listParks(db),
    o.institutions ? listActiveInstitutionOptions(db) : Promise.resolve([]),
    productCategories(db),
  ]);
  return { parks, institutions, categories };
}
