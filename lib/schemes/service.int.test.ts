import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  applications,
  auditEvents,
  claims,
  loans,
  notifications,
  parks,
  products,
  riskSchemes,
  schemeContributions,
  schemeEnrolments,
  users,
} from '../../db/schema';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { openTestDb, testDbKind } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { claimMachine } from '../machines/claim';
import { transitionLoan } from '../loans/service';
import { compensationFor, decideClaim, fileClaim, payClaim, recordContribution, schemeFigures, schemesOverview } from './service';
import { contributionSchema } from '../validation/loans';

let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let bank1: Actor;
let bank2: Actor;
let admin: Actor;
let productId: string;
let n = 0;

const WAN = 1_000_000n;

/** A fund: 佛山-style 70 % share unless told, a cap per loan, and a starting balance. */
async function scheme(opts: { shareFundBp?: number; capWan?: bigint; balanceFen?: bigint } = {}) {
  const share = opts.shareFundBp ?? 7000;
  const [s] = await h.db
    .insert(riskSchemes)
    .values({
      code: `fund-${++n}`,
      name: `佛山市知识产权质押融资风险补偿资金 ${n}`,
      kind: 'ip_pledge_compensation',
      eligibleCategories: ['ip_pledge'],
      shareFundBp: share,
      shareBankBp: 10_000 - share,
      capPerLoanFen: (opts.capWan ?? 300n) * WAN,
      balanceFen: opts.balanceFen ?? 0n,
    })
    .returning();
  return s;
}

/** A loan of 甲 at 一号银行 in `status`, enrolled in the scheme (报项目) when one is given. */
async function loan(schemeId: string | null, opts: { status?: (typeof loans.$inferSelect)['status']; outstandingFen?: bigint; enterprise?: Actor } = {}) {
  const ent = opts.enterprise ?? smeA;
  const principalFen = 500n * WAN;
  const [app] = await h.db
    .insert(applications)
    .values({
      enterpriseId: ent.enterpriseId!,
      productId,
      institutionId: bank1.institutionId!,
      amountFen: principalFen,
      termMonths: 12,
      status: 'disbursed',
      approvedAmountFen: principalFen,
      approvedRateBp: 400,
      approvedTermMonths: 12,
      idempotencyKey: crypto.randomUUID(),
      requestHash: 'x',
    })
    .returning();
  const [l] = await h.db
    .insert(loans)
    .values({
      applicationId: app.id,
      enterpriseId: ent.enterpriseId!,
      institutionId: bank1.institutionId!,
      productId,
      principalFen,
      annualRateBp: 400,
      termMonths: 12,
      repaymentMethod: 'interest_first',
      disbursedOn: '2025-06-01',
      maturesOn: '2026-06-01',
      status: opts.status ?? 'defaulted',
      outstandingFen: opts.outstandingFen ?? principalFen,
    })
    .returning();
  if (schemeId) await h.db.insert(schemeEnrolments).values({ schemeId, loanId: l.id, enrolledBy: bank1.userId });
  return l;
}

const schemeRow = async (id: string) => (await h.db.select().from(riskSchemes).where(eq(riskSchemes.id, id)))[0];
const loanRow = async (id: string) => (await h.db.select().from(loans).where(eq(loans.id, id)))[0];
const claimRow = async (id: string) => (await h.db.select().from(claims).where(eq(claims.id, id)))[0];
const claimCount = async () => Number((await h.db.select({ n: count() }).from(claims))[0].n);
const auditOf = async (entity: string, id: string) =>
  (
    await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, id)))
      .orderBy(auditEvents.id)
  ).map((a) => a.action);

/** File and approve a claim for `lossFen` on a fresh defaulted loan enrolled in the scheme. */
async function approvedClaim(schemeId: string, lossFen: bigint) {
  const l = await loan(schemeId);
  const c = await fileClaim(h.db, bank1, l.id, { lossFen });
  await decideClaim(h.db, admin, c.id, 'approve');
  return { loan: l, claim: c };
}

beforeAll(async () => {
  h = await openTestDb();
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  smeA = await enterpriseActor(h.db, { name: '甲科技', parkId: park.id });
  smeB = await enterpriseActor(h.db, { name: '乙科技', parkId: park.id });
  bank1 = await institutionActor(h.db, { name: '一号银行' });
  bank2 = await institutionActor(h.db, { name: '二号银行' });
  const [u] = await h.db.insert(users).values({ name: '管理员', email: 'sch-admin@x.cn', passwordHash: 'x', role: 'admin' }).returning();
  admin = { userId: u.id, role: 'admin', name: u.name, email: u.email, enterpriseId: null, institutionId: null, memberRole: null };
  const [p] = await h.db
    .insert(products)
    .values({
      institutionId: bank1.institutionId!,
      name: '知识产权质押贷',
      category: 'ip_pledge',
      summary: '专利质押',
      amountMinFen: 1n,
      amountMaxFen: 10_000n * WAN,
      termMinMonths: 1,
      termMaxMonths: 60,
      rateMinBp: 300,
      rateMaxBp: 600,
      guaranteeMethods: ['pledge'],
      repaymentMethods: ['interest_first'],
      status: 'published',
    })
    .returning();
  productId = p.id;
});
afterAll(async () => h?.close());

