import { eq } from 'drizzle-orm';
import { PRODUCT_FORM } from '../test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { getPublishedProduct, searchCatalogue } from '../../db/queries/products';
import { auditEvents, institutions, lprRates, parks, riskSchemes } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { createProduct, transitionProduct, updateProduct } from './service';
import { withUsccCheckChar } from '../enterprises/uscc';
import { catalogueQuerySchema, type CatalogueQueryInput } from '../validation/catalogue';
import { productFormSchema, productToForm, type ProductFormInput } from '../validation/product';

let h: DbHandle;
let bankA: Actor;
let bankB: Actor;
let pendingBank: Actor;
let nanhai: number;
let shunde: number;
const admin: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a1',
  role: 'admin',
  name: 'a',
  email: 'a@x',
  enterpriseId: null,
  institutionId: null,
  memberRole: null,
};

const base: ProductFormInput = PRODUCT_FORM;

async function publish(actor: Actor, over: Partial<ProductFormInput>) {
  const p = await createProduct(h.db, actor, productFormSchema.parse({ ...base, ...over }));
  return transitionProduct(h.db, actor, p.id, 'publish');
}

async function catalogue(input: CatalogueQueryInput, park: number | null = null) {
  return searchCatalogue(h.db, catalogueQuerySchema.parse(input), park);
}
const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name).sort();

async function institution(name: string, status: 'active' | 'pending', n: string): Promise<Actor> {
  const [i] = await h.db
    .insert(institutions)
    .values({
      name,
      kind: 'bank',
      uscc: withUsccCheckChar(`91440600MA4P${n.padStart(5, '0')}`),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status,
    })
    .returning();
  return {
    userId: crypto.randomUUID(),
    role: 'institution',
    name: 'officer',
    email: `${n}@bank`,
    enterpriseId: null,
    institutionId: i.id,
    memberRole: 'officer',
  };
}

beforeAll(async () => {
  h = await openTestDb();
  const ps = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606' },
    ])
    .returning();
  nanhai = ps[0].id;
  shunde = ps[1].id;
  await h.db.insert(lprRates).values({ effectiveOn: '2020-01-20', oneYearBp: 300, fiveYearBp: 350 });
  bankA = await institution('甲银行', 'active', '1');
  bankB = await institution('乙银行', 'active', '2');
  pendingBank = await institution('丙银行', 'pending', '3');

  await publish(bankA, {
    name: '设备更新贷',
    category: 'equipment',
    summary: '购置生产设备',
    amountMinWan: '100',
    amountMaxWan: '3000',
    guaranteeMethods: ['mortgage'],
    rateMin: '3.20',
  });
  await publish(bankA, {
    name: '专利质押融资',
    category: 'ip_pledge',
    summary: '以发明专利、商标等知识产权质押',
    guaranteeMethods: ['pledge'],
    zoneExclusive: true,
    rateMin: '3.00',
    eligibleParkIds: [String(nanhai)],
  });
  await publish(bankB, {
    name: '科创积分贷',
    category: 'points',
    summary: '按企业创新积分授信',
    rateType: 'lpr_spread',
    rateMin: '0.30',
    rateMax: '1.00',
    amountMaxWan: '500',
  });
  await publish(bankB, { name: '数据信用贷', category: 'digital', summary: '基于纳税与用电数据', termMaxMonths: '12', rateMin: '3.80' });
  const suspended = await publish(bankB, { name: '已暂停产品', summary: '不应出现' });
  await transitionProduct(h.db, bankB, suspended.id, 'suspend');
  await createProduct(h.db, bankA, productFormSchema.parse({ ...base, name: '草稿产品', summary: '草稿不应出现' }));
});
afterAll(async () => h?.close());

