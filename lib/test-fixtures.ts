// Rows that integration tests build again and again: an enterprise or an institution with one
// user, returned as the Actor the use cases take. Each call makes fresh codes and emails.
import type { Actor } from './auth/actor';
import { withUsccCheckChar } from './enterprises/uscc';
import { AppError } from './core/errors';
import type { Db } from '../db/client';
import { enterprises, institutions, products, users } from '../db/schema';
import type { ProductFormInput } from './validation/product';

let seq = 0;
const next = () => String(++seq).padStart(6, '0');

export async function enterpriseActor(
  db: Db,
  o: { name: string; parkId: number; verificationStatus?: 'unverified' | 'verified' | 'rejected'; revenueFen?: bigint; rndExpenseFen?: bigint },
): Promise<Actor> {
  const k = next();
  const [e] = await db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar(`91440605MA4${k}`),
      name: o.name,
      parkId: o.parkId,
      industry: 'C',
      foundedOn: '2015-01-01',
      registeredCapitalFen: 1n,
      employees: 50,
      revenueFen: o.revenueFen ?? 1n,
      rndExpenseFen: o.rndExpenseFen ?? 1n,
      verificationStatus: o.verificationStatus ?? 'unverified',
    })
    .returning();
  const [u] = await db
    .insert(users)
    .values({ name: o.name, email: `enterprise-${k}@test.cn`, passwordHash: 'x', role: 'enterprise', enterpriseId: e.id, memberRole: 'owner' })
    .returning();
  return { userId: u.id, role: 'enterprise', name: o.name, email: u.email, enterpriseId: e.id, institutionId: null, memberRole: 'owner' };
}

export async function institutionActor(db: Db, o: { name: string; status?: 'pending' | 'active' | 'suspended' }): Promise<Actor> {
  const k = next();
  const [i] = await db
    .insert(institutions)
    .values({
      name: o.name,
      kind: 'bank',
      uscc: withUsccCheckChar(`91440600MA4${k}`),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status: o.status ?? 'active',
    })
    .returning();
  const [u] = await db
    .insert(users)
    .values({ name: o.name, email: `officer-${k}@test.cn`, passwordHash: 'x', role: 'institution', institutionId: i.id, memberRole: 'officer' })
    .returning();
  return { userId: u.id, role: 'institution', name: o.name, email: u.email, enterpriseId: null, institutionId: i.id, memberRole: 'officer' };
}

/**
 * A published credit product of the institution (100–1,000 万元, 12–36 months, 3.50–4.50 %, credit
 * guarantee), inserted directly; `over` changes any column.
 */
export async function publishedProduct(db: Db, institutionId: string, over: Partial<typeof products.$inferInsert> = {}) {
  const [p] = await db
    .insert(products)
    .values({
      institutionId,
      name: '测试产品',
      category: 'credit',
      summary: 'x',
      amountMinFen: 100_000_000n,
      amountMaxFen: 1_000_000_000n,
      termMinMonths: 12,
      termMaxMonths: 36,
      rateType: 'fixed',
      rateMinBp: 350,
      rateMaxBp: 450,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['interest_first'],
      status: 'published',
      publishedAt: new Date(),
      ...over,
    })
    .returning();
  return p;
}

/** A plain credit product's form as an institution types it (100–1,000 万元, 6–36 months, 3.50–4.50 %). */
export const PRODUCT_FORM: ProductFormInput = {
  name: '测试产品',
  category: 'credit',
  summary: '面向园区企业的信用贷款',
  description: '',
  amountMinWan: '100',
  amountMaxWan: '1000',
  termMinMonths: '6',
  termMaxMonths: '36',
  rateType: 'fixed',
  rateMin: '3.50',
  rateMax: '4.50',
  feeRate: '0',
  guaranteeMethods: ['credit'],
  repaymentMethods: ['equal_installment'],
  requiredCertifications: [],
  minInnovationScore: '',
  minYearsInOperation: '',
  eligibleParkIds: [],
  eligibleIndustries: [],
  maxEmployees: '',
  zoneExclusive: false,
  requiredDocuments: '',
};

/** `code:messageKey` of the AppError a call fails with; null when it succeeds (another error is rethrown). */
export async function appErrorOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof AppError) return `${e.code}:${e.messageKey}`;
    throw e;
  }
}