describe('contributions (出资)', () => {
  it('adds to the balance in one audited transaction', async () => {
    const s = await scheme();
    const input = contributionSchema.parse({ schemeId: s.id, amountWan: '1000', contributedOn: '2026-01-05', note: ' 市财政首期出资 ' });
    const r = await recordContribution(h.db, admin, s.id, { amountFen: input.amountFen, contributedOn: input.contributedOn, note: input.note });
    expect(r.balanceFen).toBe(1000n * WAN); // +10,000,000 CNY
    await recordContribution(h.db, admin, s.id, { amountFen: 250n * WAN, contributedOn: '2026-03-01' });
    expect((await schemeRow(s.id)).balanceFen).toBe(1250n * WAN);
    const rows = await h.db.select().from(schemeContributions).where(eq(schemeContributions.schemeId, s.id));
    expect(rows.map((c) => [c.amountFen, c.note, c.recordedBy])).toEqual([
      [1000n * WAN, '市财政首期出资', admin.userId],
      [250n * WAN, null, admin.userId],
    ]);
    expect(await auditOf('risk_scheme', s.id)).toEqual(['risk_scheme.contribute', 'risk_scheme.contribute']);
  });

  it('is for admins, for a known scheme, of a positive amount on a past day', async () => {
    const s = await scheme();
    const c = { amountFen: WAN, contributedOn: '2026-01-05' };
    await expect(recordContribution(h.db, bank1, s.id, c)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordContribution(h.db, admin, crypto.randomUUID(), c)).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordContribution(h.db, admin, s.id, { ...c, amountFen: 0n })).rejects.toMatchObject({ code: 'invalid' });
    await expect(recordContribution(h.db, admin, s.id, { ...c, contributedOn: '2999-01-01' })).rejects.toMatchObject({ code: 'invalid' });
    expect((await schemeRow(s.id)).balanceFen).toBe(0n);
    expect(contributionSchema.safeParse({ schemeId: s.id, amountWan: '0', contributedOn: '2026-01-05', note: '' }).success).toBe(false);
  });
});

