// Product categories are the zone's data (DESIGN §1): the Foshan seven from migration 0029, and an
// admin's own, used by products, filters and applications exactly as the built-in ones are.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { auditEvents, parks, productCategories as categoriesTable, products, riskSchemes } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { submitApplication } from '../applications/service';
import type { Actor } from '../auth/actor';
import { resolveFilter } from '../figures/service';
import { appErrorOf, enterpriseActor, institutionActor, PRODUCT_FORM, publishedProduct } from '../test-fixtures';
import { applicationFormSchema } from '../validation/application';
import { categorySchema } from '../validation/category';
import { productFormSchema } from '../validation/product';
import { catalogueQuerySchema } from '../validation/catalogue';
import { runCatalogue } from './catalogue';
import { addProductCategory, categoriesWithUse, categoryName, editProductCategory, productCategories, removeProductCategory } from './categories';
import { createProduct } from './service';

let h: DbHandle;
let sme: Actor;
let bank: Actor;
const admin: Actor = { userId: '', role: 'admin', name: '管理员', email: 'a@x', enterpriseId: null, institutionId: null, memberRole: null };

const green = (over: Record<string, unknown> = {}) =>
  categorySchema.parse({ code: 'green', name: '绿色贷', nameEn: 'Green loan', sortOrder: '80', pledgesIp: false, ...over });

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '类别测试科技', parkId: p.id, verificationStatus: 'verified' });
  bank = await institutionActor(h.db, { name: '类别测试银行' });
  admin.userId = (await institutionActor(h.db, { name: 'admin holder' })).userId;
});
afterAll(async () => h?.close());

