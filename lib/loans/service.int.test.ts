import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applications, auditEvents, ipAssets, loanRepayments, loans, notifications, parks, pledgeAssets, pledges, products, users } from '../../db/schema';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { pgConstraint, pgErrorCode } from '../core/errors';
import { LOAN_LIFECYCLE_ACTIONS, loanMachine, type LoanStatus } from '../machines/loan';
import { getLoanView, loanSchedule, loansForEnterprise, loansForInstitution, recordRepayment, transitionLoan } from './service';
import { withPatentCheckChar } from '../ip/patent-number';
import { cancelPledge, enforcePledge, getPledgeForApplication, registerPledge } from '../ip/pledges';
import { claimDecisionSchema, loanListQuerySchema, pledgeRegistrationSchema, repaymentSchema } from '../validation/loans';

let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let bank1: Actor;
let bank2: Actor;
let admin: Actor;
let productId: string;
let seq = 0;

const WAN = 1_000_000n;

async function asset(owner: Actor) {
  const [a] = await h.db
    .insert(ipAssets)
    .values({
      enterpriseId: owner.enterpriseId!,
      kind: 'invention',
      number: withPatentCheckChar(`20221${String(++seq).padStart(7, '0')}`),
      title: '一种方法',
      owners: [owner.name],
      expiryDate: '2042-01-01',
      valuationFen: 500n * WAN,
    })
    .returning();
  return a;
}

async function application(owner: Actor, status: 'approved' | 'disbursed' | 'accepted' = 'disbursed', principalFen = 300n * WAN) {
  const [app] = await h.db
    .insert(applications)
    .values({
      enterpriseId: owner.enterpriseId!,
      productId,
      institutionId: bank1.institutionId!,
      amountFen: principalFen,
      termMonths: 12,
      status,
      approvedAmountFen: status === 'accepted' ? null : principalFen,
      approvedRateBp: status === 'accepted' ? null : 360,
      approvedTermMonths: status === 'accepted' ? null : 12,
      idempotencyKey: crypto.randomUUID(),
      requestHash: 'x',
    })
    .returning();
  return app;
}

/** A disbursed loan of 甲 at 一号银行, optionally secured by a registered pledge of a fresh asset. */
async function loan(
  opts: {
    status?: LoanStatus;
    principalFen?: bigint;
    outstandingFen?: bigint;
    pledged?: boolean;
    method?: 'equal_installment' | 'equal_principal' | 'interest_first' | 'bullet';
  } = {},
) {
  const principalFen = opts.principalFen ?? 300n * WAN;
  const app = await application(smeA, 'disbursed', principalFen);
  const [l] = await h.db
    .insert(loans)
    .values({
      applicationId: app.id,
      enterpriseId: smeA.enterpriseId!,
      institutionId: bank1.institutionId!,
      productId,
      principalFen,
      annualRateBp: 360,
      termMonths: 12,
      repaymentMethod: opts.method ?? 'equal_installment',
      disbursedOn: '2026-01-15',
      maturesOn: '2027-01-15',
      status: opts.status ?? 'active',
      outstandingFen: opts.outstandingFen ?? principalFen,
    })
    .returning();
  let pledgeId: string | null = null;
  let assetId: string | null = null;
  if (opts.pledged) {
    const a = await asset(smeA);
    assetId = a.id;
    const [p] = await h.db
      .insert(pledges)
      .values({
        applicationId: app.id,
        loanId: l.id,
        pledgedValueFen: 500n * WAN,
        status: 'registered',
        registrationNumber: `Y2026440${String(seq).padStart(6, '0')}`,
        registeredOn: '2026-01-10',
      })
      .returning();
    await h.db.insert(pledgeAssets).values({ pledgeId: p.id, ipAssetId: a.id });
    await h.db.update(ipAssets).set({ status: 'pledged' }).where(eq(ipAssets.id, a.id));
    pledgeId = p.id;
  }
  return { loan: l, app, pledgeId, assetId };
}