describe('filing claims (补偿申请)', () => {
  it('computes compensation = min(fund share × loss, cap per loan, balance) in each regime', async () => {
    // Share-bound: 70 % × 100 万 = 70 万, under the 300 万 cap and the 1,000 万 balance.
    const rich = await scheme({ balanceFen: 1000n * WAN });
    const c1 = await fileClaim(h.db, bank1, (await loan(rich.id)).id, { lossFen: 100n * WAN });
    expect(c1).toMatchObject({ status: 'filed', lossFen: 100n * WAN, compensationFen: 70n * WAN, filedBy: bank1.userId });
    // Cap-bound: 70 % × 500 万 = 350 万 > cap 300 万.
    const c2 = await fileClaim(h.db, bank1, (await loan(rich.id)).id, { lossFen: 500n * WAN });
    expect(c2.compensationFen).toBe(300n * WAN);
    // Balance-bound: 70 % × 100 万 = 70 万 > the 50 万 left in the fund.
    const poor = await scheme({ balanceFen: 50n * WAN });
    const c3 = await fileClaim(h.db, bank1, (await loan(poor.id)).id, { lossFen: 100n * WAN });
    expect(c3.compensationFen).toBe(50n * WAN);
    // The share is floored to the fen: 70 % of 3 fen is 2 fen (2.1).
    expect(compensationFor({ shareFundBp: 7000, capPerLoanFen: WAN, balanceFen: WAN }, 3n)).toBe(2n);
    expect(compensationFor({ shareFundBp: 5400, capPerLoanFen: WAN, balanceFen: WAN }, 1_001n)).toBe(540n);
    expect(await auditOf('claim', c1.id)).toEqual(['claim.file']);
    const toAdmins = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, c1.id), eq(notifications.toAdmins, true)));
    expect(toAdmins).toHaveLength(1);
  });

  it('refuses a loan not defaulted, not enrolled, with a claim in progress, a loss above the outstanding principal, or an empty fund', async () => {
    const s = await scheme({ balanceFen: 1000n * WAN });
    const before = await claimCount();
    for (const status of ['active', 'overdue', 'repaid', 'compensated', 'written_off'] as const) {
      await expect(fileClaim(h.db, bank1, (await loan(s.id, { status })).id, { lossFen: WAN })).rejects.toMatchObject({
        code: 'conflict',
        messageKey: 'loans.errors.not_defaulted',
      });
    }
    await expect(fileClaim(h.db, bank1, (await loan(null)).id, { lossFen: WAN })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'loans.errors.not_enrolled',
    });
    const l = await loan(s.id, { outstandingFen: 80n * WAN });
    await expect(fileClaim(h.db, bank1, l.id, { lossFen: 80n * WAN + 1n })).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'loans.errors.loss_above_outstanding',
    });
    await expect(fileClaim(h.db, bank1, l.id, { lossFen: 0n })).rejects.toMatchObject({ code: 'invalid' });
    const empty = await scheme({ balanceFen: 0n });
    await expect(fileClaim(h.db, bank1, (await loan(empty.id)).id, { lossFen: WAN })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'loans.errors.fund_empty',
    });
    expect(await claimCount()).toBe(before);
    // One claim in progress per loan; after a rejection the institution may file again.
    const first = await fileClaim(h.db, bank1, l.id, { lossFen: 80n * WAN });
    await expect(fileClaim(h.db, bank1, l.id, { lossFen: WAN })).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.claim_open' });
    await decideClaim(h.db, admin, first.id, 'approve');
    await expect(fileClaim(h.db, bank1, l.id, { lossFen: WAN })).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.claim_open' });
    const l2 = await loan(s.id);
    const rejected = await fileClaim(h.db, bank1, l2.id, { lossFen: WAN });
    await decideClaim(h.db, admin, rejected.id, 'reject', '材料不全');
    expect((await fileClaim(h.db, bank1, l2.id, { lossFen: WAN })).status).toBe('filed');
  });

  it('is for the loan’s institution only', async () => {
    const s = await scheme({ balanceFen: 1000n * WAN });
    const l = await loan(s.id);
    await expect(fileClaim(h.db, bank2, l.id, { lossFen: WAN })).rejects.toMatchObject({ code: 'not_found' });
    await expect(fileClaim(h.db, bank1, crypto.randomUUID(), { lossFen: WAN })).rejects.toMatchObject({ code: 'not_found' });
    await expect(fileClaim(h.db, smeA, l.id, { lossFen: WAN })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(fileClaim(h.db, admin, l.id, { lossFen: WAN })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps a loan with a claim in progress from being written off', async () => {
    const s = await scheme({ balanceFen: 1000n * WAN });
    const l = await loan(s.id);
    const c = await fileClaim(h.db, bank1, l.id, { lossFen: WAN });
    await expect(transitionLoan(h.db, bank1, l.id, 'write_off')).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.claim_open' });
    await decideClaim(h.db, admin, c.id, 'reject', '不符合补偿条件');
    expect((await transitionLoan(h.db, bank1, l.id, 'write_off')).status).toBe('written_off');
  });
});

