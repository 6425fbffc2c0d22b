// The zone's figures on data built here, on PGlite and on PostgreSQL (TEST_DB). The period under test
// is the first quarter of 2026 on the Asia/Shanghai calendar; events sit on its edges: 00:00:00 on
// the first day and 23:59:59 on the last day count, 23:59:59 the day before and 00:00:00 the day
// after do not. 1 万元 = 1,000,000 fen.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import * as q from '../../db/queries/figures';
import {
  applications,
  claims,
  enterprises,
  financingNeeds,
  institutions,
  loans,
  matches,
  parks,
  pledges,
  products,
  riskSchemes,
  schemeEnrolments,
  users,
} from '../../db/schema';
import { rowsOf } from '../../db/rows';
import { openTestDb } from '../../db/testing';
import {
  figureList,
  figuresBreakdown,
  headline,
  league,
  monthlyReport,
  monthsOf,
  needsFunnel,
  resolveFilter,
  resolvePeriod,
  staleNeedsPage,
  toFiguresDto,
  zoneFigures,
  type ResolvedFilter,
} from './service';
import { withUsccCheckChar } from '../enterprises/uscc';
import { figuresDto, figuresFilterSchema, figureListQuerySchema } from '../validation/figures';

const WAN = 1_000_000n;
const at = (s: string) => new Date(`${s}+08:00`);

let h: DbHandle;
let nanhai: number;
let shunde: number;
let bank1: string;
let bank2: string;
const ids: Record<string, string> = {};
let seq = 0;
/** Organisations, users and products exist long before the periods under test, unless a test says otherwise. */
const LONG_AGO = new Date('2024-12-01T00:00:00+08:00');

async function enterprise(name: string, parkId: number, userStatus: 'active' | 'disabled' | null) {
  const n = String(++seq);
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar(`91440605MA4F${n.padStart(5, '0')}`),
      name,
      parkId,
      industry: 'C',
      foundedOn: '2015-01-01',
      registeredCapitalFen: 1n,
      employees: 10,
      revenueFen: 1n,
      rndExpenseFen: 1n,
      createdAt: LONG_AGO,
    })
    .returning();
  if (userStatus)
    await h.db.insert(users).values({
      name,
      email: `fig-e${n}@x.cn`,
      passwordHash: 'x',
      role: 'enterprise',
      enterpriseId: e.id,
      memberRole: 'owner',
      status: userStatus,
      createdAt: LONG_AGO,
    });
  return e.id;
}

async function institution(name: string, status: 'active' | 'suspended' | 'pending') {
  const [i] = await h.db
    .insert(institutions)
    .values({
      name,
      kind: 'bank',
      uscc: withUsccCheckChar(`91440600MA4F${String(++seq).padStart(5, '0')}`),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status,
      createdAt: LONG_AGO,
    })
    .returning();
  return i.id;
}

async function product(
  institutionId: string,
  category: (typeof products.$inferInsert)['category'],
  status: 'published' | 'draft' | 'suspended',
  zoneExclusive: boolean,
) {
  const [p] = await h.db
    .insert(products)
    .values({
      institutionId,
      name: `${category}-${++seq}`,
      category,
      summary: '产品',
      amountMinFen: 1n,
      amountMaxFen: 10_000n * WAN,
      termMinMonths: 1,
      termMaxMonths: 60,
      rateMinBp: 300,
      rateMaxBp: 600,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['bullet'],
      zoneExclusive,
      status,
      publishedAt: status === 'published' ? at('2025-01-02T10:00:00') : null,
      createdAt: LONG_AGO,
    })
    .returning();
  return p;
}

async function need(key: string, enterpriseId: string, wan: bigint, createdAt: string, status: 'open' | 'matched' | 'fulfilled', firstAction?: string) {
  const [n] = await h.db
    .insert(financingNeeds)
    .values({
      enterpriseId,
      amountFen: wan * WAN,
      termMonths: 12,
      purpose: 'working_capital',
      guaranteeMethods: ['credit'],
      status,
      createdAt: at(createdAt),
      firstInstitutionActionAt: firstAction ? at(firstAction) : null,
    })
    .returning();
  ids[key] = n.id;
}