const loanRow = async (id: string) => (await h.db.select().from(loans).where(eq(loans.id, id)))[0];
const pledgeRow = async (id: string) => (await h.db.select().from(pledges).where(eq(pledges.id, id)))[0];
const assetRow = async (id: string) => (await h.db.select().from(ipAssets).where(eq(ipAssets.id, id)))[0];
const liveOf = async (pledgeId: string) => (await h.db.select().from(pledgeAssets).where(eq(pledgeAssets.pledgeId, pledgeId))).map((r) => r.live);
const auditOf = async (entity: string, id: string) =>
  (
    await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, id)))
      .orderBy(auditEvents.id)
  ).map((a) => a.action);
const repaymentCount = async (loanId: string) => Number((await h.db.select({ n: count() }).from(loanRepayments).where(eq(loanRepayments.loanId, loanId)))[0].n);
const pay = (principalFen: bigint, interestFen = 0n, paidOn = '2026-02-15') => ({ principalFen, interestFen, paidOn });

beforeAll(async () => {
  h = await openTestDb();
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  smeA = await enterpriseActor(h.db, { name: '甲科技', parkId: park.id, verificationStatus: 'verified' });
  smeB = await enterpriseActor(h.db, { name: '乙科技', parkId: park.id, verificationStatus: 'verified' });
  bank1 = await institutionActor(h.db, { name: '一号银行' });
  bank2 = await institutionActor(h.db, { name: '二号银行' });
  const [u] = await h.db.insert(users).values({ name: '管理员', email: 'loan-admin@x.cn', passwordHash: 'x', role: 'admin' }).returning();
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
      repaymentMethods: ['equal_installment', 'equal_principal', 'interest_first', 'bullet'],
      status: 'published',
    })
    .returning();
  productId = p.id;
});
afterAll(async () => h?.close());

describe('repayment schedule (还款计划)', () => {
  it('gives each method its schedule to the fen, due monthly, the last on maturity', () => {
    const base = { principalFen: 300n * WAN, annualRateBp: 360, termMonths: 12, disbursedOn: '2026-01-15', maturesOn: '2027-01-15' } as const;
    for (const method of ['equal_installment', 'equal_principal', 'interest_first', 'bullet'] as const) {
      const s = loanSchedule({ ...base, repaymentMethod: method });
      expect(s.periods).toHaveLength(12);
      expect(s.periods.reduce((a, p) => a + p.principalFen, 0n)).toBe(300n * WAN);
      expect(s.periods.at(-1)!.remainingFen).toBe(0n);
      expect(s.periods[0].dueOn).toBe('2026-02-15');
      expect(s.periods.at(-1)!.dueOn).toBe('2027-01-15');
    }
    // 等额本金: 25 万元 of principal a month; the first month's interest is 300 万 × 3.6 % / 12 = 9,000 元.
    const ep = loanSchedule({ ...base, repaymentMethod: 'equal_principal' });
    expect(ep.periods[0]).toMatchObject({ principalFen: 25n * WAN, interestFen: 900_000n });
    // 到期还本: 300 万 × 3.6 % = 10.8 万元 interest with the principal at maturity.
    const bullet = loanSchedule({ ...base, repaymentMethod: 'bullet' });
    expect(bullet.periods.at(-1)!.paymentFen).toBe(300n * WAN + 108_000_00n);
    // 先息后本: 9,000 元 every month.
    expect(loanSchedule({ ...base, repaymentMethod: 'interest_first' }).periods.every((p) => p.interestFen === 900_000n)).toBe(true);
  });
});