describe('deciding and paying claims', () => {
  it('walks every (claim state, admin action) in the database: allowed moves are made, the rest refused with nothing changed', async () => {
    const s = await scheme({ balanceFen: 10_000n * WAN });
    const expected: Record<string, string> = { 'filed/approve': 'approved', 'filed/reject': 'rejected', 'approved/pay': 'paid' };
    for (const from of claimMachine.states) {
      for (const action of ['approve', 'reject', 'pay'] as const) {
        const l = await loan(s.id);
        const c = await fileClaim(h.db, bank1, l.id, { lossFen: 10n * WAN });
        await h.db
          .update(claims)
          .set({ status: from, rejectReason: from === 'rejected' ? 'x' : null })
          .where(eq(claims.id, c.id));
        const balance = (await schemeRow(s.id)).balanceFen;
        const run = () => (action === 'pay' ? payClaim(h.db, admin, c.id) : decideClaim(h.db, admin, c.id, action, action === 'reject' ? '理由' : null));
        const to = expected[`${from}/${action}`];
        if (to) {
          expect((await run()).status, `${from}/${action}`).toBe(to);
          expect(await auditOf('claim', c.id)).toEqual(['claim.file', `claim.${action}`]);
        } else {
          await expect(run(), `${from}/${action}`).rejects.toMatchObject({ code: 'conflict' });
          expect((await claimRow(c.id)).status).toBe(from);
          expect(await auditOf('claim', c.id)).toEqual(['claim.file']);
          expect((await schemeRow(s.id)).balanceFen).toBe(balance);
          expect((await loanRow(l.id)).status).toBe('defaulted');
        }
      }
    }
  });

  it('lets only admins decide and pay, and needs a reason to reject', async () => {
    const s = await scheme({ balanceFen: 1000n * WAN });
    const c = await fileClaim(h.db, bank1, (await loan(s.id)).id, { lossFen: WAN });
    await expect(decideClaim(h.db, bank1, c.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decideClaim(h.db, smeA, c.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(payClaim(h.db, bank1, c.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decideClaim(h.db, admin, c.id, 'reject', '  ')).rejects.toMatchObject({ code: 'invalid', messageKey: 'loans.errors.reason_required' });
    await expect(decideClaim(h.db, admin, crypto.randomUUID(), 'approve')).rejects.toMatchObject({ code: 'not_found' });
    await expect(payClaim(h.db, admin, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    expect((await claimRow(c.id)).status).toBe('filed');
    const rejected = await decideClaim(h.db, admin, c.id, 'reject', '贷款不符合报项目条件');
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '贷款不符合报项目条件', decidedBy: admin.userId });
    expect(rejected.decidedAt).toBeInstanceOf(Date);
  });

  it('pays an approved claim: the balance falls, paid_at is set, the loan is compensated, all audited and notified', async () => {
    const s = await scheme({ balanceFen: 1000n * WAN });
    const { loan: l, claim: c } = await approvedClaim(s.id, 100n * WAN);
    const paid = await payClaim(h.db, admin, c.id);
    expect(paid).toMatchObject({ status: 'paid', compensationFen: 70n * WAN });
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect((await schemeRow(s.id)).balanceFen).toBe(930n * WAN);
    expect((await loanRow(l.id)).status).toBe('compensated');
    expect(await auditOf('claim', c.id)).toEqual(['claim.file', 'claim.approve', 'claim.pay']);
    expect(await auditOf('loan', l.id)).toEqual(['loan.compensate']);
    expect(await auditOf('risk_scheme', s.id)).toEqual(['risk_scheme.payout']);
    const kinds = (await h.db.select().from(notifications).where(eq(notifications.entityId, c.id))).map((x) => x.kind).sort();
    expect(kinds).toEqual(['claim.approve', 'claim.filed', 'claim.paid']);
    const toEnterprise = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, l.id), eq(notifications.kind, 'loan.compensate')));
    expect(toEnterprise.map((x) => x.enterpriseId)).toEqual([smeA.enterpriseId]);
    await expect(payClaim(h.db, admin, c.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await schemeRow(s.id)).balanceFen).toBe(930n * WAN);
  });

  it('pays nothing from an empty fund: the claim stays approved until a contribution arrives', async () => {
    const s = await scheme({ balanceFen: 100n * WAN });
    const a = await approvedClaim(s.id, 100n * WAN); // 70 万
    const b = await approvedClaim(s.id, 100n * WAN); // 70 万
    await payClaim(h.db, admin, a.claim.id);
    expect((await payClaim(h.db, admin, b.claim.id)).compensationFen).toBe(30n * WAN); // the remainder
    const c = await approvedClaim(s.id, 10n * WAN).catch((e) => e);
    expect(c).toMatchObject({ code: 'conflict', messageKey: 'loans.errors.fund_empty' }); // cannot even be filed now
    // An approved claim met by an emptied fund waits: pay refuses, nothing changes.
    const s2 = await scheme({ balanceFen: 70n * WAN });
    const d = await approvedClaim(s2.id, 100n * WAN);
    const e = await approvedClaim(s2.id, 100n * WAN);
    await payClaim(h.db, admin, d.claim.id);
    await expect(payClaim(h.db, admin, e.claim.id)).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.fund_empty' });
    expect((await claimRow(e.claim.id)).status).toBe('approved');
    expect((await loanRow(e.loan.id)).status).toBe('defaulted');
    await recordContribution(h.db, admin, s2.id, { amountFen: 500n * WAN, contributedOn: '2026-06-01' });
    expect((await payClaim(h.db, admin, e.claim.id)).compensationFen).toBe(70n * WAN);
    expect((await schemeRow(s2.id)).balanceFen).toBe(430n * WAN);
  });
});

describe(`two concurrent payouts against a nearly empty fund (${testDbKind()})`, () => {
  async function race(balanceFen: bigint) {
    const s = await scheme({ balanceFen });
    const a = await approvedClaim(s.id, 100n * WAN); // 70 万 each
    const b = await approvedClaim(s.id, 100n * WAN);
    const results = await Promise.allSettled([payClaim(h.db, admin, a.claim.id), payClaim(h.db, admin, b.claim.id)]);
    const paid = await Promise.all([claimRow(a.claim.id), claimRow(b.claim.id)]);
    const balance = (await schemeRow(s.id)).balanceFen;
    const paidOut = paid.filter((c) => c.status === 'paid').reduce((sum, c) => sum + c.compensationFen, 0n);
    return { s, a, b, results, paid, balance, paidOut };
  }

  // Several rounds, so the two transactions interleave in more than one way on PostgreSQL.
  const ROUNDS = [1, 2, 3];

  it.each(ROUNDS)('pays one in full and the other the remainder; the balance ends at contributions − paid, never below zero (round %i)', async () => {
    const r = await race(100n * WAN);
    expect(r.results.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(r.paid.map((c) => c.compensationFen).sort((x, y) => Number(x - y))).toEqual([30n * WAN, 70n * WAN]);
    expect(r.balance).toBe(0n);
    expect(r.balance).toBe(100n * WAN - r.paidOut);
    const f = await schemeFigures(h.db, r.s.id);
    expect(f).toMatchObject({ claimsPaid: 2, paidFen: 100n * WAN, balanceFen: 0n });
    for (const x of [r.a, r.b]) expect((await loanRow(x.loan.id)).status).toBe('compensated');
  });

  it.each(ROUNDS)('pays one in full and refuses the other when the fund covers exactly one (round %i)', async () => {
    const r = await race(70n * WAN);
    expect(r.results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = r.results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict', messageKey: 'loans.errors.fund_empty' });
    expect(r.paid.map((c) => c.status).sort()).toEqual(['approved', 'paid']);
    expect(r.balance).toBe(0n);
    expect(r.paidOut).toBe(70n * WAN);
    expect(r.balance).toBe(70n * WAN - r.paidOut);
    const loansAfter = await Promise.all([loanRow(r.a.loan.id), loanRow(r.b.loan.id)]);
    expect(loansAfter.map((l) => l.status).sort()).toEqual(['compensated', 'defaulted']);
  });

  it('lets the database refuse a negative balance whatever the code does', async () => {
    const s = await scheme({ balanceFen: 5n });
    await expect(h.db.update(riskSchemes).set({ balanceFen: -1n }).where(eq(riskSchemes.id, s.id))).rejects.toBeTruthy();
    expect((await schemeRow(s.id)).balanceFen).toBe(5n);
  });
});

describe('scheme figures', () => {
  it('counts enrolled loans, supported enterprises, disbursed principal, claims paid and the balance', async () => {
    const s = await scheme();
    await recordContribution(h.db, admin, s.id, { amountFen: 1000n * WAN, contributedOn: '2026-01-05' });
    await loan(s.id, { status: 'active' });
    await loan(s.id, { status: 'active', enterprise: smeB });
    const { claim } = await approvedClaim(s.id, 200n * WAN);
    await payClaim(h.db, admin, claim.id);
    await loan(null, { status: 'active' }); // not enrolled: not counted
    expect(await schemeFigures(h.db, s.id)).toEqual({
      enrolledLoans: 3,
      supportedEnterprises: 2,
      disbursedFen: 1500n * WAN,
      // 在保余额: the two active loans; the compensated one is covered no more, the unenrolled one never was.
      inForceFen: 1000n * WAN,
      claimsPaid: 1,
      paidFen: 140n * WAN,
      contributedFen: 1000n * WAN,
      balanceFen: 860n * WAN,
    });
    await expect(schemeFigures(h.db, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives every scheme of the admins’ page its own figures, and zeros to one with nothing yet', async () => {
    const busy = await scheme();
    await recordContribution(h.db, admin, busy.id, { amountFen: 500n * WAN, contributedOn: '2026-02-01' });
    await loan(busy.id, { status: 'active', enterprise: smeB });
    const idle = await scheme();
    const { schemes } = await schemesOverview(h.db, admin);
    expect(schemes.length).toBeGreaterThan(2);
    for (const s of schemes) expect(s.figures).toEqual(await schemeFigures(h.db, s.id));
    expect(schemes.find((s) => s.id === busy.id)?.figures).toMatchObject({ enrolledLoans: 1, supportedEnterprises: 1, contributedFen: 500n * WAN });
    expect(schemes.find((s) => s.id === idle.id)?.figures).toEqual({
      enrolledLoans: 0,
      supportedEnterprises: 0,
      disbursedFen: 0n,
      inForceFen: 0n,
      claimsPaid: 0,
      paidFen: 0n,
      contributedFen: 0n,
      balanceFen: 0n,
    });
  });
});
