import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  applicationEvents,
  applications,
  auditEvents,
  consents,
  enterprises,
  financingNeeds,
  institutions,
  ipAssets,
  loans,
  lprRates,
  notifications,
  parks,
  pledges,
  products,
  riskSchemes,
  schemeEnrolments,
  users,
} from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { submitApplication, transitionApplication } from './service';
import { updateProduct } from '../products/service';
import { publishedProduct } from '../test-fixtures';
import { productFormSchema, productToForm, type ProductFormInput } from '../validation/product';
import { applicationFor } from './views';
import { workbenchFor } from './workbench';
import { getNeedWithAssets } from '../../db/queries/needs';
import { workbenchRow } from '../../db/queries/applications';
import { lprOn } from '../../db/queries/lpr';
import { applicationDocumentsView } from '../documents/sharing';
import { scoreReport } from '../innovation/service';
import type { Actor } from '../auth/actor';
import type { AppError } from '../core/errors';
import { withPatentCheckChar } from '../ip/patent-number';
import { withUsccCheckChar } from '../enterprises/uscc';
import { applicationDecisionSchema, applicationFormSchema, type ApplicationFormInput } from '../validation/application';
import { addMonths, zoneDay } from '../core/dates';

let h: DbHandle;
let sme: Actor;
let otherSme: Actor;
let officers: Actor[];
let rivalBank: Actor;
let creditProduct: string;
let ipProduct: string;
let patent: string;
let n = 0;
const key = () => `key-${Date.now()}-${++n}`;

async function user(values: typeof users.$inferInsert): Promise<Actor> {
  const [u] = await h.db.insert(users).values(values).returning();
  return { userId: u.id, role: u.role, name: u.name, email: u.email, enterpriseId: u.enterpriseId, institutionId: u.institutionId, memberRole: u.memberRole };
}

/** An invention patent of the applying enterprise (sme), valued, that an IP-pledge application can offer. */
async function smePatent(number: string, title: string, o: { expiryDate: string; valuationFen: bigint }) {
  const [asset] = await h.db
    .insert(ipAssets)
    .values({ enterpriseId: sme.enterpriseId!, kind: 'invention', number: withPatentCheckChar(number), title, owners: ['申请企业1'], ...o })
    .returning();
  return asset;
}

