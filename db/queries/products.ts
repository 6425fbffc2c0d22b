import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { APPLICATION_STATES, INSTITUTION_STATES, RATE_TYPES, WAITING_STATES, type GUARANTEE_METHODS } from '../enums';
import { sqlList, sqlValue } from '../sql-enums';
import { applications, institutions, parks, productCategories, products, riskSchemes } from '../schema';

/** The 1-year LPR in force today (Asia/Shanghai), as SQL, for LPR + spread pricing. */
const currentLprBp = sql<number>`(select ${sql.raw('one_year_bp')} from lpr_rates where effective_on <= (now() at time zone 'Asia/Shanghai')::date order by effective_on desc limit 1)`;
const LPR_SPREAD = sqlValue(RATE_TYPES, 'lpr_spread');
const effectiveRateMin = sql<number>`(case when ${products.rateType} = ${LPR_SPREAD} then ${products.rateMinBp} + coalesce(${currentLprBp}, 0) else ${products.rateMinBp} end)`;
const effectiveRateMax = sql<number>`(case when ${products.rateType} = ${LPR_SPREAD} then ${products.rateMaxBp} + coalesce(${currentLprBp}, 0) else ${products.rateMaxBp} end)`;

/** Only active institutions publish: a suspended institution's products leave the catalogue. */
const fromActiveInstitution = sql`exists (select 1 from ${institutions} i where i.id = "products"."institution_id" and i.status = ${sqlValue(INSTITUTION_STATES, 'active')})`;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every filter of the catalogue as SQL over published products. */
/** The catalogue's filters, parsed (lib/validation/catalogue.ts's catalogueQuerySchema gives them). */
export interface CatalogueFilter {
  category?: string;
  institution?: string;
  amount?: bigint;
  term?: number;
  guarantee?: (typeof GUARANTEE_METHODS)[number];
  exclusive?: boolean;
  maxRate?: number;
  park?: string;
  q?: string;
  /** lib/validation/catalogue.ts's CATALOGUE_SORTS; the compiler catches a sort added there only. */
  sort: 'newest' | 'rate' | 'amount';
  page: number;
  pageSize: number;
}

function catalogueWhere(q: CatalogueFilter, parkId: number | null): SQL {
  const where: (SQL | undefined)[] = [eq(products.status, 'published'), fromActiveInstitution];
  if (q.category) where.push(eq(products.category, q.category));
  if (q.institution) where.push(eq(products.institutionId, q.institution));
  if (q.amount !== undefined) where.push(sql`${products.amountMinFen} <= ${q.amount} and ${products.amountMaxFen} >= ${q.amount}`);
  if (q.term !== undefined) where.push(sql`${products.termMinMonths} <= ${q.term} and ${products.termMaxMonths} >= ${q.term}`);
  if (q.guarantee) where.push(sql`${products.guaranteeMethods} @> array[${q.guarantee}]::guarantee_method[]`);
  if (q.exclusive) where.push(eq(products.zoneExclusive, true));
  if (q.maxRate !== undefined) where.push(sql`${effectiveRateMin} <= ${q.maxRate}`);
  // Two index-backed arms: products open to every park, and those naming this one.
  if (parkId !== null) where.push(sql`(cardinality(${products.eligibleParkIds}) = 0 or ${products.eligibleParkIds} @> array[${parkId}::int])`);
  for (const term of (q.q ?? '').split(/\s+/).filter(Boolean)) {
    where.push(sql`${products.searchGrams} @> krt_query_grams(${term})`);
    where.push(sql`(${products.name} || ' ' || ${products.summary} || ' ' || ${products.description}) ilike ${likePattern(term)}`);
  }
  return and(...where) as SQL;
}

export const productCardColumns = {
  id: products.id,
  name: products.name,
  category: products.category,
  summary: products.summary,
  institutionId: products.institutionId,
  institutionName: institutions.name,
  amountMinFen: products.amountMinFen,
  amountMaxFen: products.amountMaxFen,
  termMinMonths: products.termMinMonths,
  termMaxMonths: products.termMaxMonths,
  rateType: products.rateType,
  rateMinBp: products.rateMinBp,
  rateMaxBp: products.rateMaxBp,
  effectiveRateMinBp: effectiveRateMin,
  effectiveRateMaxBp: effectiveRateMax,
  feeBp: products.feeBp,
  subsidyBp: products.subsidyBp,
  guaranteeMethods: products.guaranteeMethods,
  repaymentMethods: products.repaymentMethods,
  zoneExclusive: products.zoneExclusive,
  publishedAt: products.publishedAt,
};