describe('recording repayments', () => {
  it('reduces the outstanding principal, stores the repayment, audits and tells the enterprise', async () => {
    const { loan: l } = await loan();
    const r = await recordRepayment(h.db, bank1, l.id, pay(25n * WAN, 900_000n));
    expect(r.loan.outstandingFen).toBe(275n * WAN);
    expect(r.loan.status).toBe('active');
    expect(r.repayment).toMatchObject({ principalFen: 25n * WAN, interestFen: 900_000n, paidOn: '2026-02-15', recordedBy: bank1.userId });
    await recordRepayment(h.db, bank1, l.id, pay(0n, 825_000n, '2026-03-15')); // interest only
    expect((await loanRow(l.id)).outstandingFen).toBe(275n * WAN);
    expect(await repaymentCount(l.id)).toBe(2);
    expect(await auditOf('loan', l.id)).toEqual(['loan.repayment', 'loan.repayment']);
    const notes = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, l.id), eq(notifications.kind, 'loan.repayment')));
    expect(notes.map((n) => n.enterpriseId)).toEqual([smeA.enterpriseId, smeA.enterpriseId]);
  });

  it('refuses more principal than is outstanding, an empty or future repayment, or one before disbursement — and changes nothing', async () => {
    const { loan: l } = await loan({ outstandingFen: 10n * WAN });
    await expect(recordRepayment(h.db, bank1, l.id, pay(10n * WAN + 1n))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'loans.errors.principal_above_outstanding',
    });
    await expect(recordRepayment(h.db, bank1, l.id, pay(0n, 0n))).rejects.toMatchObject({ code: 'invalid', messageKey: 'loans.errors.repayment_empty' });
    await expect(recordRepayment(h.db, bank1, l.id, pay(1n, 0n, '2999-01-01'))).rejects.toMatchObject({ code: 'invalid', messageKey: 'date_future' });
    await expect(recordRepayment(h.db, bank1, l.id, pay(1n, 0n, '2026-01-14'))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'loans.errors.paid_before_disbursement',
    });
    await expect(recordRepayment(h.db, bank1, l.id, pay(-1n, 5n))).rejects.toMatchObject({ code: 'invalid' });
    expect((await loanRow(l.id)).outstandingFen).toBe(10n * WAN);
    expect(await repaymentCount(l.id)).toBe(0);
    expect(await auditOf('loan', l.id)).toEqual([]);
  });

  it('repays the loan at zero outstanding, releases its registered pledge and frees the asset', async () => {
    const { loan: l, pledgeId, assetId } = await loan({ pledged: true, outstandingFen: 40n * WAN });
    await recordRepayment(h.db, bank1, l.id, pay(15n * WAN));
    expect((await loanRow(l.id)).status).toBe('active');
    expect((await assetRow(assetId!)).status).toBe('pledged');
    const r = await recordRepayment(h.db, bank1, l.id, pay(25n * WAN, 75_000n, '2026-03-15'));
    expect(r.loan).toMatchObject({ status: 'repaid', outstandingFen: 0n });
    expect((await loanRow(l.id)).status).toBe('repaid');
    expect((await pledgeRow(pledgeId!)).status).toBe('released');
    expect(await liveOf(pledgeId!)).toEqual([false]);
    expect((await assetRow(assetId!)).status).toBe('free');
    expect(await auditOf('loan', l.id)).toEqual(['loan.repayment', 'loan.repayment', 'loan.repay']);
    expect(await auditOf('pledge', pledgeId!)).toEqual(['pledge.release']);
    const kinds = (await h.db.select().from(notifications).where(eq(notifications.enterpriseId, smeA.enterpriseId!))).map((n) => n.kind);
    expect(kinds).toContain('loan.repay');
    expect(kinds).toContain('pledge.release');
    // The freed asset can be pledged again: a new live pledge of it is accepted by the unique index.
    const app = await application(smeA, 'approved');
    const [p2] = await h.db.insert(pledges).values({ applicationId: app.id, pledgedValueFen: 1n }).returning();
    await h.db.insert(pledgeAssets).values({ pledgeId: p2.id, ipAssetId: assetId! });
    expect(await liveOf(p2.id)).toEqual([true]);
  });

  it('cures an overdue loan paid in full before it is repaid', async () => {
    const { loan: l } = await loan({ status: 'overdue', outstandingFen: 5n * WAN });
    const r = await recordRepayment(h.db, bank1, l.id, pay(5n * WAN, 12_345n));
    expect(r.loan.status).toBe('repaid');
    expect(await auditOf('loan', l.id)).toEqual(['loan.repayment', 'loan.cure', 'loan.repay']);
  });

  it('refuses a repayment of a loan that is not active or overdue, changing nothing', async () => {
    for (const status of ['repaid', 'defaulted', 'compensated', 'written_off'] as const) {
      const { loan: l } = await loan({ status, outstandingFen: status === 'repaid' ? 0n : 5n * WAN });
      await expect(recordRepayment(h.db, bank1, l.id, pay(0n, 1n))).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.not_repayable' });
      expect(await repaymentCount(l.id)).toBe(0);
      expect((await loanRow(l.id)).status).toBe(status);
    }
  });

  it('answers not found to another institution and forbids enterprises and admins', async () => {
    const { loan: l } = await loan();
    await expect(recordRepayment(h.db, bank2, l.id, pay(1n))).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordRepayment(h.db, bank1, crypto.randomUUID(), pay(1n))).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordRepayment(h.db, smeA, l.id, pay(1n))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordRepayment(h.db, admin, l.id, pay(1n))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await repaymentCount(l.id)).toBe(0);
  });
});