beforeAll(async () => {
  h = await openTestDb({ poolMax: 25 });
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  const ent = async (i: string) =>
    (
      await h.db
        .insert(enterprises)
        .values({
          uscc: withUsccCheckChar(`91440605MA4A${i.padStart(5, '0')}`),
          name: `申请企业${i}`,
          parkId: park.id,
          industry: 'C',
          foundedOn: '2015-01-01',
          registeredCapitalFen: 1n,
          employees: 50,
          revenueFen: 1n,
          rndExpenseFen: 1n,
        })
        .returning()
    )[0];
  const e1 = await ent('1');
  const e2 = await ent('2');
  sme = await user({ name: '财务经理', email: 'cfo@a.cn', passwordHash: 'x', role: 'enterprise', enterpriseId: e1.id, memberRole: 'owner' });
  otherSme = await user({ name: '他人', email: 'cfo@b.cn', passwordHash: 'x', role: 'enterprise', enterpriseId: e2.id, memberRole: 'owner' });
  const bank = async (i: string) =>
    (
      await h.db
        .insert(institutions)
        .values({
          name: `银行${i}`,
          kind: 'bank',
          uscc: withUsccCheckChar(`91440600MA4K${i.padStart(5, '0')}`),
          contactName: 'x',
          contactPhone: '1',
          contactEmail: 'x@x',
          status: 'active',
        })
        .returning()
    )[0];
  const b1 = await bank('1');
  const b2 = await bank('2');
  officers = [];
  for (let i = 0; i < 20; i++)
    officers.push(
      await user({ name: `信贷员${i}`, email: `officer${i}@bank.cn`, passwordHash: 'x', role: 'institution', institutionId: b1.id, memberRole: 'officer' }),
    );
  rivalBank = await user({ name: '别家', email: 'rival@bank.cn', passwordHash: 'x', role: 'institution', institutionId: b2.id, memberRole: 'officer' });
  const [scheme] = await h.db
    .insert(riskSchemes)
    .values({
      code: 'ip',
      name: '风险补偿',
      kind: 'ip_pledge_compensation',
      eligibleCategories: ['ip_pledge'],
      shareFundBp: 7000,
      shareBankBp: 3000,
      capPerLoanFen: 500_000_000n,
      balanceFen: 1_000_000_000n,
    })
    .returning();
  const base = {
    institutionId: b1.id,
    summary: 's',
    amountMinFen: 100_000_000n,
    amountMaxFen: 1_000_000_000n,
    termMinMonths: 6,
    termMaxMonths: 36,
    rateMinBp: 300,
    rateMaxBp: 450,
    repaymentMethods: ['equal_installment' as const],
    status: 'published' as const,
    publishedAt: new Date(),
  };
  creditProduct = (
    await h.db
      .insert(products)
      .values({ ...base, name: '信用贷', category: 'credit', guaranteeMethods: ['credit'] })
      .returning()
  )[0].id;
  ipProduct = (
    await h.db
      .insert(products)
      .values({ ...base, name: '知识产权质押贷', category: 'ip_pledge', guaranteeMethods: ['pledge'], schemeId: scheme.id })
      .returning()
  )[0].id;
  patent = (
    await h.db
      .insert(ipAssets)
      .values({
        enterpriseId: e1.id,
        kind: 'invention',
        number: withPatentCheckChar('202110123456'),
        title: '一种数控方法',
        owners: ['申请企业1'],
        expiryDate: '2041-03-01',
        valuationFen: 600_000_000n,
      })
      .returning()
  )[0].id;
});
afterAll(async () => h?.close());

const form = (over: Partial<ApplicationFormInput> = {}) =>
  applicationFormSchema.parse({ productId: creditProduct, needId: '', amountWan: '500', termMonths: '12', ipAssetIds: [], idempotencyKey: key(), ...over });
const approve = (applicationId: string, actor = officers[0], over: Record<string, string> = {}) =>
  transitionApplication(
    h.db,
    actor,
    applicationDecisionSchema.parse({ applicationId, action: 'approve', approvedAmountWan: '400', approvedRate: '3.45', approvedTermMonths: '12', ...over }),
  );
const step = (applicationId: string, action: 'accept' | 'disburse' | 'withdraw', actor: Actor) => transitionApplication(h.db, actor, { applicationId, action });