describe('product categories', () => {
  it('start as the Foshan zone’s seven, in order, with only 知识产权质押贷 pledging IP', async () => {
    const list = await productCategories(h.db);
    expect(list.map((c) => c.code)).toEqual(['points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit', 'other']);
    expect(list.filter((c) => c.pledgesIp).map((c) => c.code)).toEqual(['ip_pledge']);
    expect(categoryName(list, 'guarantee', 'zh')).toBe('融担贷');
    expect(categoryName(list, 'guarantee', 'en')).toBe('Guarantee-fund loan');
  });

  it('are added by an admin only, audited; a taken code or a malformed one is refused', async () => {
    expect(await appErrorOf(addProductCategory(h.db, bank, green()))).toBe('forbidden:forbidden');
    expect(await appErrorOf(addProductCategory(h.db, sme, green()))).toBe('forbidden:forbidden');
    expect(categorySchema.safeParse({ code: 'Green-Loan', name: '绿色贷', nameEn: 'Green', sortOrder: '1', pledgesIp: false }).error?.issues[0].message).toBe(
      'categories.errors.code',
    );
    const added = await addProductCategory(h.db, admin, green());
    expect(added).toMatchObject({ code: 'green', name: '绿色贷', pledgesIp: false, sortOrder: 80 });
    expect(await appErrorOf(addProductCategory(h.db, admin, green({ name: '另一个' })))).toBe('conflict:categories.errors.code_taken');
    // Two categories of one name would be two identical options in every list.
    expect(await appErrorOf(addProductCategory(h.db, admin, green({ code: 'green2', nameEn: 'Green 2' })))).toBe('conflict:categories.errors.name_taken');
    expect(await appErrorOf(addProductCategory(h.db, admin, green({ code: 'green2', name: '绿色贷二' })))).toBe('conflict:categories.errors.name_taken');
    // One name however it is spelled: é composed or not, English in any case; a name that draws nothing is refused.
    expect(await appErrorOf(addProductCategory(h.db, admin, green({ code: 'green2', name: '绿色贷二', nameEn: 'GREEN LOAN' })))).toBe(
      'conflict:categories.errors.name_taken',
    );
    await addProductCategory(h.db, admin, green({ code: 'cafe', name: 'Café贷', nameEn: 'Café loan' }));
    expect(await appErrorOf(addProductCategory(h.db, admin, green({ code: 'cafe2', name: 'Cafe\u0301贷', nameEn: 'Cafe\u0301 loan 2' })))).toBe(
      'conflict:categories.errors.name_taken',
    );
    await removeProductCategory(h.db, admin, 'cafe');
    for (const name of ['\u3164', '\u2800', 'a\u0301\u0301\u0301'])
      expect(categorySchema.safeParse({ code: 'blank', name, nameEn: 'Blank', sortOrder: '1', pledgesIp: false }).error?.issues[0].message).toBe(
        'categories.errors.name_visible',
      );
    expect(await appErrorOf(editProductCategory(h.db, admin, { code: 'green', name: '积分贷', nameEn: 'Green loan', sortOrder: 80 }))).toBe(
      'conflict:categories.errors.name_taken',
    );
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'product_category'), eq(auditEvents.entityId, 'green')));
    expect(audit.map((a) => a.action)).toEqual(['product_category.create']);
    // This instance shows it at once (the catalogue version moved).
    expect((await productCategories(h.db)).map((c) => c.code)).toContain('green');
  });

  it('are what a product may be: an institution publishes in the new one; an unknown code is refused and nothing is created', async () => {
    const before = (await h.db.select().from(products)).length;
    expect(await appErrorOf(createProduct(h.db, bank, productFormSchema.parse({ ...PRODUCT_FORM, category: 'nosuch' })))).toBe('invalid:unknown_category');
    expect((await h.db.select().from(products)).length).toBe(before);
    const p = await createProduct(h.db, bank, productFormSchema.parse({ ...PRODUCT_FORM, name: '绿色技改贷', category: 'green' }));
    expect(p.category).toBe('green');
    await h.db.update(products).set({ status: 'published', publishedAt: new Date() }).where(eq(products.id, p.id));
    const found = await runCatalogue(h.db, catalogueQuerySchema.parse({ category: 'green' }));
    expect(found.items.map((i) => i.id)).toEqual([p.id]);
    // A filter naming no category is an error the page and the API report, as an unknown park is.
    expect(await appErrorOf(runCatalogue(h.db, catalogueQuerySchema.parse({ category: 'nosuch' })))).toBe('invalid:unknown_category');
    expect(await appErrorOf(resolveFilter(h.db, { category: 'nosuch' }))).toBe('invalid:unknown_category');
    expect((await resolveFilter(h.db, { category: 'green' })).category).toBe('green');
  });

  it('are renamed or reordered by an admin: every reader sees the new name; the code stays', async () => {
    expect(await appErrorOf(editProductCategory(h.db, bank, { code: 'green', name: '绿色金融贷', nameEn: 'Green finance loan', sortOrder: 5 }))).toBe(
      'forbidden:forbidden',
    );
    expect(await appErrorOf(editProductCategory(h.db, admin, { code: 'nosuch', name: 'x', nameEn: 'x', sortOrder: 5 }))).toBe('not_found:not_found');
    await editProductCategory(h.db, admin, { code: 'green', name: '绿色金融贷', nameEn: 'Green finance loan', sortOrder: 5 });
    const list = await productCategories(h.db);
    expect(list[0]).toMatchObject({ code: 'green', name: '绿色金融贷', nameEn: 'Green finance loan' });
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'product_category'), eq(auditEvents.action, 'product_category.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ name: '绿色贷' });
    expect(audit[0].after).toMatchObject({ name: '绿色金融贷' });
  });

  it('are deleted only when no product or scheme names them', async () => {
    const use = (await categoriesWithUse(h.db, admin)).find((c) => c.code === 'green')!;
    expect(use.use).toEqual({ products: 1, schemes: 0 });
    expect(await appErrorOf(removeProductCategory(h.db, admin, 'green'))).toBe('conflict:categories.errors.in_use');
    // A scheme naming a category keeps it too, and the admin's page counts it.
    await addProductCategory(h.db, admin, green({ code: 'schemed', name: '方案类别', nameEn: 'Scheme category' }));
    await h.db.insert(riskSchemes).values({
      code: 'schemed-fund',
      name: '测试补偿资金',
      kind: 'other',
      eligibleCategories: ['schemed'],
      shareFundBp: 5000,
      shareBankBp: 5000,
      capPerLoanFen: 1n,
    });
    expect((await categoriesWithUse(h.db, admin)).find((c) => c.code === 'schemed')?.use).toEqual({ products: 0, schemes: 1 });
    expect(await appErrorOf(removeProductCategory(h.db, admin, 'schemed'))).toBe('conflict:categories.errors.in_use');
    await addProductCategory(h.db, admin, green({ code: 'unused', name: '未用' }));
    expect(await appErrorOf(removeProductCategory(h.db, bank, 'unused'))).toBe('forbidden:forbidden');
    await removeProductCategory(h.db, admin, 'unused');
    expect(await h.db.select().from(categoriesTable).where(eq(categoriesTable.code, 'unused'))).toHaveLength(0);
    expect(await appErrorOf(removeProductCategory(h.db, admin, 'unused'))).toBe('not_found:not_found');
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, 'unused'), eq(auditEvents.action, 'product_category.delete')));
    expect(audit).toHaveLength(1);
  });

  it('decide whether an application pledges IP: a new category that pledges asks for assets as 知识产权质押贷 does', async () => {
    await addProductCategory(h.db, admin, green({ code: 'patent_loan', name: '专利贷', nameEn: 'Patent loan', pledgesIp: true }));
    const plain = await publishedProduct(h.db, bank.institutionId!, { category: 'green' });
    const pledging = await publishedProduct(h.db, bank.institutionId!, { category: 'patent_loan', guaranteeMethods: ['pledge'] });
    const form = (productId: string) =>
      applicationFormSchema.parse({ productId, needId: '', amountWan: '500', termMonths: '12', ipAssetIds: [], idempotencyKey: crypto.randomUUID() });
    expect(await appErrorOf(submitApplication(h.db, sme, form(pledging.id)))).toBe('invalid:applications.errors.assets_required');
    const { application } = await submitApplication(h.db, sme, form(plain.id));
    expect(application.status).toBe('submitted');
  });
});