describe('loan lifecycle in the database', () => {
  it('walks every (state, officer action): allowed moves are made and audited, the rest refused with nothing changed', async () => {
    const { loan: l } = await loan();
    const expected: Record<string, LoanStatus> = {
      'active/mark_overdue': 'overdue',
      'overdue/cure': 'active',
      'overdue/default': 'defaulted',
      'defaulted/write_off': 'written_off',
    };
    for (const from of loanMachine.states) {
      for (const action of LOAN_LIFECYCLE_ACTIONS) {
        await h.db.update(loans).set({ status: from }).where(eq(loans.id, l.id));
        const audits = (await auditOf('loan', l.id)).length;
        const to = expected[`${from}/${action}`];
        if (to) {
          expect((await transitionLoan(h.db, bank1, l.id, action)).status, `${from}/${action}`).toBe(to);
          expect((await auditOf('loan', l.id)).at(-1)).toBe(`loan.${action}`);
        } else {
          await expect(transitionLoan(h.db, bank1, l.id, action), `${from}/${action}`).rejects.toMatchObject({ code: 'conflict' });
          expect((await loanRow(l.id)).status).toBe(from);
          expect((await auditOf('loan', l.id)).length).toBe(audits);
        }
      }
    }
  });

  it('notifies the enterprise of each move', async () => {
    const { loan: l } = await loan();
    await transitionLoan(h.db, bank1, l.id, 'mark_overdue');
    await transitionLoan(h.db, bank1, l.id, 'default');
    const kinds = (await h.db.select().from(notifications).where(eq(notifications.entityId, l.id))).map((n) => [n.kind, n.enterpriseId]);
    expect(kinds).toEqual([
      ['loan.mark_overdue', smeA.enterpriseId],
      ['loan.default', smeA.enterpriseId],
    ]);
  });

  it('is for the loan’s institution only, and only its lifecycle actions', async () => {
    const { loan: l } = await loan();
    await expect(transitionLoan(h.db, bank2, l.id, 'mark_overdue')).rejects.toMatchObject({ code: 'not_found' });
    await expect(transitionLoan(h.db, smeA, l.id, 'mark_overdue')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(transitionLoan(h.db, admin, l.id, 'mark_overdue')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(transitionLoan(h.db, bank1, l.id, 'repay' as never)).rejects.toMatchObject({ code: 'invalid' });
    expect((await loanRow(l.id)).status).toBe('active');
  });
});

describe('seeing loans', () => {
  it('shows a loan with its schedule, repayments and pledge to its enterprise and institution; others get not found', async () => {
    const { loan: l, pledgeId } = await loan({ pledged: true });
    await recordRepayment(h.db, bank1, l.id, pay(1n * WAN, 2n));
    for (const actor of [smeA, bank1, admin]) {
      const v = await getLoanView(h.db, actor, l.id);
      expect(v.loan.productName).toBe('知识产权质押贷');
      expect(v.schedule.periods).toHaveLength(12);
      expect(v.repayments).toHaveLength(1);
      expect(v.paid).toEqual({ principalFen: 1n * WAN, interestFen: 2n });
      expect(v.pledges.map((p) => p.id)).toEqual([pledgeId]);
      expect(v.pledges[0].assets).toHaveLength(1);
      expect(v.enrolment).toBeNull();
    }
    await expect(getLoanView(h.db, smeB, l.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getLoanView(h.db, bank2, l.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getLoanView(h.db, smeA, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists an enterprise’s own loans and an institution’s by status, a page at a time', async () => {
    const mine = await loansForEnterprise(h.db, smeA);
    expect(mine.total).toBeGreaterThan(5);
    expect(mine.items.length).toBeLessThanOrEqual(20);
    expect((await loansForEnterprise(h.db, smeB)).total).toBe(0);
    const overdue = await loansForInstitution(h.db, bank1, loanListQuerySchema.parse({ status: 'overdue' }));
    expect(overdue.items.every((i) => i.status === 'overdue')).toBe(true);
    const all = await loansForInstitution(h.db, bank1, loanListQuerySchema.parse({}));
    expect(all.total).toBe(mine.total);
    const page2 = await loansForInstitution(h.db, bank1, loanListQuerySchema.parse({ page: '2' }));
    expect(page2.items.map((i) => i.id)).not.toContain(all.items[0].id);
    expect((await loansForInstitution(h.db, bank2, loanListQuerySchema.parse({}))).total).toBe(0);
    await expect(loansForInstitution(h.db, smeA, loanListQuerySchema.parse({}))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('pledges (质押)', () => {
  async function pendingPledge(status: 'approved' | 'accepted' = 'approved') {
    const app = await application(smeA, status);
    const a = await asset(smeA);
    const [p] = await h.db
      .insert(pledges)
      .values({ applicationId: app.id, pledgedValueFen: 500n * WAN })
      .returning();
    await h.db.insert(pledgeAssets).values({ pledgeId: p.id, ipAssetId: a.id });
    return { app, pledgeId: p.id, assetId: a.id };
  }
  const reg = { registrationNumber: 'Y2026440000123', registeredOn: '2026-02-01' };

  it('registers a pending pledge of an approved application: number and date stored, asset pledged, audited', async () => {
    const { app, pledgeId, assetId } = await pendingPledge();
    expect(await getPledgeForApplication(h.db, app.id)).toMatchObject({ id: pledgeId, status: 'pending_registration', assets: [{ id: assetId }] });
    const p = await registerPledge(h.db, bank1, pledgeId, { ...reg, registrationNumber: '  Y2026440000123 ' });
    expect(p).toMatchObject({ status: 'registered', registrationNumber: 'Y2026440000123', registeredOn: '2026-02-01' });
    expect((await getPledgeForApplication(h.db, app.id))?.status).toBe('registered');
    expect((await assetRow(assetId)).status).toBe('pledged');
    expect(await liveOf(pledgeId)).toEqual([true]);
    expect(await auditOf('pledge', pledgeId)).toEqual(['pledge.register']);
    await expect(registerPledge(h.db, bank1, pledgeId, reg)).rejects.toMatchObject({ code: 'conflict' });
    expect(await getPledgeForApplication(h.db, (await application(smeA, 'approved')).id)).toBeNull();
  });

  it('refuses a foreign institution, an enterprise, a bad number or date, and an application not approved — changing nothing', async () => {
    const { pledgeId, assetId } = await pendingPledge();
    await expect(registerPledge(h.db, bank2, pledgeId, reg)).rejects.toMatchObject({ code: 'not_found' });
    await expect(registerPledge(h.db, bank1, crypto.randomUUID(), reg)).rejects.toMatchObject({ code: 'not_found' });
    await expect(registerPledge(h.db, smeA, pledgeId, reg)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registerPledge(h.db, bank1, pledgeId, { ...reg, registrationNumber: ' ' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(registerPledge(h.db, bank1, pledgeId, { ...reg, registrationNumber: 'Y'.repeat(41) })).rejects.toMatchObject({ code: 'invalid' });
    await expect(registerPledge(h.db, bank1, pledgeId, { ...reg, registeredOn: '2999-01-01' })).rejects.toMatchObject({ code: 'invalid' });
    const notApproved = await pendingPledge('accepted');
    await expect(registerPledge(h.db, bank1, notApproved.pledgeId, reg)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'loans.errors.application_not_approved',
    });
    expect((await pledgeRow(pledgeId)).status).toBe('pending_registration');
    expect((await assetRow(assetId)).status).toBe('free');
    expect(await auditOf('pledge', pledgeId)).toEqual([]);
  });

  it('cancels a pending pledge when the application is withdrawn: the pledge ends (audited), the asset is free', async () => {
    const { app, pledgeId, assetId } = await pendingPledge();
    await h.db.update(ipAssets).set({ status: 'pledged' }).where(eq(ipAssets.id, assetId));
    await expect(cancelPledge(h.db, smeB, pledgeId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelPledge(h.db, bank2, pledgeId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelPledge(h.db, admin, pledgeId)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getPledgeForApplication(h.db, app.id)).not.toBeNull();
    expect((await cancelPledge(h.db, smeA, pledgeId)).status).toBe('released');
    expect(await getPledgeForApplication(h.db, app.id)).toBeNull();
    expect((await assetRow(assetId)).status).toBe('free');
    expect(await auditOf('pledge', pledgeId)).toEqual(['pledge.cancel']);
    await expect(cancelPledge(h.db, smeA, pledgeId)).rejects.toMatchObject({ code: 'not_found' });
    // A registered pledge is not cancelled: it is released when the loan is repaid.
    const registered = await pendingPledge();
    await registerPledge(h.db, bank1, registered.pledgeId, reg);
    await expect(cancelPledge(h.db, bank1, registered.pledgeId)).rejects.toMatchObject({ code: 'conflict' });
    expect((await pledgeRow(registered.pledgeId)).status).toBe('registered');
  });

  it('enforces a registered pledge only after default', async () => {
    const { loan: l, pledgeId, assetId } = await loan({ pledged: true });
    await expect(enforcePledge(h.db, bank1, pledgeId!)).rejects.toMatchObject({ code: 'conflict', messageKey: 'loans.errors.not_defaulted' });
    await expect(enforcePledge(h.db, bank2, pledgeId!)).rejects.toMatchObject({ code: 'not_found' });
    await h.db.update(loans).set({ status: 'defaulted' }).where(eq(loans.id, l.id));
    expect((await enforcePledge(h.db, bank1, pledgeId!)).status).toBe('enforced');
    expect(await liveOf(pledgeId!)).toEqual([false]);
    expect((await assetRow(assetId!)).status).toBe('free');
  });

  it('lets the unique index refuse an asset already in a live pledge', async () => {
    const { pledgeId, assetId } = await pendingPledge();
    const other = await application(smeA, 'approved');
    const [p2] = await h.db.insert(pledges).values({ applicationId: other.id, pledgedValueFen: 1n }).returning();
    const err = await h.db
      .insert(pledgeAssets)
      .values({ pledgeId: p2.id, ipAssetId: assetId })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(err)).toBe('23505');
    expect(pgConstraint(err)).toBe('pledge_assets_one_live_uq');
    // Registered is live too.
    await registerPledge(h.db, bank1, pledgeId, reg);
    await expect(h.db.insert(pledgeAssets).values({ pledgeId: p2.id, ipAssetId: assetId })).rejects.toBeTruthy();
  });
});

describe('loan shapes', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('parses repayments typed in 万元 to fen, and refuses empty, negative or future ones', () => {
    expect(repaymentSchema.parse({ loanId: id, principalWan: '12.5', interestWan: '0.0001', paidOn: '2026-01-01' })).toMatchObject({
      principalFen: 12_500_000n,
      interestFen: 100n,
    });
    const err = (v: object) =>
      repaymentSchema.safeParse({ loanId: id, principalWan: '1', interestWan: '0', paidOn: '2026-01-01', ...v }).error?.issues[0].message;
    expect(err({ principalWan: '0', interestWan: '0' })).toBe('loans.errors.repayment_empty');
    expect(err({ principalWan: '-1' })).toBe('amount');
    expect(err({ principalWan: '0.0000001' })).toBe('amount');
    expect(err({ paidOn: '2999-12-31' })).toBe('date_future');
    expect(err({ paidOn: '2026-02-30' })).toBe('date');
    expect(err({ loanId: 'x' })).toBe('not_found');
  });

  it('checks pledge registrations and claim decisions', () => {
    const reg = (v: object) => pledgeRegistrationSchema.safeParse({ pledgeId: id, registrationNumber: 'Y1', registeredOn: zoneDay(), ...v });
    expect(reg({}).success).toBe(true);
    expect(reg({ registrationNumber: '  ' }).error?.issues[0].message).toBe('required');
    expect(reg({ registrationNumber: 'Y'.repeat(41) }).error?.issues[0].message).toBe('too_long');
    expect(reg({ registeredOn: '2999-01-01' }).error?.issues[0].message).toBe('date_future');
    expect(claimDecisionSchema.safeParse({ claimId: id, decision: 'reject', reason: ' ' }).error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: 'loans.errors.reason_required',
    });
    expect(claimDecisionSchema.safeParse({ claimId: id, decision: 'approve', reason: '' }).success).toBe(true);
  });
});
