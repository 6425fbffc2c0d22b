// The zone's product categories (migration 0029): data an admin keeps at /admin/categories.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { productCategories, products, riskSchemes } from '../schema';

export type ProductCategoryRow = typeof productCategories.$inferSelect;

/** Every category in display order (a handful; read once per catalogue version, lib/products/categories.ts). */
export function listProductCategories(db: Db): Promise<ProductCategoryRow[]> {
  return db.select().from(productCategories).orderBy(asc(productCategories.sortOrder), asc(productCategories.code));
}

export async function findProductCategory(db: Db, code: string): Promise<ProductCategoryRow | null> {
  const [c] = await db.select().from(productCategories).where(eq(productCategories.code, code)).limit(1);
  return c ?? null;
}

/**
 * The category, its key locked until the transaction ends (FOR KEY SHARE): a product saved in it
 * cannot lose it to a concurrent delete, which waits and is then refused by the foreign key.
 */
export async function keepProductCategory(db: Db, code: string): Promise<ProductCategoryRow | null> {
  const [c] = await db.select().from(productCategories).where(eq(productCategories.code, code)).for('key share').limit(1);
  return c ?? null;
}

/** Adds a category; null when the code is taken. */
export async function insertProductCategory(db: Db, values: typeof productCategories.$inferInsert): Promise<ProductCategoryRow | null> {
  const [c] = await db.insert(productCategories).values(values).onConflictDoNothing({ target: productCategories.code }).returning();
  return c ?? null;
}

/** Renames or reorders a category (its code and IP-pledge behaviour stay). */
export async function updateProductCategory(
  db: Db,
  code: string,
  values: Pick<ProductCategoryRow, 'name' | 'nameEn' | 'sortOrder'>,
): Promise<ProductCategoryRow | null> {
  const [c] = await db.update(productCategories).set(values).where(eq(productCategories.code, code)).returning();
  return c ?? null;
}

/** How many products (any status) and schemes name the category `code` (an SQL value or column). */
function useOf(code: SQL) {
  return {
    products: sql<number>`(select count(*) from ${products} p where p.category = ${code})::int`,
    schemes: sql<number>`(select count(*) from ${riskSchemes} s where ${code} = any(s.eligible_categories))::int`,
  };
}

/** Every category with how many products (any status) and schemes name it, in one statement. */
export function listProductCategoriesWithUse(db: Db) {
  // The outer row's code spelled out: drizzle leaves a one-table query's columns unqualified, and
  // inside the subquery a bare "code" would be the scheme's own.
  const use = useOf(sql`"product_categories"."code"`);
  return db
    .select({ category: productCategories, products: use.products, schemes: use.schemes })
    .from(productCategories)
    .orderBy(asc(productCategories.sortOrder), asc(productCategories.code))
    .then((rows) => rows.map((r) => ({ ...r.category, use: { products: r.products, schemes: r.schemes } })));
}

/** How many products (any status) and schemes name the category. */
export async function productCategoryUse(db: Db, code: string): Promise<{ products: number; schemes: number }> {
  const [r] = await db.select(useOf(sql`${code}`)).from(sql`(select 1) as one`);
  return r;
}

export async function deleteProductCategory(db: Db, code: string): Promise<ProductCategoryRow | null> {
  const [c] = await db.delete(productCategories).where(eq(productCategories.code, code)).returning();
  return c ?? null;
}