type AppStatus = (typeof applications.$inferInsert)['status'];
async function application(
  key: string,
  o: {
    ent: string;
    product: { id: string; institutionId: string };
    need?: string;
    wan: bigint;
    submitted: string;
    status: AppStatus;
    firstAction?: string;
    decided?: string;
    approvedWan?: bigint;
  },
) {
  const [a] = await h.db
    .insert(applications)
    .values({
      enterpriseId: o.ent,
      productId: o.product.id,
      institutionId: o.product.institutionId,
      needId: o.need ? ids[o.need] : null,
      amountFen: o.wan * WAN,
      termMonths: 12,
      status: o.status,
      approvedAmountFen: o.approvedWan ? o.approvedWan * WAN : null,
      rejectReason: o.status === 'rejected' ? '不符合准入条件' : null,
      idempotencyKey: key,
      requestHash: key,
      submittedAt: at(o.submitted),
      firstActionAt: o.firstAction ? at(o.firstAction) : null,
      decidedAt: o.decided ? at(o.decided) : null,
    })
    .returning();
  ids[key] = a.id;
  return a;
}

async function loan(key: string, app: typeof applications.$inferSelect, disbursed: string) {
  const [l] = await h.db
    .insert(loans)
    .values({
      applicationId: app.id,
      enterpriseId: app.enterpriseId,
      institutionId: app.institutionId,
      productId: app.productId,
      principalFen: app.approvedAmountFen!,
      annualRateBp: 400,
      termMonths: 12,
      repaymentMethod: 'bullet',
      disbursedOn: disbursed.slice(0, 10),
      maturesOn: '2030-01-01',
      disbursedAt: at(disbursed),
      outstandingFen: app.approvedAmountFen!,
    })
    .returning();
  ids[key] = l.id;
  return l;
}

async function pledge(app: string, loanKey: string | null, status: 'pending_registration' | 'registered' | 'released') {
  await h.db.insert(pledges).values({
    applicationId: ids[app],
    loanId: loanKey ? ids[loanKey] : null,
    status,
    registrationNumber: status === 'pending_registration' ? null : `ZX${++seq}`,
    registeredOn: status === 'pending_registration' ? null : '2025-12-01',
    pledgedValueFen: 100n * WAN,
  });
}