describe('submitting an application', () => {
  it('creates one application for a double click or a retry, and refuses the same key with another body', async () => {
    const f = form();
    const [a, b] = [await submitApplication(h.db, sme, f), await submitApplication(h.db, sme, f)];
    expect(a.created).toBe(true);
    expect(b).toEqual({ application: a.application, created: false });
    await expect(submitApplication(h.db, sme, { ...f, amountFen: 600_000_000n })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'applications.errors.idempotency_mismatch',
    });
    const [{ c }] = await h.db.select({ c: count() }).from(applications).where(eq(applications.idempotencyKey, f.idempotencyKey));
    expect(c).toBe(1);
  });

  it('creates one application when the same request arrives many times at once', async () => {
    const f = form();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => submitApplication(h.db, sme, f)));
    const ok = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ created: boolean; application: { id: string } }>[];
    expect(ok.filter((r) => r.value.created)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.value.application.id)).size).toBe(1);
    const [{ c }] = await h.db.select({ c: count() }).from(applications).where(eq(applications.idempotencyKey, f.idempotencyKey));
    expect(c).toBe(1);
  });

  it('grants consent to the institution, writes the first timeline event and notifies the institution', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    const events = await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, application.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'submitted']]);
    const c = await h.db
      .select()
      .from(consents)
      .where(and(eq(consents.enterpriseId, sme.enterpriseId!), eq(consents.institutionId, officers[0].institutionId!)));
    expect(c).toHaveLength(1);
    expect(await h.db.select().from(notifications).where(eq(notifications.entityId, application.id))).toHaveLength(1);
  });

  it('keeps amount and term inside the product’s limits', async () => {
    await expect(submitApplication(h.db, sme, form({ amountWan: '5000' }))).rejects.toMatchObject({ messageKey: 'applications.errors.amount_range' });
    await expect(submitApplication(h.db, sme, form({ termMonths: '48' }))).rejects.toMatchObject({ messageKey: 'applications.errors.term_range' });
  });

  it('moves the need it came from to matched', async () => {
    const [need] = await h.db
      .insert(financingNeeds)
      .values({ enterpriseId: sme.enterpriseId!, amountFen: 400_000_000n, termMonths: 12, purpose: 'equipment', guaranteeMethods: ['credit'] })
      .returning();
    await submitApplication(h.db, sme, form({ needId: need.id }));
    const [after] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, need.id));
    expect(after.status).toBe('matched');
    await expect(submitApplication(h.db, otherSme, form({ needId: need.id }))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('acting on an application', () => {
  it('walks submitted → accepted → approved → disbursed, with a loan, timestamps and a full timeline', async () => {
    const [need] = await h.db
      .insert(financingNeeds)
      .values({ enterpriseId: sme.enterpriseId!, amountFen: 400_000_000n, termMonths: 12, purpose: 'equipment', guaranteeMethods: ['credit'] })
      .returning();
    const { application } = await submitApplication(h.db, sme, form({ needId: need.id }));
    const accepted = await step(application.id, 'accept', officers[0]);
    expect(accepted.firstActionAt).toBeInstanceOf(Date);
    const approved = await approve(application.id);
    expect(approved).toMatchObject({ status: 'approved', approvedAmountFen: 400_000_000n, approvedRateBp: 345, approvedTermMonths: 12 });
    const disbursed = await step(application.id, 'disburse', officers[1]);
    expect(disbursed.disbursedAt).toBeInstanceOf(Date);
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan).toMatchObject({
      principalFen: 400_000_000n,
      outstandingFen: 400_000_000n,
      annualRateBp: 345,
      termMonths: 12,
      status: 'active',
      repaymentMethod: 'equal_installment',
    });
    const events = await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, application.id)).orderBy(applicationEvents.id);
    expect(events.map((e) => e.toStatus)).toEqual(['submitted', 'accepted', 'approved', 'disbursed']);
    const [needAfter] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, need.id));
    expect(needAfter.status).toBe('fulfilled');
    // The workbench reads the need with everything else, as its own read gives it.
    const w = await workbenchFor(h.db, officers[1], application.id);
    expect(w.need).toEqual(await getNeedWithAssets(h.db, need.id));
    expect(w.need?.status).toBe('fulfilled');
    // …and the 1-year LPR in force on the day, as lprOn reads it (none before any is recorded).
    expect((await workbenchRow(h.db, application.id, '2026-11-20'))?.lprBp).toBeNull();
    await h.db.insert(lprRates).values([
      { effectiveOn: '2026-05-20', oneYearBp: 300, fiveYearBp: 350 },
      { effectiveOn: '2026-10-20', oneYearBp: 290, fiveYearBp: 340 },
      { effectiveOn: '2026-12-20', oneYearBp: 280, fiveYearBp: 330 },
    ]);
    try {
      for (const day of ['2026-05-19', '2026-05-20', '2026-11-20', '2026-12-20']) {
        expect((await workbenchRow(h.db, application.id, day))?.lprBp, day).toBe((await lprOn(h.db, day))?.oneYearBp ?? null);
      }
      expect((await workbenchRow(h.db, application.id, '2026-11-20'))?.lprBp).toBe(290);
    } finally {
      await h.db.delete(lprRates);
    }
  });

  it('records a disbursal late on its value date, never before the approval nor after today', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    await step(application.id, 'accept', officers[0]);
    await approve(application.id);
    const dayAgo = (n: number) => zoneDay(new Date(Date.now() - n * 86_400_000));
    // Approved three days ago (at 15:00 that day): the loan may be dated from that day on.
    const decidedAt = new Date(`${dayAgo(3)}T15:00:00+08:00`);
    await h.db.update(applications).set({ decidedAt }).where(eq(applications.id, application.id));
    const disburse = (disbursedOn: string) => transitionApplication(h.db, officers[0], { applicationId: application.id, action: 'disburse', disbursedOn });
    await expect(disburse(dayAgo(4))).rejects.toMatchObject({ messageKey: 'applications.errors.disbursed_before_approval', details: { field: 'disbursedOn' } });
    await expect(disburse(dayAgo(-1))).rejects.toMatchObject({ messageKey: 'date_future' });
    expect(applicationDecisionSchema.safeParse({ applicationId: application.id, action: 'disburse', disbursedOn: dayAgo(-1) }).success).toBe(false);
    expect(await h.db.select().from(loans).where(eq(loans.applicationId, application.id))).toHaveLength(0);

    // On the approval's own day: dated at the approval, not before it.
    const disbursed = await disburse(dayAgo(3));
    expect(disbursed.disbursedAt).toEqual(decidedAt);
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan).toMatchObject({ disbursedOn: dayAgo(3), disbursedAt: decidedAt, maturesOn: addMonths(dayAgo(3), 12) });
  });

  it('dates a disbursal on an earlier day at that day’s start when the approval was earlier still', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    await step(application.id, 'accept', officers[0]);
    await approve(application.id);
    const day = zoneDay(new Date(Date.now() - 2 * 86_400_000));
    await h.db
      .update(applications)
      .set({ decidedAt: new Date(Date.now() - 5 * 86_400_000) })
      .where(eq(applications.id, application.id));
    await transitionApplication(h.db, officers[0], { applicationId: application.id, action: 'disburse', disbursedOn: day });
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan.disbursedAt).toEqual(new Date(`${day}T00:00:00+08:00`));
    expect(zoneDay(loan.disbursedAt)).toBe(day);
  });

  it('refuses illegal steps and changes nothing', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    await expect(step(application.id, 'disburse', officers[0])).rejects.toMatchObject({ code: 'conflict' });
    await expect(approve(application.id)).rejects.toMatchObject({ code: 'conflict' }); // not accepted yet
    await step(application.id, 'withdraw', sme);
    await expect(step(application.id, 'accept', officers[0])).rejects.toMatchObject({ code: 'conflict' });
    const [row] = await h.db.select().from(applications).where(eq(applications.id, application.id));
    expect(row.status).toBe('withdrawn');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, application.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['application.submit', 'application.withdraw']);
  });

  it('requires a reason to reject and keeps approvals within what was applied for and the product', async () => {
    const { application } = await submitApplication(h.db, sme, form({ amountWan: '300' }));
    await step(application.id, 'accept', officers[0]);
    await expect(approve(application.id, officers[0], { approvedAmountWan: '301' })).rejects.toMatchObject({
      messageKey: 'applications.errors.approved_above_applied',
    });
    await expect(approve(application.id, officers[0], { approvedAmountWan: '50' })).rejects.toMatchObject({ messageKey: 'applications.errors.amount_range' });
    await expect(approve(application.id, officers[0], { approvedAmountWan: '300', approvedTermMonths: '60' })).rejects.toMatchObject({
      messageKey: 'applications.errors.term_range',
    });
    // The rate within the product's range (3.00–4.50 %): the form's hint is checked on the server too.
    for (const approvedRate of ['19.5', '2.99', '4.51'])
      await expect(approve(application.id, officers[0], { approvedAmountWan: '300', approvedRate })).rejects.toMatchObject({
        code: 'invalid',
        messageKey: 'applications.errors.rate_outside_product',
        details: { field: 'approvedRate' },
      });
    const [still] = await h.db.select().from(applications).where(eq(applications.id, application.id));
    expect(still).toMatchObject({ status: 'accepted', approvedRateBp: null });
    const rejected = await transitionApplication(h.db, officers[0], { applicationId: application.id, action: 'reject', reason: '经营年限不足' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '经营年限不足' });
  });

  it('lets only the product’s institution act (another bank gets not found) and only the enterprise withdraw', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    await expect(step(application.id, 'accept', rivalBank)).rejects.toMatchObject({ code: 'not_found' });
    await expect(step(application.id, 'withdraw', otherSme)).rejects.toMatchObject({ code: 'not_found' });
    await expect(step(application.id, 'withdraw', officers[0])).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets exactly one of twenty officers approving at the same moment win; one disbursement makes one loan', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    await step(application.id, 'accept', officers[0]);
    const results = await Promise.allSettled(officers.map((o) => approve(application.id, o)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('conflict');
    const approvals = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, application.id), eq(auditEvents.action, 'application.approve')));
    expect(approvals).toHaveLength(1);
    const disburse = await Promise.allSettled(officers.map((o) => step(application.id, 'disburse', o)));
    expect(disburse.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await h.db.select().from(loans).where(eq(loans.applicationId, application.id))).toHaveLength(1);
  });
});

