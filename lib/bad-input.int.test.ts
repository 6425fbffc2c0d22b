// Issue 9 fix 7 and its property tests, through the use cases as the server actions call them:
// bad input is refused with a message (never a 500), and nothing is stored. Generated hostile input
// goes through posting a need, applying, creating a product and registering.
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DbHandle } from '../db/client';
import { applications, auditEvents, enterprises, financingNeeds, parks, products, registrationAttempts, users } from '../db/schema';
import { enterpriseActor, institutionActor, PRODUCT_FORM } from './test-fixtures';
import { openTestDb } from '../db/testing';
import type { Actor } from './auth/actor';
import { submitApplication } from './applications/service';
import { AppError } from './core/errors';
import { createNeed } from './needs/service';
import { createProduct, transitionProduct, updateProduct } from './products/service';
import { registerEnterprise } from './enterprises/registration';
import { withUsccCheckChar } from './enterprises/uscc';
import { applicationFormSchema } from './validation/application';
import { enterpriseRegistrationSchema } from './validation/auth';
import { needFormSchema } from './validation/need';
import { productFormSchema, type ProductFormInput } from './validation/product';

let h: DbHandle;
let sme: Actor;
let bank: Actor;
let parkIds: number[];
let productId: string;

// The shared plain credit product (lib/test-fixtures.ts), as this suite has always typed it.
const product: ProductFormInput = { ...PRODUCT_FORM, name: '测试信用贷', summary: '面向园区企业', amountMinWan: '10', rateMin: '3.5', rateMax: '4.5' };
const need = {
  amountWan: '500',
  termMonths: '12',
  purpose: 'working_capital',
  guaranteeMethods: ['credit'],
  maxRate: '',
  wantedBy: '',
  ipAssetIds: [],
  description: '补充流动资金',
};
const application = () => ({ productId, needId: '', amountWan: '100', termMonths: '12', ipAssetIds: [], idempotencyKey: `k-${crypto.randomUUID()}` });
const registration = () => {
  const k = crypto.randomUUID().slice(0, 8);
  return {
    uscc: withUsccCheckChar(`91440605MA4${k.replace(/[^0-9]/g, '7').slice(0, 6)}`),
    confirmAsPrinted: true,
    name: `注册测试${k}`,
    parkId: String(parkIds[0]),
    industry: 'C',
    foundedOn: '2015-03-01',
    registeredCapitalWan: '500',
    employees: '40',
    contactName: '张三',
    email: `${k}@example.com`,
    password: 'a-long-password',
    passwordConfirm: 'a-long-password',
  };
};

const tables = { financingNeeds, applications, products, enterprises, users, auditEvents, registrationAttempts };
async function counts() {
  const out: Record<string, number> = {};
  for (const [k, t] of Object.entries(tables)) out[k] = Number((await h.db.select({ n: count() }).from(t))[0].n);
  return out;
}

/** What a server action does: parse, then run the use case; a typed error is the user's message. */
async function viaAction<S extends z.ZodType>(schema: S, raw: unknown, run: (input: z.output<S>) => Promise<unknown>): Promise<'refused' | 'stored'> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return 'refused';
  try {
    await run(parsed.data);
    return 'stored';
  } catch (e) {
    if (e instanceof AppError) return 'refused';
    throw e; // a database error here would have been a 500
  }
}