export async function findParkIdByCode(db: Db, code: string): Promise<number | null> {
  const [p] = await db.select({ id: parks.id }).from(parks).where(eq(parks.code, code)).limit(1);
  return p?.id ?? null;
}

/** How many of these (distinct) ids name a park. */
export async function countExistingParks(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [r] = await db.select({ n: count() }).from(parks).where(inArray(parks.id, ids));
  return Number(r.n);
}

/** One page of the published catalogue and the exact total; never loads the table. */
export async function searchCatalogue(db: Db, q: CatalogueFilter, parkId: number | null) {
  const where = catalogueWhere(q, parkId);
  const order =
    q.sort === 'rate'
      ? [asc(effectiveRateMin), asc(products.id)]
      : q.sort === 'amount'
        ? [desc(products.amountMaxFen), asc(products.id)]
        : [desc(products.publishedAt), asc(products.id)];
  const [items, [{ total }]] = await Promise.all([
    db
      .select(productCardColumns)
      .from(products)
      .innerJoin(institutions, eq(institutions.id, products.institutionId))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(products).where(where),
  ]);
  return { items, total: Number(total) };
}

/** A published product of an active institution, for the public product page, the API and applying, with whether its category pledges IP assets and its scheme's name. */
export async function getPublishedProduct(db: Db, id: string) {
  const [row] = await db
    .select({
      ...productCardColumns,
      product: products,
      institutionKind: institutions.kind,
      pledgesIp: productCategories.pledgesIp,
      schemeName: riskSchemes.name,
    })
    .from(products)
    .innerJoin(institutions, eq(institutions.id, products.institutionId))
    .innerJoin(productCategories, eq(productCategories.code, products.category))
    .leftJoin(riskSchemes, eq(riskSchemes.id, products.schemeId))
    .where(and(eq(products.id, id), eq(products.status, 'published'), eq(institutions.status, 'active')))
    .limit(1);
  return row ?? null;
}

export async function getPublishedProducts(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...productCardColumns, product: products })
    .from(products)
    .innerJoin(institutions, eq(institutions.id, products.institutionId))
    .where(
      and(
        sql`${products.id} in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
        eq(products.status, 'published'),
        eq(institutions.status, 'active'),
      ),
    );
}

export async function getProduct(db: Db, id: string) {
  const [p] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return p ?? null;
}

export async function insertProduct(db: Db, values: typeof products.$inferInsert) {
  const [p] = await db.insert(products).values(values).returning();
  return p;
}

export async function lockProduct(db: Db, id: string) {
  const [p] = await db.select().from(products).where(eq(products.id, id)).for('update');
  return p ?? null;
}

export async function updateProductRow(db: Db, id: string, values: Partial<typeof products.$inferInsert>) {
  const [p] = await db
    .update(products)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(products.id, id))
    .returning();
  return p;
}

/** An institution's own products with applications received and approvals. */
export async function listInstitutionProducts(db: Db, institutionId: string, page: { limit: number; offset: number }) {
  const received = sql<number>`(select count(*)::int from ${applications} a where a.product_id = "products"."id")`;
  const approved = sql<number>`(select count(*)::int from ${applications} a where a.product_id = "products"."id" and a.status in ${sqlList(APPLICATION_STATES, ['approved', 'disbursed'])})`;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: products.id,
        name: products.name,
        category: products.category,
        status: products.status,
        amountMinFen: products.amountMinFen,
        amountMaxFen: products.amountMaxFen,
        rateType: products.rateType,
        rateMinBp: products.rateMinBp,
        rateMaxBp: products.rateMaxBp,
        zoneExclusive: products.zoneExclusive,
        updatedAt: products.updatedAt,
        applicationsReceived: received,
        applicationsApproved: approved,
      })
      .from(products)
      .where(eq(products.institutionId, institutionId))
      .orderBy(desc(products.updatedAt), asc(products.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(products).where(eq(products.institutionId, institutionId)),
  ]);
  return { items, total: Number(total) };
}

/** How many of the product's applications are still being handled (submitted to approved, not yet disbursed). */
export async function liveApplicationsOfProduct(db: Db, productId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.productId, productId), sql`${applications.status} in ${sqlList(APPLICATION_STATES, WAITING_STATES)}`));
  return Number(r?.n ?? 0);
}