beforeAll(async () => {
  h = await openTestDb();
  [{ id: nanhai }, { id: shunde }] = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605', sortOrder: 1 },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606', sortOrder: 2 },
    ])
    .returning();
  // Registered enterprises: E1 (南海) and E3 (顺德). E2's only user is disabled, E4 has none.
  const e1 = await enterprise('甲', nanhai, 'active');
  const e2 = await enterprise('乙', nanhai, 'disabled');
  const e3 = await enterprise('丙', shunde, 'active');
  await enterprise('丁', shunde, null);
  await h.db.insert(users).values({ name: 'admin', email: 'fig-admin@x.cn', passwordHash: 'x', role: 'admin' });

  // Active: bank1, bank2. Published: p1 (bank1 知识产权质押贷, exclusive), p2 (bank1 信用贷), p3 (bank2 融担贷, exclusive).
  bank1 = await institution('一号银行', 'active');
  bank2 = await institution('二号银行', 'active');
  const bank3 = await institution('三号银行', 'suspended');
  await institution('四号银行', 'pending');
  const p1 = await product(bank1, 'ip_pledge', 'published', true);
  const p2 = await product(bank1, 'credit', 'published', false);
  const p3 = await product(bank2, 'guarantee', 'published', true);
  await product(bank2, 'equipment', 'draft', true);
  await product(bank3, 'credit', 'suspended', false);

  // Needs. In Q1: n1, n2, n3, n7, n8, n9 (E1: 100+50+80, E3: 200+40+60 → 530 万).
  await need('n1', e1, 100n, '2026-01-01T00:00:00', 'matched', '2026-01-02T09:00:00');
  await need('n2', e1, 50n, '2026-03-31T23:59:59', 'open');
  await need('n3', e3, 200n, '2026-02-10T09:00:00', 'fulfilled', '2026-02-10T15:00:00');
  await need('n4', e3, 70n, '2026-04-01T00:00:00', 'open');
  await need('n5', e2, 30n, '2025-12-31T23:59:59', 'open');
  await need('n6', e1, 10n, '2025-06-02T09:00:00', 'open');
  await need('n7', e3, 40n, '2026-03-30T09:00:00', 'open');
  await need('n8', e3, 60n, '2026-03-31T10:00:00', 'open');
  await need('n9', e1, 80n, '2026-01-31T10:00:00', 'matched');
  await h.db.insert(matches).values([
    { needId: ids.n1, productId: p1.id, source: 'institution', status: 'applied', score: 80 },
    { needId: ids.n3, productId: p3.id, source: 'institution', status: 'applied', score: 70 },
    { needId: ids.n7, productId: p2.id, source: 'engine', status: 'suggested', score: 60 },
    { needId: ids.n6, productId: p3.id, source: 'engine', status: 'suggested', score: 50 },
    { needId: ids.n6, productId: p1.id, source: 'engine', status: 'suggested', score: 40 },
  ]);

  // Applications submitted in Q1: a1, a2, a3, a4, a7. Responses 2 h, 4 h, 10 h, 6 h.
  const a1 = await application('a1', {
    ent: e1,
    product: p1,
    need: 'n1',
    wan: 100n,
    submitted: '2026-01-05T10:00:00',
    status: 'disbursed',
    firstAction: '2026-01-05T12:00:00',
    decided: '2026-01-08T10:00:00',
    approvedWan: 100n,
  });
  await application('a2', {
    ent: e1,
    product: p2,
    need: 'n9',
    wan: 80n,
    submitted: '2026-02-01T10:00:00',
    status: 'rejected',
    firstAction: '2026-02-01T14:00:00',
    decided: '2026-02-03T10:00:00',
  });
  const a3 = await application('a3', {
    ent: e3,
    product: p3,
    need: 'n3',
    wan: 200n,
    submitted: '2026-02-11T10:00:00',
    status: 'disbursed',
    firstAction: '2026-02-11T20:00:00',
    decided: '2026-03-31T23:59:59',
    approvedWan: 150n,
  });
  await application('a4', {
    ent: e3,
    product: p2,
    wan: 50n,
    submitted: '2026-03-31T23:59:59',
    status: 'approved',
    firstAction: '2026-04-01T05:59:59',
    decided: '2026-04-01T06:00:00',
    approvedWan: 40n,
  });
  await application('a5', { ent: e1, product: p1, wan: 30n, submitted: '2026-04-01T00:00:00', status: 'submitted' });
  await application('a6', {
    ent: e3,
    product: p3,
    wan: 20n,
    submitted: '2025-12-31T23:59:59',
    status: 'approved',
    firstAction: '2026-01-01T00:00:00',
    decided: '2026-01-01T00:00:00',
    approvedWan: 20n,
  });
  await application('a7', { ent: e1, product: p2, need: 'n8', wan: 10n, submitted: '2026-03-15T10:00:00', status: 'withdrawn' });
  // Loans come from applications submitted in 2025, so they do not move the application figures.
  const a10 = await application('a10', {
    ent: e1,
    product: p1,
    wan: 60n,
    submitted: '2025-11-03T10:00:00',
    status: 'disbursed',
    firstAction: '2025-11-03T11:00:00',
    decided: '2025-11-10T10:00:00',
    approvedWan: 60n,
  });
  const a11 = await application('a11', {
    ent: e3,
    product: p1,
    wan: 80n,
    submitted: '2025-10-01T10:00:00',
    status: 'disbursed',
    firstAction: '2025-10-01T11:00:00',
    decided: '2025-10-10T10:00:00',
    approvedWan: 80n,
  });
  const a12 = await application('a12', {
    ent: e1,
    product: p2,
    wan: 25n,
    submitted: '2025-09-01T10:00:00',
    status: 'disbursed',
    firstAction: '2025-09-01T11:00:00',
    decided: '2025-09-05T10:00:00',
    approvedWan: 25n,
  });
  const a13 = await application('a13', {
    ent: e1,
    product: p1,
    wan: 35n,
    submitted: '2025-12-01T10:00:00',
    status: 'disbursed',
    firstAction: '2025-12-01T11:00:00',
    decided: '2025-12-05T10:00:00',
    approvedWan: 35n,
  });

  // Loans disbursed in Q1: l1 (100, IP), l2 (150), l4 (80, IP via its application's released pledge), l6 (35, pledge not registered).
  await loan('l1', a1, '2026-01-09T10:00:00');
  await loan('l2', a3, '2026-03-31T23:59:59');
  await loan('l3', a10, '2026-04-01T00:00:00');
  await loan('l4', a11, '2026-01-01T00:00:00');
  await loan('l5', a12, '2025-12-31T23:59:59');
  await loan('l6', a13, '2026-02-15T10:00:00');
  await pledge('a1', 'l1', 'registered');
  await pledge('a10', null, 'registered');
  await pledge('a11', null, 'released');
  await pledge('a13', 'l6', 'pending_registration');

  const [rongdan, ipFund] = await h.db
    .insert(riskSchemes)
    .values([
      {
        code: 'rongdan',
        name: '融担贷',
        kind: 'guarantee_fund',
        eligibleCategories: ['guarantee'],
        shareFundBp: 4000,
        shareBankBp: 6000,
        capPerLoanFen: 500n * WAN,
        balanceFen: 500n * WAN,
      },
      {
        code: 'ip-fund',
        name: '知识产权质押融资风险补偿资金',
        kind: 'ip_pledge_compensation',
        eligibleCategories: ['ip_pledge'],
        shareFundBp: 7000,
        shareBankBp: 3000,
        capPerLoanFen: 500n * WAN,
        balanceFen: 300n * WAN,
      },
    ])
    .returning();
  const [en2] = await h.db
    .insert(schemeEnrolments)
    .values({ schemeId: rongdan.id, loanId: ids.l2, enrolledAt: at('2026-04-02T10:00:00') })
    .returning();
  await h.db.insert(schemeEnrolments).values([
    { schemeId: ipFund.id, loanId: ids.l4, enrolledAt: at('2026-01-05T10:00:00') },
    { schemeId: ipFund.id, loanId: ids.l3, enrolledAt: at('2026-04-01T10:00:00') },
  ]);
  await h.db.insert(claims).values([
    { enrolmentId: en2.id, lossFen: 100n * WAN, compensationFen: 50n * WAN, status: 'paid', paidAt: at('2026-03-31T23:59:59') },
    { enrolmentId: en2.id, lossFen: 100n * WAN, compensationFen: 30n * WAN, status: 'paid', paidAt: at('2026-04-01T00:00:00') },
    { enrolmentId: en2.id, lossFen: 100n * WAN, compensationFen: 20n * WAN, status: 'approved' },
  ]);
});
afterAll(async () => h?.close());