// Hostile values (see lib/validation/schemas.property.test.ts for the schema-level properties).
const CONTROL = [...'\u0000\u0001\u0007\u000B\u000E\u001B\u007F\u0085\u009F', '\uD800'];
const toFullWidth = (s: string) => s.replace(/[0-9.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withControl = fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 })).map(([a, c, b]) => `${a}x${c}x${b}`);
const badAmount = (boundWan: number) =>
  fc.oneof(
    fc.tuple(fc.nat({ max: 999 }), fc.integer({ min: 1, max: 999 })).map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`), // 万元 with three decimals
    fc.bigInt({ min: BigInt(boundWan) + 1n, max: 10n ** 12n - 1n }).map(String), // above the business bound
    fc.integer({ min: 1, max: 10 ** 6 }).map((n) => `-${n}`),
    fc.constantFrom('NaN', 'Infinity', '1e3', '0x10', '', '五百', '1; DROP TABLE financing_needs;--', '<b>5</b>', '999999999999', `${boundWan}.01`),
    fc.nat({ max: 1000 }).chain((n) => fc.constantFrom(...CONTROL).map((c) => `${n}${c}5`)),
    fc.integer({ min: 1, max: 999 }).map((f) => toFullWidth(`5.${String(f).padStart(3, '0')}`)),
  );

beforeAll(async () => {
  h = await openTestDb();
  const rows = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606' },
    ])
    .returning();
  parkIds = rows.map((p) => p.id);
  sme = await enterpriseActor(h.db, { name: '坏输入测试', parkId: parkIds[0], verificationStatus: 'verified' });
  bank = await institutionActor(h.db, { name: '坏输入银行' });
  const p = await createProduct(h.db, bank, productFormSchema.parse(product));
  await transitionProduct(h.db, bank, p.id, 'publish');
  productId = p.id;
});
afterAll(async () => h?.close());

describe('a need above 100亿元', () => {
  it('is refused with its message and changes nothing in the database (it used to be stored, and the zone’s demand became 1e18 fen)', async () => {
    const before = await counts();
    for (const amountWan of ['999999999999', '1000000.01', '１０００００１']) {
      const r = needFormSchema.safeParse({ ...need, amountWan });
      expect(r.error?.issues.map((i) => i.message)).toEqual(['amount_max_100yi']);
      expect(await viaAction(needFormSchema, { ...need, amountWan }, (input) => createNeed(h.db, sme, input))).toBe('refused');
    }
    expect(await counts()).toEqual(before);
    // Exactly 100亿元 is still a need.
    expect(await viaAction(needFormSchema, { ...need, amountWan: '1000000' }, (input) => createNeed(h.db, sme, input))).toBe('stored');
    const [n] = await h.db.select({ max: financingNeeds.amountFen }).from(financingNeeds).where(eq(financingNeeds.enterpriseId, sme.enterpriseId!));
    expect(n.max).toBe(1_000_000_000_000n);
  });
});

describe('a product’s eligible parks', () => {
  it('must all exist: an id that names no park is refused on create and on edit, nothing stored', async () => {
    const before = await counts();
    const ghost = String(Math.max(...parkIds) + 1000);
    const r = await viaAction(productFormSchema, { ...product, eligibleParkIds: [String(parkIds[0]), ghost] }, (input) => createProduct(h.db, bank, input));
    expect(r).toBe('refused');
    await expect(createProduct(h.db, bank, productFormSchema.parse({ ...product, eligibleParkIds: [ghost] }))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'park_ids',
      details: { field: 'eligibleParkIds' },
    });
    await expect(updateProduct(h.db, bank, productId, productFormSchema.parse({ ...product, eligibleParkIds: ['999999999'] }))).rejects.toMatchObject({
      messageKey: 'park_ids',
    });
    expect(await counts()).toEqual(before);
  });

  it('a list longer than there could be parks, or an id too large for the column, is refused by the schema', () => {
    const long = productFormSchema.safeParse({ ...product, eligibleParkIds: Array.from({ length: 51 }, (_, i) => String(i + 1)) });
    expect(long.error?.issues.map((i) => i.message)).toEqual(['too_many_parks']);
    expect(productFormSchema.safeParse({ ...product, eligibleParkIds: ['99999999999999999999'] }).error?.issues[0].message).toBe('park_ids');
  });

  it('duplicates collapse and existing parks are kept', async () => {
    const p = await createProduct(
      h.db,
      bank,
      productFormSchema.parse({ ...product, eligibleParkIds: [String(parkIds[1]), String(parkIds[1]), String(parkIds[0])] }),
    );
    expect(p.eligibleParkIds).toEqual([parkIds[1], parkIds[0]]);
  });
});

describe('generated bad input through the use cases stores nothing', () => {
  const field = <T extends object>(base: () => T, keys: (keyof T)[], bad: fc.Arbitrary<string>) =>
    fc.tuple(fc.constantFrom(...keys), bad).map(([k, v]) => ({ ...base(), [k]: v }));

  it('posting a need', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          field(() => need, ['amountWan'], badAmount(1_000_000)),
          field(() => need, ['description'], withControl),
          field(() => need, ['wantedBy'], fc.constantFrom('0000-01-01', '2101-01-01', '2026-02-30', '\u00002026-01-01')),
        ),
        async (raw) => {
          expect(await viaAction(needFormSchema, raw, (input) => createNeed(h.db, sme, input))).toBe('refused');
        },
      ),
      { numRuns: 60 },
    );
    expect(await counts()).toEqual(before);
  });

  it('applying', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          field(application, ['amountWan'], badAmount(1_000_000)),
          field(application, ['termMonths'], fc.constantFrom('0', '361', '-1', '１２.５', 'NaN', '\u000012')),
        ),
        async (raw) => {
          expect(await viaAction(applicationFormSchema, raw, (input) => submitApplication(h.db, sme, input))).toBe('refused');
        },
      ),
      { numRuns: 60 },
    );
    expect(await counts()).toEqual(before);
  });

  it('creating a product', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          field(() => product, ['amountMinWan', 'amountMaxWan'], badAmount(1_000_000)),
          field(() => product, ['name', 'summary', 'description'], withControl),
          field(() => product, ['rateMin', 'rateMax', 'feeRate'], fc.constantFrom('36.01', '-1', '3.456', 'NaN', '1e2', '\u00003')),
        ),
        async (raw) => {
          expect(await viaAction(productFormSchema, raw, (input) => createProduct(h.db, bank, input))).toBe('refused');
        },
      ),
      { numRuns: 60 },
    );
    expect(await counts()).toEqual(before);
  });

  it('registering an enterprise', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          field(registration, ['registeredCapitalWan'], badAmount(10_000_000)),
          field(registration, ['name', 'contactName', 'uscc'], withControl),
          field(registration, ['foundedOn'], fc.constantFrom('0000-01-01', '1899-12-31', '2101-01-01', '2015-02-30')),
          field(registration, ['employees'], fc.constantFrom('1000001', '-1', '1.5', 'NaN', '\u000040')),
        ),
        async (raw) => {
          expect(await viaAction(enterpriseRegistrationSchema, raw, (input) => registerEnterprise(h.db, input, { ip: '192.0.2.1' }))).toBe('refused');
        },
      ),
      { numRuns: 60 },
    );
    expect(await counts()).toEqual(before);
  });

  it('SQL and HTML in text are stored as the text they are, and nothing else changes', async () => {
    const texts = ["Robert'); DROP TABLE financing_needs;--", '<script>alert(1)</script>', "' OR '1'='1", '"><img src=x onerror=alert(1)>'];
    for (const description of texts) {
      const before = await counts();
      expect(await viaAction(needFormSchema, { ...need, description }, (input) => createNeed(h.db, sme, input))).toBe('stored');
      const after = await counts();
      expect(after.financingNeeds).toBe(before.financingNeeds + 1);
      const [n] = await h.db.select({ d: financingNeeds.description }).from(financingNeeds).where(eq(financingNeeds.description, description));
      expect(n.d).toBe(description);
    }
  });
});