describe('IP-pledge applications', () => {
  it('pledge pending registration on approval; no disbursement before registration; enrolled in the scheme after', async () => {
    await expect(submitApplication(h.db, sme, form({ productId: ipProduct }))).rejects.toMatchObject({ messageKey: 'applications.errors.assets_required' });
    const { application } = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [patent] }));
    await step(application.id, 'accept', officers[0]);
    await approve(application.id);
    const [pledge] = await h.db.select().from(pledges).where(eq(pledges.applicationId, application.id));
    expect(pledge).toMatchObject({ status: 'pending_registration', pledgedValueFen: 600_000_000n });
    await expect(step(application.id, 'disburse', officers[0])).rejects.toMatchObject({ messageKey: 'applications.errors.pledge_not_registered' });
    await h.db.update(pledges).set({ status: 'registered', registrationNumber: 'Y2026440000001', registeredOn: '2026-11-20' }).where(eq(pledges.id, pledge.id));
    await step(application.id, 'disburse', officers[0]);
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    const [linked] = await h.db.select().from(pledges).where(eq(pledges.id, pledge.id));
    expect(linked.loanId).toBe(loan.id);
    expect(await h.db.select().from(schemeEnrolments).where(eq(schemeEnrolments.loanId, loan.id))).toHaveLength(1);
  });

  it('dates no loan before its pledge’s registration, and enrols it in the scheme at the disbursal recorded late', async () => {
    const asset = await smePatent('202310000077', '补录放款专利', { expiryDate: '2041-03-01', valuationFen: 900_000_000n });
    const { application } = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [asset.id] }));
    await step(application.id, 'accept', officers[0]);
    await approve(application.id);
    const dayAgo = (n: number) => zoneDay(new Date(Date.now() - n * 86_400_000));
    await h.db
      .update(applications)
      .set({ decidedAt: new Date(Date.now() - 6 * 86_400_000) })
      .where(eq(applications.id, application.id));
    await h.db
      .update(pledges)
      .set({ status: 'registered', registrationNumber: 'Y2026440000002', registeredOn: dayAgo(3) })
      .where(eq(pledges.applicationId, application.id));
    const disburse = (disbursedOn: string) => transitionApplication(h.db, officers[0], { applicationId: application.id, action: 'disburse', disbursedOn });
    await expect(disburse(dayAgo(4))).rejects.toMatchObject({ messageKey: 'applications.errors.disbursed_before_pledge' });
    await disburse(dayAgo(3));
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan.disbursedOn).toBe(dayAgo(3));
    const [enrolment] = await h.db.select().from(schemeEnrolments).where(eq(schemeEnrolments.loanId, loan.id));
    expect(enrolment.enrolledAt).toEqual(loan.disbursedAt);
  });

  it('shows each side the application with its whole timeline and its pledge, read in one statement; another bank gets not found', async () => {
    const { application } = await submitApplication(h.db, otherSme, form({ productId: creditProduct }));
    const fresh = await applicationFor(h.db, otherSme, application.id);
    expect(fresh.pledge).toBeNull();
    expect(fresh.events.map((e) => e.toStatus)).toEqual(['submitted']);
    const patent2 = await smePatent('202310000099', '视图专利', { expiryDate: '2041-03-01', valuationFen: 900_000_000n });
    const { application: ip } = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [patent2.id] }));
    await step(ip.id, 'accept', officers[1]);
    await approve(ip.id);
    const stored = await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, ip.id));
    const [pledge] = await h.db.select().from(pledges).where(eq(pledges.applicationId, ip.id));
    for (const actor of [sme, officers[2]]) {
      const v = await applicationFor(h.db, actor, ip.id);
      expect(v).toMatchObject({ productName: expect.any(String), enterpriseName: '申请企业1', application: { id: ip.id, status: 'approved' } });
      expect(v.pledge).toEqual(pledge);
      expect(v.events.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([
        [null, 'submitted', 'enterprise'],
        ['submitted', 'accepted', 'institution'],
        ['accepted', 'approved', 'institution'],
      ]);
      expect(v.events[1].actorName).toBe(officers[1].name);
      const byId = new Map(stored.map((e) => [e.id, e]));
      for (const e of v.events) expect(e.at).toEqual(byId.get(e.id)!.at);
    }
    // The officer's workbench: the offered asset as stored, no loan or match yet; then the loan once disbursed.
    const w = await workbenchFor(h.db, officers[2], ip.id);
    expect(w.assets).toEqual([
      {
        id: patent2.id,
        kind: 'invention',
        number: patent2.number,
        title: '视图专利',
        owners: ['申请企业1'],
        inForce: true,
        feesPaid: true,
        expiryDate: '2041-03-01',
        valuationFen: 900_000_000n,
        appraiser: null,
        valuedOn: null,
        valuationHidden: false,
        outlastsMaturity: true,
      },
    ]);
    expect([w.loan, w.match, w.need, w.enterprise.enterprise.id]).toEqual([null, null, null, sme.enterpriseId]);
    // Read in one statement, the workbench's parts are what their own reads give.
    const view = await applicationFor(h.db, officers[2], ip.id);
    const pick = (
      x: Pick<typeof view, 'application' | 'product' | 'pledge' | 'events' | 'productName' | 'productCategory' | 'enterpriseName' | 'parkName' | 'parkNameEn'>,
    ) => ({
      application: x.application,
      product: x.product,
      pledge: x.pledge,
      events: x.events,
      productName: x.productName,
      productCategory: x.productCategory,
      enterpriseName: x.enterpriseName,
      parkName: x.parkName,
      parkNameEn: x.parkNameEn,
    });
    expect(pick(w)).toEqual(pick(view));
    expect(w.documents).toEqual(await applicationDocumentsView(h.db, officers[2], view.application, view.product));
    expect(w.score).toEqual(await scoreReport(h.db, officers[2], sme.enterpriseId!));
    expect(w.documents.consentLive).toBe(true);
    expect(w.product).toEqual((await h.db.select().from(products).where(eq(products.id, ipProduct)))[0]);
    expect(w.enterprise).toEqual({
      enterprise: (await h.db.select().from(enterprises).where(eq(enterprises.id, sme.enterpriseId!)))[0],
      parkName: '南海园',
      parkNameEn: 'Nanhai',
    });
    await h.db.update(pledges).set({ status: 'registered', registrationNumber: 'Y2026440000099', registeredOn: '2026-11-20' }).where(eq(pledges.id, pledge.id));
    await step(ip.id, 'disburse', officers[2]);
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, ip.id));
    expect((await workbenchFor(h.db, officers[2], ip.id)).loan).toEqual({
      id: loan.id,
      disbursedOn: loan.disbursedOn,
      maturesOn: loan.maturesOn,
      repaymentMethod: loan.repaymentMethod,
    });
    await expect(workbenchFor(h.db, rivalBank, ip.id)).rejects.toMatchObject({ code: 'not_found' });
    // Once the enterprise revokes its consent, the asset's valuation is hidden like the score's values.
    const mine = and(eq(consents.enterpriseId, sme.enterpriseId!), eq(consents.institutionId, officers[2].institutionId!));
    await h.db.update(consents).set({ revokedAt: new Date() }).where(mine);
    const revoked = await workbenchFor(h.db, officers[2], ip.id);
    expect(revoked.score.valuesVisible).toBe(false);
    expect(revoked.assets).toMatchObject([{ id: patent2.id, valuationFen: null, appraiser: null, valuedOn: null, valuationHidden: true }]);
    await h.db.update(consents).set({ revokedAt: null }).where(mine);
    await expect(applicationFor(h.db, rivalBank, ip.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(applicationFor(h.db, otherSme, ip.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says which check failed for an asset already in a live pledge, and the database refuses a second live pledge', async () => {
    const err = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [patent] })).catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid', messageKey: 'applications.errors.asset_pledged' });
  });

  it('refuses another enterprise’s asset as not found', async () => {
    await expect(submitApplication(h.db, otherSme, form({ productId: ipProduct, ipAssetIds: [patent] }))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the terms an application was made under', () => {
  it('keep the product’s category and scheme while the application is handled; other edits go through', async () => {
    const product = await publishedProduct(h.db, officers[0].institutionId!, { repaymentMethods: ['equal_installment'] });
    const { application } = await submitApplication(h.db, sme, form({ productId: product.id }));
    const edit = (over: Partial<ProductFormInput>) =>
      updateProduct(h.db, officers[0], product.id, productFormSchema.parse({ ...productToForm(product), ...over }));
    // A bank moving an approved credit loan's product into a guarantee scheme before paying out, or
    // out of a pledging category to skip the pledge registration, is refused.
    await expect(edit({ category: 'guarantee' })).rejects.toMatchObject({ code: 'conflict', messageKey: 'product.errors.terms_locked' });
    await expect(edit({ category: 'ip_pledge' })).rejects.toMatchObject({ code: 'conflict', messageKey: 'product.errors.terms_locked' });
    expect((await edit({ summary: '新的简介' })).summary).toBe('新的简介');
    // Once no application is being handled, the terms may change again.
    await transitionApplication(h.db, sme, { applicationId: application.id, action: 'withdraw' });
    expect((await edit({ category: 'digital' })).category).toBe('digital');
  });

  it('an approval naming no method approves the one applied for only while the product still offers it', async () => {
    const product = await publishedProduct(h.db, officers[0].institutionId!, { repaymentMethods: ['equal_installment', 'bullet'] });
    const { application } = await submitApplication(h.db, sme, form({ productId: product.id, repaymentMethod: 'equal_installment' }));
    await step(application.id, 'accept', officers[0]);
    await h.db
      .update(products)
      .set({ repaymentMethods: ['bullet'] })
      .where(eq(products.id, product.id));
    await expect(approve(application.id, officers[0], { approvedRate: '3.60' })).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'documents.errors.repayment_method',
    });
    const approved = await approve(application.id, officers[0], { approvedRate: '3.60', repaymentMethod: 'bullet' });
    expect([approved.repaymentMethod, approved.approvedRepaymentMethod]).toEqual(['equal_installment', 'bullet']);
  });
});

describe('withdrawing after approval', () => {
  it('cancels the pending pledge and frees the asset for another application', async () => {
    const asset = await smePatent('202210654321', '另一项发明', { expiryDate: '2042-01-01', valuationFen: 100_000_000n });
    const { application } = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [asset.id] }));
    await step(application.id, 'accept', officers[0]);
    await approve(application.id);
    expect(await h.db.select().from(pledges).where(eq(pledges.applicationId, application.id))).toHaveLength(1);
    await step(application.id, 'withdraw', sme);
    expect(await h.db.select().from(pledges).where(eq(pledges.applicationId, application.id))).toHaveLength(0);
    const again = await submitApplication(h.db, sme, form({ productId: ipProduct, ipAssetIds: [asset.id] }));
    expect(again.created).toBe(true);
  });
});