const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const filter = (over: Partial<ResolvedFilter> = {}): ResolvedFilter => ({ ...Q1, parkId: null, parkCode: null, institutionId: null, category: null, ...over });

describe('figures of a period (first quarter of 2026, Asia/Shanghai)', () => {
  it('counts every figure exactly', async () => {
    const z = await zoneFigures(h.db, filter());
    expect(z).toMatchObject({
      institutions: 2,
      products: 3,
      exclusiveProducts: 2,
      registeredEnterprises: 2,
      enterprisesWithNeeds: 2,
      needs: 6,
      demandFen: 530n * WAN,
      applications: 5,
      approved: 2 + 1,
      decided: 4,
      approvalRate: 0.75,
      medianResponseHours: 5,
      creditApplications: 3,
      creditGrantedFen: (100n + 150n + 20n) * WAN,
      loans: 4,
      disbursedFen: (100n + 150n + 80n + 35n) * WAN,
      ipPledgeProjects: 2,
      ipPledgeFen: 180n * WAN,
    });
    expect(z.schemes).toEqual([
      {
        code: 'ip-fund',
        name: '知识产权质押融资风险补偿资金',
        kind: 'ip_pledge_compensation',
        enrolledLoans: 1,
        supportedEnterprises: 1,
        institutions: 1,
        disbursedFen: 80n * WAN,
        claimsPaidFen: 0n,
        balanceFen: 300n * WAN,
      },
      {
        code: 'rongdan',
        name: '融担贷',
        kind: 'guarantee_fund',
        // l2 was disbursed on 31 March but enrolled on 2 April: a scheme counts its loans by enrolment.
        enrolledLoans: 0,
        supportedEnterprises: 0,
        institutions: 0,
        disbursedFen: 0n,
        claimsPaidFen: 50n * WAN,
        balanceFen: 530n * WAN,
      },
    ]);
    // The fund balance is the one at the end of the period: 500 万 today, plus the 30 万 paid at 00:00 on 1 April.
  });

  it('counts 00:00:00 on the day after the period in the next period, and 23:59:59 on the day before in the one before', async () => {
    const april1 = await zoneFigures(h.db, filter({ from: '2026-04-01', to: '2026-04-01' }));
    expect(april1).toMatchObject({
      enterprisesWithNeeds: 1,
      demandFen: 70n * WAN, // n4
      applications: 1, // a5
      approvalRate: null,
      medianResponseHours: null,
      creditGrantedFen: 40n * WAN, // a4, decided 06:00
      disbursedFen: 60n * WAN, // l3 at 00:00:00
      ipPledgeProjects: 1, // its pledge is linked through the application only
      ipPledgeFen: 60n * WAN,
    });
    expect(april1.schemes.find((s) => s.code === 'rongdan')).toMatchObject({ enrolledLoans: 0, claimsPaidFen: 30n * WAN });
    expect(april1.schemes.find((s) => s.code === 'ip-fund')).toMatchObject({ enrolledLoans: 1, disbursedFen: 60n * WAN });
    // Enrolled on 2 April, disbursed on 31 March: the scheme counts it on the day of its enrolment (DESIGN §4).
    const april2 = await zoneFigures(h.db, filter({ from: '2026-04-02', to: '2026-04-02' }));
    expect(april2.disbursedFen).toBe(0n);
    expect(april2.schemes.find((s) => s.code === 'rongdan')).toMatchObject({
      enrolledLoans: 1,
      supportedEnterprises: 1,
      institutions: 1,
      disbursedFen: 150n * WAN,
    });
    const rongdanLoans = async (from: string, to: string) =>
      (await figureList(h.db, 'loans', filter({ from, to }), { scheme: 'rongdan', page: 1, pageSize: 50 }, at('2026-04-03T10:00:00'))).total;
    expect(await rongdanLoans('2026-04-02', '2026-04-02')).toBe(1);
    expect(await rongdanLoans('2026-01-01', '2026-03-31')).toBe(0);

    const dec31 = await zoneFigures(h.db, filter({ from: '2025-12-31', to: '2025-12-31' }));
    expect(dec31).toMatchObject({
      enterprisesWithNeeds: 1,
      demandFen: 30n * WAN, // n5 at 23:59:59
      applications: 1, // a6 at 23:59:59
      approvalRate: 1,
      medianResponseHours: 0, // answered one second later
      creditGrantedFen: 0n, // a6 was decided at 00:00:00 on 1 January
      disbursedFen: 25n * WAN, // l5 at 23:59:59
      ipPledgeProjects: 0,
    });
  });

  it('filters enterprise figures by park, leaving current supply counts alone', async () => {
    const z = await zoneFigures(h.db, filter({ parkId: nanhai }));
    expect(z).toMatchObject({
      institutions: 2,
      products: 3,
      exclusiveProducts: 2,
      registeredEnterprises: 1,
      enterprisesWithNeeds: 1,
      demandFen: 230n * WAN,
      applications: 3,
      approvalRate: 0.5,
      medianResponseHours: 3,
      creditGrantedFen: 100n * WAN,
      disbursedFen: 135n * WAN,
      ipPledgeProjects: 1,
      ipPledgeFen: 100n * WAN,
    });
    expect(z.schemes.map((s) => s.enrolledLoans)).toEqual([0, 0]);
  });

  it('filters by institution and by product category', async () => {
    expect(await zoneFigures(h.db, filter({ institutionId: bank1 }))).toMatchObject({
      institutions: 1,
      products: 2,
      exclusiveProducts: 1,
      registeredEnterprises: 2,
      applications: 4,
      approvalRate: 0.6667,
      medianResponseHours: 4,
      creditGrantedFen: 100n * WAN,
      disbursedFen: 215n * WAN,
      ipPledgeProjects: 2,
    });
    expect(await zoneFigures(h.db, filter({ category: 'guarantee' }))).toMatchObject({
      institutions: 1,
      products: 1,
      exclusiveProducts: 1,
      applications: 1,
      creditGrantedFen: 170n * WAN,
      disbursedFen: 150n * WAN,
      ipPledgeProjects: 0,
    });
    expect(await zoneFigures(h.db, filter({ category: 'equipment' }))).toMatchObject({ institutions: 0, products: 0 });
  });

  it('resolves the park code and refuses an unknown one', async () => {
    const f = await resolveFilter(h.db, { park: 'nanhai', from: '2026-01-01', to: '2026-03-31' });
    expect(f).toMatchObject({ parkId: nanhai, parkCode: 'nanhai', from: '2026-01-01', to: '2026-03-31' });
    await expect(resolveFilter(h.db, { park: 'nowhere' })).rejects.toMatchObject({ code: 'invalid', messageKey: 'unknown_park' });
    expect((await resolveFilter(h.db, {}, at('2026-01-01T00:30:00'))).from).toBe('2026-01-01'); // 2025-12-31 16:30 UTC
  });

  it('answers the API shape with fen as decimal strings', async () => {
    const f = filter({ parkId: shunde, parkCode: 'shunde' });
    const dto = toFiguresDto(await zoneFigures(h.db, f), f);
    expect(figuresDto.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({
      park: 'shunde',
      disbursed: '230000000',
      demandAmount: '300000000',
      creditGranted: '170000000',
      approvalRate: 1,
      medianResponseHours: 8,
    });
    expect(dto.schemes[1]).toMatchObject({ code: 'rongdan', enrolledLoans: 0, disbursed: '0', claimsPaid: '50000000', balance: '530000000' });
    const april = filter({ parkId: shunde, parkCode: 'shunde', from: '2026-04-01', to: '2026-04-30' });
    expect(toFiguresDto(await zoneFigures(h.db, april), april).schemes[1]).toMatchObject({ code: 'rongdan', enrolledLoans: 1, disbursed: '150000000' });
  });
});

describe('breakdowns', () => {
  it('by park: every park, each figure of its enterprises', async () => {
    const rows = await figuresBreakdown(h.db, filter(), 'park');
    expect(rows.map((r) => [r.name, r.narrow])).toEqual([
      ['南海园', { park: 'nanhai' }],
      ['顺德园', { park: 'shunde' }],
    ]);
    expect(rows[0]).toMatchObject({
      registeredEnterprises: 1,
      enterprisesWithNeeds: 1,
      demandFen: 230n * WAN,
      applications: 3,
      approvalRate: 0.5,
      medianResponseHours: 3,
      creditGrantedFen: 100n * WAN,
      loans: 2,
      disbursedFen: 135n * WAN,
      ipPledgeProjects: 1,
      ipPledgeFen: 100n * WAN,
    });
    expect(rows[1]).toMatchObject({
      registeredEnterprises: 1,
      enterprisesWithNeeds: 1,
      demandFen: 300n * WAN,
      applications: 2,
      approvalRate: 1,
      medianResponseHours: 8,
      creditGrantedFen: 170n * WAN,
      loans: 2,
      disbursedFen: 230n * WAN,
      ipPledgeProjects: 1,
      ipPledgeFen: 80n * WAN,
    });
  });

  it('by month in Shanghai time: 00:00 on 1 January is January, 23:59:59 on 31 March is March', async () => {
    const rows = await figuresBreakdown(h.db, filter(), 'month');
    expect(rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rows.map((r) => r.disbursedFen)).toEqual([180n * WAN, 35n * WAN, 150n * WAN]);
    expect(rows.map((r) => r.ipPledgeProjects)).toEqual([2, 0, 0]);
    expect(rows.map((r) => r.demandFen)).toEqual([180n * WAN, 200n * WAN, 150n * WAN]);
    expect(rows.map((r) => r.enterprisesWithNeeds)).toEqual([1, 1, 2]);
    expect(rows.map((r) => r.applications)).toEqual([1, 2, 2]);
    expect(rows.map((r) => r.creditGrantedFen)).toEqual([120n * WAN, 0n, 150n * WAN]);
    expect(rows[2].narrow).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(rows[0].institutions).toBeUndefined(); // current counts have no month
  });

  it('by institution and by category, which add up to the totals', async () => {
    const byInst = await figuresBreakdown(h.db, filter(), 'institution');
    // Institutions in pinyin order of their names (二 èr before 一 yī).
    expect(byInst.map((r) => [r.name, r.applications, r.disbursedFen, r.products])).toEqual([
      ['二号银行', 1, 150n * WAN, 1],
      ['一号银行', 4, 215n * WAN, 2],
    ]);
    expect(byInst[0].demandFen).toBeUndefined(); // needs have no institution
    const byCat = await figuresBreakdown(h.db, filter(), 'category');
    expect(byCat.map((r) => r.key)).toEqual(['points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit', 'other']);
    const ip = byCat.find((r) => r.key === 'ip_pledge')!;
    expect(ip).toMatchObject({ institutions: 1, products: 1, exclusiveProducts: 1, applications: 1, loans: 3, disbursedFen: 215n * WAN, ipPledgeProjects: 2 });
    expect(byCat.reduce((s, r) => s + (r.disbursedFen ?? 0n), 0n)).toBe(365n * WAN);
    expect(byCat.reduce((s, r) => s + (r.applications ?? 0), 0)).toBe(5);
  });
});

describe('funnel, league table and stale needs', () => {
  it('counts needs posted in the period at each stage, with the conversions', async () => {
    const { total } = await needsFunnel(h.db, filter());
    expect(total.map((s) => [s.stage, s.count, s.conversion])).toEqual([
      ['posted', 6, null],
      ['acted', 3, 0.5],
      ['applied', 4, 1.3333],
      ['approved', 2, 0.5],
      ['disbursed', 2, 1],
    ]);
  });

  it('by park, and by institution where each row equals the funnel filtered to it', async () => {
    const byPark = await needsFunnel(h.db, filter(), 'park');
    expect(byPark.rows.map((r) => [r.key === String(nanhai) ? 'nanhai' : 'shunde', r.steps.map((s) => s.count)])).toEqual([
      ['nanhai', [3, 2, 2, 1, 1]],
      ['shunde', [3, 1, 2, 1, 1]],
    ]);
    const byInst = await needsFunnel(h.db, filter(), 'institution');
    expect(byInst.rows.map((r) => [r.name, r.steps.map((s) => s.count)])).toEqual([
      ['二号银行', [6, 1, 1, 1, 1]],
      ['一号银行', [6, 2, 3, 1, 1]],
    ]);
    for (const id of [bank1, bank2]) {
      const only = await needsFunnel(h.db, filter({ institutionId: id }));
      expect(only.total.map((s) => s.count)).toEqual(byInst.rows.find((r) => r.key === id)!.steps.map((s) => s.count));
    }
    const byCat = await needsFunnel(h.db, filter(), 'category');
    expect(byCat.rows.map((r) => [r.key, r.steps.map((s) => s.count)])).toEqual([
      ['guarantee', [6, 1, 1, 1, 1]],
      ['ip_pledge', [6, 1, 1, 1, 1]],
      ['credit', [6, 1, 2, 0, 0]],
    ]);
  });

  it('ranks active institutions by median response time, with approval rate and disbursed amount', async () => {
    const r = await league(h.db, filter());
    expect(r.total).toBe(2);
    expect(r.items.map((i) => [i.name, i.applications, i.medianResponseHours, i.approvalRate, i.disbursedFen])).toEqual([
      ['一号银行', 4, 4, 0.6667, 215n * WAN],
      ['二号银行', 1, 10, 1, 150n * WAN],
    ]);
    const nanhaiOnly = await league(h.db, filter({ parkId: nanhai }));
    expect(nanhaiOnly.items.map((i) => [i.name, i.applications, i.medianResponseHours])).toEqual([
      ['一号银行', 3, 3],
      ['二号银行', 0, null],
    ]);
  });

  it('lists open needs nobody acted on for more than 3 working days, oldest first', async () => {
    // Friday 3 April 10:00: the cutoff is Tuesday 31 March 10:00 (n8, posted exactly then, is not stale yet).
    const now = at('2026-04-03T10:00:00');
    const r = await staleNeedsPage(h.db, {}, 1, 20, now);
    expect(r.cutoff).toEqual(at('2026-03-31T10:00:00'));
    expect(r.total).toBe(3);
    expect(r.items.map((n) => n.id)).toEqual([ids.n6, ids.n5, ids.n7]);
    expect(r.items[2]).toMatchObject({ amountFen: 40n * WAN, waitingWorkingDays: 4, suggestedInstitutions: ['一号银行'] });
    expect([...(r.items[0].suggestedInstitutions ?? [])].sort()).toEqual(['一号银行', '二号银行']);
    expect((await staleNeedsPage(h.db, { parkId: nanhai }, 1, 20, now)).items.map((n) => n.id)).toEqual([ids.n6, ids.n5]);
    expect((await staleNeedsPage(h.db, {}, 2, 2, now)).items.map((n) => n.id)).toEqual([ids.n7]);
  });
});

describe('drill-down lists: each total is the number that links to it', () => {
  const list = (
    kind: Parameters<typeof figureList>[1],
    over: Partial<ResolvedFilter> = {},
    variant?: Parameters<typeof figureList>[3]['variant'],
    scheme?: string,
  ) => figureList(h.db, kind, filter(over), { variant, scheme, page: 1, pageSize: 50 }, at('2026-04-03T10:00:00'));

  it('counts the same rows as the figures', async () => {
    expect((await list('institutions')).total).toBe(2);
    expect((await list('products')).total).toBe(3);
    expect((await list('products', {}, 'exclusive')).total).toBe(2);
    expect((await list('enterprises')).total).toBe(2);
    expect((await list('enterprises', { parkId: nanhai })).total).toBe(1);
    expect((await list('needs')).total).toBe(6);
    expect((await list('needs', {}, 'acted')).total).toBe(3);
    expect((await list('needs', { institutionId: bank1 }, 'applied')).total).toBe(3);
    expect((await list('applications')).total).toBe(5);
    expect((await list('applications', {}, 'approved')).total).toBe(3);
    expect((await list('applications', {}, 'decided')).total).toBe(4);
    expect((await list('applications', {}, 'responded')).total).toBe(4);
    expect((await list('applications', {}, 'credit')).total).toBe(3);
    expect((await list('loans')).total).toBe(4);
    expect((await list('loans', {}, 'ip')).total).toBe(2);
    expect((await list('loans', {}, undefined, 'ip-fund')).total).toBe(1);
    expect((await list('stale')).total).toBe(3);
  });

  it('counts exactly the rows it lists, whatever the filter (the totals count without the listed joins)', async () => {
    const cases: [Parameters<typeof list>[0], Partial<ResolvedFilter>, Parameters<typeof list>[2]?][] = [
      ['applications', {}],
      ['applications', { parkId: nanhai }],
      ['applications', { institutionId: bank1 }, 'approved'],
      ['applications', { category: 'ip_pledge' }],
      ['applications', { parkId: nanhai }, 'credit'],
      ['loans', {}],
      ['loans', { parkId: nanhai }],
      ['loans', { category: 'ip_pledge' }, 'ip'],
      ['enterprises', { parkId: nanhai }],
      ['needs', {}],
      ['needs', { parkId: nanhai }, 'acted'],
      ['needs', { institutionId: bank1 }, 'applied'],
    ];
    for (const [kind, over, variant] of cases) {
      const r = await list(kind, over, variant);
      expect(r.items.length, `${kind} ${JSON.stringify(over)} ${variant ?? ''}`).toBe(r.total);
    }
  });

  it('shows the disbursed loans of a park with their zone times and principal', async () => {
    const r = await list('loans', { parkId: nanhai });
    expect(r.kind).toBe('loans');
    if (r.kind !== 'loans') return;
    expect(r.items.map((l) => [l.disbursedAt, l.principalFen, l.ipPledged, l.institutionName])).toEqual([
      ['2026-02-15 10:00:00', '35000000', false, '一号银行'],
      ['2026-01-09 10:00:00', '100000000', true, '一号银行'],
    ]);
  });

  it('refuses a variant or a scheme that does not belong to the list', async () => {
    await expect(list('loans', {}, 'acted')).rejects.toMatchObject({ code: 'invalid' });
    await expect(list('needs', {}, undefined, 'rongdan')).rejects.toMatchObject({ code: 'invalid' });
    await expect(list('loans', {}, undefined, 'nope')).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('headline and monthly report', () => {
  it('the landing page: current counts and everything granted and disbursed so far', async () => {
    expect(await headline(h.db)).toEqual({
      institutions: 2,
      products: 3,
      exclusiveProducts: 2,
      registeredEnterprises: 2,
      creditGrantedFen: String((100n + 150n + 40n + 20n + 60n + 80n + 25n + 35n) * WAN),
      disbursedFen: String((100n + 150n + 60n + 80n + 25n + 35n) * WAN),
      ipPledgeProjects: 3,
    });
  });

  it('the monthly report: the month and the running totals to its last second', async () => {
    const r = await monthlyReport(h.db, '2026-03');
    const line = Object.fromEntries(r.lines.map((l) => [l.key, [l.month, l.cumulative]]));
    expect(line).toEqual({
      institutions: [null, 2],
      products: [null, 3],
      exclusiveProducts: [null, 2],
      registeredEnterprises: [null, 2],
      enterprisesWithNeeds: [2, 3],
      demand: [150n * WAN, 570n * WAN],
      ipPledgeProjects: [0, 2],
      ipPledgeFinancing: [0n, 180n * WAN],
      // The 融担贷 loan disbursed on 31 March was enrolled on 2 April: April's report counts it.
      guaranteeInstitutions: [0, 0],
      guaranteeEnterprises: [0, 0],
      guaranteeDisbursed: [0n, 0n],
    });
    const april = Object.fromEntries((await monthlyReport(h.db, '2026-04')).lines.map((l) => [l.key, [l.month, l.cumulative]]));
    expect(april).toMatchObject({ guaranteeInstitutions: [1, 1], guaranteeEnterprises: [1, 1], guaranteeDisbursed: [150n * WAN, 150n * WAN] });
    const nanhaiReport = await monthlyReport(h.db, '2026-03', { parkId: nanhai });
    expect(nanhaiReport.lines.find((l) => l.key === 'guaranteeDisbursed')).toMatchObject({ month: 0n, cumulative: 0n });
    expect(nanhaiReport.lines.find((l) => l.key === 'registeredEnterprises')).toMatchObject({ cumulative: 1 });
  });
});

describe('filters', () => {
  it('take calendar days in order, park codes, uuids and categories', () => {
    expect(figuresFilterSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(figuresFilterSchema.safeParse({ from: '2026-03-01', to: '2026-02-01' }).error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'figures.errors.range',
    });
    expect(figuresFilterSchema.safeParse({ park: 'Nan Hai' }).success).toBe(false);
    expect(figuresFilterSchema.parse({ from: '2026-01-01', to: '2026-12-31', park: 'nanhai', category: 'guarantee' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      park: 'nanhai',
      category: 'guarantee',
    });
    expect(figureListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(figureListQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false);
  });

  it('fill a missing end of the period within its year, and count months', () => {
    expect(resolvePeriod({ from: '2025-03-01' })).toEqual({ from: '2025-03-01', to: '2025-12-31' });
    expect(resolvePeriod({ to: '2025-03-31' })).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('the period bound is the zone’s midnight, 8 hours before UTC midnight', async () => {
    const inQ1 = async (iso: string) => rowsOf<{ ok: boolean }>(await h.db.execute(sql`select ${q.inPeriod(sql`${iso}::timestamptz`, Q1)} as ok`))[0].ok;
    expect(await inQ1('2025-12-31T15:59:59.999Z')).toBe(false);
    expect(await inQ1('2025-12-31T16:00:00Z')).toBe(true);
    expect(await inQ1('2026-03-31T15:59:59.999Z')).toBe(true);
    expect(await inQ1('2026-03-31T16:00:00Z')).toBe(false);
  });
});