describe('product lifecycle in the database', () => {
  it('creates a draft, publishes it with a timestamp, and audits each step', async () => {
    const p = await createProduct(h.db, bankA, productFormSchema.parse({ ...base, name: '生命周期' }));
    expect(p.status).toBe('draft');
    const published = await transitionProduct(h.db, bankA, p.id, 'publish');
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBeInstanceOf(Date);
    const suspended = await transitionProduct(h.db, bankA, p.id, 'suspend');
    expect(suspended.status).toBe('suspended');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(['product.create', 'product.publish', 'product.suspend']);
  });

  it('never lets another institution see or change a product: not found', async () => {
    const p = await createProduct(h.db, bankA, productFormSchema.parse({ ...base, name: '私有草稿' }));
    await expect(updateProduct(h.db, bankB, p.id, productFormSchema.parse({ ...base, name: '被篡改' }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(transitionProduct(h.db, bankB, p.id, 'publish')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses publishing for an institution that is not active, and changes nothing', async () => {
    const p = await createProduct(h.db, pendingBank, productFormSchema.parse({ ...base, name: '待审机构产品' }));
    const err = await transitionProduct(h.db, pendingBank, p.id, 'publish').catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'forbidden', messageKey: 'institution_not_active' });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(['product.create']);
  });

  it('refuses an illegal transition and editing an archived product', async () => {
    const p = await createProduct(h.db, bankA, productFormSchema.parse({ ...base, name: '归档' }));
    await expect(transitionProduct(h.db, bankA, p.id, 'republish')).rejects.toMatchObject({ code: 'conflict' });
    await transitionProduct(h.db, bankA, p.id, 'archive');
    await expect(updateProduct(h.db, bankA, p.id, productFormSchema.parse(base))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets an admin suspend any published product', async () => {
    const p = await publish(bankA, { name: '管理员暂停' });
    expect((await transitionProduct(h.db, admin, p.id, 'suspend')).status).toBe('suspended');
  });
});

describe('a product joins a risk-sharing scheme', () => {
  it('that covers its category; another scheme or an unknown one is refused, and an edit keeps the choice', async () => {
    const [ip] = await h.db
      .insert(riskSchemes)
      .values({
        code: 'ip-test',
        name: '知识产权质押融资风险补偿资金',
        kind: 'ip_pledge_compensation',
        eligibleCategories: ['ip_pledge'],
        shareFundBp: 7000,
        shareBankBp: 3000,
        capPerLoanFen: 500_000_000n,
      })
      .returning();
    const ipForm = { ...base, name: '专利质押贷', category: 'ip_pledge', guaranteeMethods: ['pledge'] } satisfies ProductFormInput;
    const p = await createProduct(h.db, bankA, productFormSchema.parse({ ...ipForm, schemeId: ip.id }));
    expect(p.schemeId).toBe(ip.id);
    const code = (e: unknown) => (e instanceof AppError ? `${e.code}:${e.messageKey}:${String(e.details?.field)}` : e);
    // A credit product in the IP scheme: the scheme does not cover it.
    expect(await createProduct(h.db, bankA, productFormSchema.parse({ ...base, schemeId: ip.id })).catch(code)).toBe(
      'invalid:product.errors.scheme_category:schemeId',
    );
    expect(await createProduct(h.db, bankA, productFormSchema.parse({ ...base, schemeId: crypto.randomUUID() })).catch(code)).toBe(
      'invalid:product.errors.scheme:schemeId',
    );
    // Editing the product through its own form values keeps the scheme; moving it to another category is refused.
    const again = await updateProduct(h.db, bankA, p.id, productFormSchema.parse(productToForm({ ...p, name: '专利质押贷（新版）' })));
    expect(again.schemeId).toBe(ip.id);
    expect(await updateProduct(h.db, bankA, p.id, productFormSchema.parse({ ...productToForm(p), category: 'credit' })).catch(code)).toBe(
      'invalid:product.errors.scheme_category:schemeId',
    );
    // The public product page names the scheme, so an enterprise knows the loan is covered.
    await transitionProduct(h.db, bankA, p.id, 'publish');
    expect((await getPublishedProduct(h.db, p.id))?.schemeName).toBe('知识产权质押融资风险补偿资金');
    const left = await updateProduct(h.db, bankA, p.id, productFormSchema.parse({ ...productToForm(p), schemeId: '' }));
    expect(left.schemeId).toBeNull();
    expect((await getPublishedProduct(h.db, p.id))?.schemeName).toBeNull();
    // Out of the catalogue again, for the catalogue's own tests below.
    await transitionProduct(h.db, bankA, p.id, 'suspend');
  });
});

describe('catalogue query', () => {
  it('shows only published products: drafts and suspended ones never leak', async () => {
    const all = await catalogue({ pageSize: '50' });
    expect(names(all)).toEqual(['专利质押融资', '数据信用贷', '科创积分贷', '设备更新贷']);
    expect(all.total).toBe(4);
  });

  it('filters by category, institution, guarantee method and exclusivity', async () => {
    expect(names(await catalogue({ category: 'equipment' }))).toEqual(['设备更新贷']);
    expect(names(await catalogue({ institution: bankB.institutionId! }))).toEqual(['数据信用贷', '科创积分贷']);
    expect(names(await catalogue({ guarantee: 'pledge' }))).toEqual(['专利质押融资']);
    expect(names(await catalogue({ exclusive: 'true' }))).toEqual(['专利质押融资']);
  });

  it('filters by the amount and term needed, at the range edges', async () => {
    expect(names(await catalogue({ amount: String(3000 * 1_000_000) }))).toEqual(['设备更新贷']);
    expect(names(await catalogue({ amount: String(3000 * 1_000_000 + 1) }))).toEqual([]);
    expect(names(await catalogue({ term: '36' }))).toEqual(['专利质押融资', '科创积分贷', '设备更新贷']);
    expect(names(await catalogue({ amount: String(500 * 1_000_000), term: '12' }))).toEqual(['专利质押融资', '数据信用贷', '科创积分贷', '设备更新贷']);
  });

  it('compares the highest acceptable rate with LPR + spread at the current LPR', async () => {
    // 科创积分贷 is LPR (3.00 %) + 0.30 % = 3.30 %.
    expect(names(await catalogue({ maxRate: '330' }))).toEqual(['专利质押融资', '科创积分贷', '设备更新贷']);
    expect(names(await catalogue({ maxRate: '329' }))).toEqual(['专利质押融资', '设备更新贷']);
  });

  it('keeps products open to every park and those naming the park', async () => {
    expect(names(await catalogue({}, shunde))).toEqual(['数据信用贷', '科创积分贷', '设备更新贷']);
    expect(names(await catalogue({}, nanhai))).toHaveLength(4);
  });

  it('searches Chinese text: 专利 finds the IP-pledge product, 设备 the equipment one', async () => {
    expect(names(await catalogue({ q: '专利' }))).toEqual(['专利质押融资']);
    expect(names(await catalogue({ q: '知识产权' }))).toEqual(['专利质押融资']);
    expect(names(await catalogue({ q: '设备' }))).toEqual(['设备更新贷']);
    expect(names(await catalogue({ q: '贷' }))).toEqual(['数据信用贷', '科创积分贷', '设备更新贷']);
    expect(names(await catalogue({ q: '专利 设备' }))).toEqual([]);
    expect(names(await catalogue({ q: '不存在的词' }))).toEqual([]);
    expect(names(await catalogue({ q: '100%' }))).toEqual([]);
  });

  it('sorts by lowest effective rate, largest amount, newest', async () => {
    expect((await catalogue({ sort: 'rate' })).items.map((i) => i.name)).toEqual(['专利质押融资', '设备更新贷', '科创积分贷', '数据信用贷']);
    expect((await catalogue({ sort: 'amount' })).items[0].name).toBe('设备更新贷');
    expect((await catalogue({ sort: 'newest' })).items[0].name).toBe('数据信用贷');
  });

  it('drops the products of a suspended institution', async () => {
    await h.db.update(institutions).set({ status: 'suspended' }).where(eq(institutions.id, bankB.institutionId!));
    try {
      expect(names(await catalogue({ pageSize: '50' }))).toEqual(['专利质押融资', '设备更新贷']);
    } finally {
      await h.db.update(institutions).set({ status: 'active' }).where(eq(institutions.id, bankB.institutionId!));
    }
  });

  it('paginates with an exact total', async () => {
    const p1 = await catalogue({ sort: 'rate', pageSize: '3', page: '1' });
    const p2 = await catalogue({ sort: 'rate', pageSize: '3', page: '2' });
    expect(p1.total).toBe(4);
    expect(p2.total).toBe(4);
    expect(p1.items).toHaveLength(3);
    expect(p2.items.map((i) => i.name)).toEqual(['数据信用贷']);
    expect((await catalogue({ page: '9' })).items).toEqual([]);
  });
});
