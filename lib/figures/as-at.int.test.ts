// DESIGN §4 counts of supply are "as at the end of the period": institutions active then, products
// published then, enterprises registered by then with a user active then. The dated status history
// is the audit trail the state machines write, so a change made today does not move yesterday's
// figures. Also: an approval later withdrawn still counts as approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applications, enterprises, institutions, parks, products, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { figureList, zoneFigures, type ResolvedFilter } from './service';
import { decideInstitution } from '../institutions/service';
import { transitionProduct } from '../products/service';
import { disableUser } from '../admin/users';
import { withUsccCheckChar } from '../enterprises/uscc';

const WAN = 1_000_000n;
const LONG_AGO = new Date('2024-12-01T00:00:00+08:00');
const zoneDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const today = zoneDay(new Date());
const yesterday = zoneDay(new Date(Date.now() - 24 * 3600 * 1000));

let h: DbHandle;
let seq = 0;
let admin: Actor;
let nanhai: number;
let shunde: number;

async function institution(name: string, status: 'pending' | 'active', createdAt = LONG_AGO) {
  const k = String(++seq).padStart(5, '0');
  const [i] = await h.db
    .insert(institutions)
    .values({ name, kind: 'bank', uscc: withUsccCheckChar(`91440600MA4A${k}`), contactName: 'x', contactPhone: '1', contactEmail: 'x@x', status, createdAt })
    .returning();
  const [u] = await h.db
    .insert(users)
    .values({ name, email: `asat-i${k}@x.cn`, passwordHash: 'x', role: 'institution', institutionId: i.id, memberRole: 'owner', createdAt })
    .returning();
  const actor: Actor = { userId: u.id, role: 'institution', name, email: u.email, enterpriseId: null, institutionId: i.id, memberRole: 'owner' };
  return { id: i.id, actor };
}

async function enterprise(name: string, parkId: number, createdAt = LONG_AGO) {
  const k = String(++seq).padStart(5, '0');
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar(`91440605MA4A${k}`),
      name,
      parkId,
      industry: 'C',
      foundedOn: '2015-01-01',
      registeredCapitalFen: 1n,
      employees: 10,
      revenueFen: 1n,
      rndExpenseFen: 1n,
      createdAt,
    })
    .returning();
  const [u] = await h.db
    .insert(users)
    .values({ name, email: `asat-e${k}@x.cn`, passwordHash: 'x', role: 'enterprise', enterpriseId: e.id, memberRole: 'owner', createdAt })
    .returning();
  return { id: e.id, userId: u.id };
}

async function product(institutionId: string, name: string, o: { parks?: number[]; exclusive?: boolean } = {}) {
  const [p] = await h.db
    .insert(products)
    .values({
      institutionId,
      name,
      category: 'credit',
      summary: '产品',
      amountMinFen: 1n,
      amountMaxFen: 1000n * WAN,
      termMinMonths: 1,
      termMaxMonths: 36,
      rateMinBp: 300,
      rateMaxBp: 600,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['bullet'],
      eligibleParkIds: o.parks ?? [],
      zoneExclusive: o.exclusive ?? false,
      status: 'published',
      publishedAt: LONG_AGO,
      createdAt: LONG_AGO,
    })
    .returning();
  return p;
}

const list = (kind: 'institutions' | 'products' | 'enterprises' | 'applications', f: ResolvedFilter, variant?: 'approved') =>
  figureList(h.db, kind, f, { variant, page: 1, pageSize: 100 });

const period = (to: string, over: Partial<ResolvedFilter> = {}): ResolvedFilter => ({
  from: '2025-01-01',
  to,
  parkId: null,
  parkCode: null,
  institutionId: null,
  category: null,
  ...over,
});

