// Product categories are the zone's data (DESIGN §1; migration 0029): their codes, names in both
// languages, order, and whether an application to a product of the category pledges IP assets.
// Pages read them once per catalogue version (a change bumps it, so every instance shows a rename
// within the version's half second); an admin keeps them at /admin/categories, audited.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import {
  deleteProductCategory,
  findProductCategory,
  insertProductCategory,
  listProductCategories,
  listProductCategoriesWithUse,
  productCategoryUse,
  updateProductCategory,
  type ProductCategoryRow,
} from '../../db/queries/product-categories';
import { assertRole, type Actor } from '../auth/actor';
import { AppError, pgConstraint, pgErrorCode } from '../core/errors';
import { localName } from '../i18n/names';
import type { Locale } from '../i18n/translate';
import type { CategoryEditInput, CategoryInput } from '../validation/category';
import { catalogueChanged, publicRead } from './public-cache';

export type { ProductCategoryRow };

/** The categories in display order (cached per catalogue version, lib/products/public-cache.ts). */
export function productCategories(db: Db): Promise<ProductCategoryRow[]> {
  return publicRead(db, 'product-categories', () => listProductCategories(db));
}

type Named = Pick<ProductCategoryRow, 'code' | 'name' | 'nameEn'>;

/** A category's name in the reader's language; the code itself for a code no category has. */
export function categoryName(list: readonly Named[], code: string, locale: Locale): string {
  const c = list.find((x) => x.code === code);
  return c ? localName(c, locale) : code;
}

/** The categories as a select's options, named in the reader's language. */
export function categoryOptions(list: readonly Named[], locale: Locale): { code: string; name: string }[] {
  return list.map((c) => ({ code: c.code, name: localName(c, locale) }));
}

/** `(code) => name` for one page's language, from the categories it loaded. */
export function categoryNamer(list: readonly Named[], locale: Locale): (code: string) => string {
  return (code) => categoryName(list, code, locale);
}

/** The category a filter or a product names, or the error the caller answers (400, `unknown_category`). */
export async function knownCategory(db: Db, code: string, where: { param?: string; field?: string } = { param: 'category' }): Promise<ProductCategoryRow> {
  const c = await categoryOf(db, code);
  if (!c) throw new AppError('invalid', 'unknown_category', where);
  return c;
}

/**
 * The category of a code a product carries (the cached list; a category added since this instance
 * last read it, straight from the table). Null for a code no category has.
 */
async function categoryOf(db: Db, code: string): Promise<ProductCategoryRow | null> {
  return (await productCategories(db)).find((x) => x.code === code) ?? (await findProductCategory(db, code));
}

// ---------------------------------------------------------------- the admin's changes

/**
 * What a constraint says in the admin's words: a name another category has (the unique indexes of
 * migration 0031), or a product saved in the category while it was being deleted (the foreign key).
 */
function constraintError(e: unknown): unknown {
  const constraint = pgConstraint(e) ?? '';
  if (pgErrorCode(e) === '23505' && constraint === 'product_categories_name_uq')
    return new AppError('conflict', 'categories.errors.name_taken', { field: 'name' });
  if (pgErrorCode(e) === '23505' && constraint === 'product_categories_name_en_uq')
    return new AppError('conflict', 'categories.errors.name_taken', { field: 'nameEn' });
  if (pgErrorCode(e) === '23503' && constraint === 'products_category_product_categories_code_fk') return new AppError('conflict', 'categories.errors.in_use');
  return e;
}

/** One admin change: the role checked, one transaction, constraints in the admin's words, the catalogue version read afresh. */
async function categoryChange<T>(db: Db, actor: Actor, work: (t: Db) => Promise<T>): Promise<T> {
  assertRole(actor, 'admin');
  const done = await db
    .transaction((tx) => work(tx as unknown as Db))
    .catch((e) => {
      throw constraintError(e);
    });
  catalogueChanged(db);
  return done;
}

/** Adds a category. Its code and its IP-pledge behaviour are fixed from then on. */
export function addProductCategory(db: Db, actor: Actor, input: CategoryInput, requestId?: string | null) {
  return categoryChange(db, actor, async (t) => {
    const row = await insertProductCategory(t, input);
    if (!row) throw new AppError('conflict', 'categories.errors.code_taken', { field: 'code' });
    await writeAudit(t, { actor, action: 'product_category.create', entity: 'product_category', entityId: row.code, before: null, after: row, requestId });
    return row;
  });
}

/** Renames or reorders a category; every product of it shows the new name. */
export function editProductCategory(db: Db, actor: Actor, input: CategoryEditInput, requestId?: string | null) {
  return categoryChange(db, actor, async (t) => {
    const before = await findProductCategory(t, input.code);
    if (!before) throw new AppError('not_found');
    const after = await updateProductCategory(t, input.code, { name: input.name, nameEn: input.nameEn, sortOrder: input.sortOrder });
    await writeAudit(t, { actor, action: 'product_category.update', entity: 'product_category', entityId: input.code, before, after, requestId });
    return after as ProductCategoryRow;
  });
}

/** Deletes a category no product (of any status) and no scheme names; one in use is refused with the counts. */
export function removeProductCategory(db: Db, actor: Actor, code: string, requestId?: string | null) {
  return categoryChange(db, actor, async (t) => {
    const before = await findProductCategory(t, code);
    if (!before) throw new AppError('not_found');
    const use = await productCategoryUse(t, code);
    if (use.products > 0 || use.schemes > 0) throw new AppError('conflict', 'categories.errors.in_use', { products: use.products, schemes: use.schemes });
    // A product saved in the category meanwhile: the foreign key refuses the delete (constraintError).
    await deleteProductCategory(t, code);
    await writeAudit(t, { actor, action: 'product_category.delete', entity: 'product_category', entityId: code, before, after: null, requestId });
    return before;
  });
}

/** Each category with how many products and schemes name it, for the admin's page. */
export async function categoriesWithUse(db: Db, actor: Actor) {
  assertRole(actor, 'admin');
  return listProductCategoriesWithUse(db);
}