beforeAll(async () => {
  h = await openTestDb();
  [{ id: nanhai }, { id: shunde }] = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605', sortOrder: 1 },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606', sortOrder: 2 },
    ])
    .returning();
  const [a] = await h.db.insert(users).values({ name: '管理员', email: 'asat-admin@x.cn', passwordHash: 'x', role: 'admin', createdAt: LONG_AGO }).returning();
  admin = { userId: a.id, role: 'admin', name: a.name, email: a.email, enterpriseId: null, institutionId: null, memberRole: null };

  // Steady: active since long ago, with a product open to every park and one open to 顺德 only.
  const steady = await institution('稳定银行', 'active');
  await product(steady.id, '全园区产品');
  await product(steady.id, '顺德专属', { parks: [shunde], exclusive: true });
  // Suspended today (by the admin), with its product suspended today (by its officer).
  const leaving = await institution('今日暂停银行', 'active');
  const leavingProduct = await product(leaving.id, '今日下架产品');
  await transitionProduct(h.db, leaving.actor, leavingProduct.id, 'suspend');
  await decideInstitution(h.db, admin, leaving.id, 'suspend');
  // Registered long ago as pending, approved today.
  const joining = await institution('今日入驻银行', 'pending');
  await decideInstitution(h.db, admin, joining.id, 'approve');

  // Enterprises: one steady (with a second user: still one enterprise); one whose only user the
  // admin disabled today; one registered today.
  const steadyEnterprise = await enterprise('稳定企业', nanhai);
  await h.db.insert(users).values({
    name: '稳定企业财务',
    email: 'asat-e-second@x.cn',
    passwordHash: 'x',
    role: 'enterprise',
    enterpriseId: steadyEnterprise.id,
    memberRole: 'officer',
    createdAt: LONG_AGO,
  });
  const leaver = await enterprise('今日停用企业', nanhai);
  await disableUser(h.db, admin, leaver.userId);
  await enterprise('今日注册企业', shunde, new Date());

  // Applications to the steady bank submitted in 2025: one approved then withdrawn, one rejected.
  const [p] = await h.db.select().from(products).limit(1);
  const e = (await h.db.select().from(enterprises).limit(1))[0];
  const base = {
    enterpriseId: e.id,
    productId: p.id,
    institutionId: p.institutionId,
    amountFen: 100n * WAN,
    termMonths: 12,
    firstActionAt: new Date('2025-03-02T10:00:00+08:00'),
  };
  await h.db.insert(applications).values([
    {
      ...base,
      status: 'withdrawn',
      approvedAmountFen: 80n * WAN,
      decidedAt: new Date('2025-03-05T10:00:00+08:00'),
      idempotencyKey: 'w',
      requestHash: 'w',
      submittedAt: new Date('2025-03-01T10:00:00+08:00'),
    },
    {
      ...base,
      status: 'rejected',
      rejectReason: '资料不全',
      decidedAt: new Date('2025-03-06T10:00:00+08:00'),
      idempotencyKey: 'r',
      requestHash: 'r',
      submittedAt: new Date('2025-03-01T11:00:00+08:00'),
    },
    { ...base, status: 'withdrawn', idempotencyKey: 'x', requestHash: 'x', submittedAt: new Date('2025-03-01T12:00:00+08:00') },
  ]);
});
afterAll(async () => h?.close());

describe('supply as at the end of the period', () => {
  it('counts, for a period that ended yesterday, the institution suspended today and not the one approved today', async () => {
    const z = await zoneFigures(h.db, period(yesterday));
    expect(z.institutions).toBe(2);
    const rows = await list('institutions', period(yesterday));
    expect(rows.total).toBe(2);
    expect(rows.items.map((r) => (r as { name: string }).name).sort()).toEqual(['今日暂停银行', '稳定银行']);
  });

  it('counts, for a period that ends today, the institution approved today and not the one suspended today', async () => {
    const z = await zoneFigures(h.db, period(today));
    expect(z.institutions).toBe(2);
    const rows = await list('institutions', period(today));
    expect(rows.items.map((r) => (r as { name: string }).name).sort()).toEqual(['今日入驻银行', '稳定银行']);
  });

  it('counts a product suspended today among yesterday’s published products, not today’s', async () => {
    expect((await zoneFigures(h.db, period(yesterday))).products).toBe(3);
    expect((await zoneFigures(h.db, period(today))).products).toBe(2);
    expect((await list('products', period(yesterday))).total).toBe(3);
  });

  it('with a park filter, counts the products open to that park: to all parks, or listing it', async () => {
    const nanhaiToday = await zoneFigures(h.db, period(today, { parkId: nanhai }));
    expect(nanhaiToday).toMatchObject({ products: 1, exclusiveProducts: 0 });
    const shundeToday = await zoneFigures(h.db, period(today, { parkId: shunde }));
    expect(shundeToday).toMatchObject({ products: 2, exclusiveProducts: 1 });
    expect((await list('products', period(today, { parkId: shunde }))).total).toBe(2);
  });

  it('counts an enterprise whose only user was disabled today yesterday, and one registered today only from today', async () => {
    const y = await zoneFigures(h.db, period(yesterday));
    expect(y.registeredEnterprises).toBe(2);
    const listed = await list('enterprises', period(yesterday));
    expect(listed.total).toBe(2);
    const names = listed.items.map((r) => (r as { name: string }).name).sort();
    expect(names).toEqual(['今日停用企业', '稳定企业']);
    const t = await zoneFigures(h.db, period(today));
    expect(t.registeredEnterprises).toBe(2);
    // By park: yesterday both in Nanhai; today one in Nanhai, one in Shunde.
    expect((await zoneFigures(h.db, period(yesterday, { parkId: nanhai }))).registeredEnterprises).toBe(2);
    expect((await zoneFigures(h.db, period(today, { parkId: shunde }))).registeredEnterprises).toBe(1);
    const listedToday = await list('enterprises', period(today));
    expect(listedToday.total).toBe(2);
    const namesToday = listedToday.items.map((r) => (r as { name: string }).name).sort();
    expect(namesToday).toEqual(['今日注册企业', '稳定企业']);
  });
});

describe('approval rate', () => {
  it('counts an approval the enterprise later withdrew as approved, and a withdrawal before any decision as undecided', async () => {
    const z = await zoneFigures(h.db, period('2025-12-31'));
    expect(z).toMatchObject({ applications: 3, approved: 1, decided: 2, approvalRate: 0.5, creditGrantedFen: 80n * WAN });
    const approvedList = await list('applications', period('2025-12-31'), 'approved');
    expect(approvedList.total).toBe(1);
  });
});
