// Issue 9 fix 1: an institution sees an enterprise's financial values (score inputs, breakdown
// values, revenue, R&D expense, IP valuation) only under a live consent, and every such access
// writes one consent_access_log row. Without consent the report carries points only.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applications, consentAccessLog, consents, innovationWeightSets, ipAssets, loans, parks, pledgeAssets, pledges, products } from '../../db/schema';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { saveInnovationInputs, scoreReport } from './service';
import { getLoanView } from '../loans/service';
import { withPatentCheckChar } from '../ip/patent-number';
import { INDICATOR_KEYS, INDICATOR_UNITS, WEIGHT_SET_V1, type InnovationInputs } from './weights';
import { innovationInputsFormSchema } from '../validation/innovation';

let h: DbHandle;
let sme: Actor;
let bank: Actor;
let pendingBank: Actor;
let otherBank: Actor;
const admin: Actor = { userId: '', role: 'admin', name: 'a', email: 'a@x', enterpriseId: null, institutionId: null, memberRole: null };

// Distinctive values, so their absence from a report can be checked in its JSON.
const REVENUE_FEN = 87_654_321_000n; // 营业收入 on the profile: 87,654.321 万元
const RND_FEN = 7_654_321_000n;
const form = {
  ...Object.fromEntries(INDICATOR_KEYS.map((k) => [k, '0'])),
  revenue: '76543.21',
  rnd_expense: '1234.56',
  hightech_revenue: '4321.09',
  tech_contract_turnover: '321.98',
  rnd_super_deduction: '234.87',
  roe: '13.57',
  invention_patents: '3',
};
const secretNumbers = ['76543210000', '1234560000', '4321090000', '321980000', '234870000', String(REVENUE_FEN), String(RND_FEN)];

const logRows = async () => Number((await h.db.select({ n: count() }).from(consentAccessLog))[0].n);
const day = 86_400_000;

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  await h.db.insert(innovationWeightSets).values({ version: 1, name: WEIGHT_SET_V1.name, weights: WEIGHT_SET_V1.weights, publishedAt: new Date() });
  sme = await enterpriseActor(h.db, { name: '授权测试科技', parkId: p.id, verificationStatus: 'verified', revenueFen: REVENUE_FEN, rndExpenseFen: RND_FEN });
  bank = await institutionActor(h.db, { name: '一号银行' });
  pendingBank = await institutionActor(h.db, { name: '待审银行', status: 'pending' });
  otherBank = await institutionActor(h.db, { name: '二号银行' });
  const adminUser = await institutionActor(h.db, { name: 'admin holder' }); // any user row will do for the admin's id
  admin.userId = adminUser.userId;
  await saveInnovationInputs(h.db, sme, innovationInputsFormSchema.parse(form) as InnovationInputs);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.delete(consentAccessLog);
  await h.db.delete(consents);
});

function expectPointsOnly(report: Awaited<ReturnType<typeof scoreReport>>) {
  expect(report.valuesVisible).toBe(false);
  expect(report.inputs).toBeNull();
  expect(report.financials).toBeNull();
  expect(report.whatIf).toEqual([]);
  expect(report.score).not.toBeNull();
  // Only the counted indicators keep their own points: a money or ratio indicator's points, cap and
  // weight would give its value back (points ÷ weight × cap).
  expect(report.score!.contributions.map((c) => c.key)).toEqual(INDICATOR_KEYS.filter((k) => INDICATOR_UNITS[k] === 'count'));
  for (const c of report.score!.contributions) expect(Object.keys(c)).not.toContain('value');
  expect(report.score!.contributions.some((c) => c.points > 0)).toBe(true);
  // The groups' points still add up to the total.
  const groups = report.score!.groups;
  expect(groups.tech_innovation + groups.growth_operations + groups.auxiliary).toBe(report.score!.totalHundredths);
  const json = JSON.stringify(report, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  for (const n of secretNumbers) expect(json).not.toContain(n);
}

describe('the score report an institution sees', () => {
  it('without a consent: points only, and nothing is logged', async () => {
    expectPointsOnly(await scoreReport(h.db, bank, sme.enterpriseId!));
    expect(await logRows()).toBe(0);
  });

  it('a pending institution without a consent gets points only too', async () => {
    expectPointsOnly(await scoreReport(h.db, pendingBank, sme.enterpriseId!));
    expect(await logRows()).toBe(0);
  });

  it('under a live consent: the values, and one access-log row per access', async () => {
    const [c] = await h.db
      .insert(consents)
      .values({
        enterpriseId: sme.enterpriseId!,
        institutionId: bank.institutionId!,
        scope: ['financials', 'documents', 'ip_valuations'],
        source: 'application',
        expiresAt: new Date(Date.now() + day),
      })
      .returning();
    const report = await scoreReport(h.db, bank, sme.enterpriseId!);
    expect(report.valuesVisible).toBe(true);
    // Revenue and R&D expense are the profile's (entered once), whatever the inputs form sent.
    expect(report.inputs).toMatchObject({ revenue: Number(REVENUE_FEN), rnd_expense: Number(RND_FEN), roe: 1357 });
    expect(report.score!.contributions.find((x) => x.key === 'revenue')).toMatchObject({ value: Number(REVENUE_FEN) });
    expect(report.financials).toEqual({ revenueFen: REVENUE_FEN, rndExpenseFen: RND_FEN, ipValuationFen: 0n });
    const logs = await h.db.select().from(consentAccessLog);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ consentId: c.id, userId: bank.userId, what: 'score_report' });
    await scoreReport(h.db, bank, sme.enterpriseId!);
    expect(await logRows()).toBe(2);
  });

  it('another institution’s consent does not count', async () => {
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: otherBank.institutionId!,
      scope: ['financials'],
      source: 'application',
      expiresAt: new Date(Date.now() + day),
    });
    expectPointsOnly(await scoreReport(h.db, bank, sme.enterpriseId!));
    expect(await logRows()).toBe(0);
  });

  it('after revocation: points only, nothing logged', async () => {
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['financials'],
      source: 'application',
      expiresAt: new Date(Date.now() + day),
      revokedAt: new Date(),
    });
    expectPointsOnly(await scoreReport(h.db, bank, sme.enterpriseId!));
    expect(await logRows()).toBe(0);
  });

  it('after expiry: points only, nothing logged', async () => {
    const [c] = await h.db
      .insert(consents)
      .values({
        enterpriseId: sme.enterpriseId!,
        institutionId: bank.institutionId!,
        scope: ['financials'],
        source: 'match',
        expiresAt: new Date(Date.now() + day),
      })
      .returning();
    expect((await scoreReport(h.db, bank, sme.enterpriseId!)).valuesVisible).toBe(true);
    await h.db
      .update(consents)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(consents.id, c.id));
    expectPointsOnly(await scoreReport(h.db, bank, sme.enterpriseId!));
    expect(await logRows()).toBe(1); // the access while it was live
  });

  it('a consent whose scope leaves out financials shows no values', async () => {
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['documents'],
      source: 'manual',
      expiresAt: new Date(Date.now() + day),
    });
    expectPointsOnly(await scoreReport(h.db, bank, sme.enterpriseId!));
    expect(await logRows()).toBe(0);
  });

  it('the enterprise itself and admins see the values without a consent row being used', async () => {
    const own = await scoreReport(h.db, sme, sme.enterpriseId!);
    expect(own.valuesVisible).toBe(true);
    expect(own.inputs).toMatchObject({ revenue: Number(REVENUE_FEN) });
    expect(own.whatIf.length).toBeGreaterThan(0);
    const adm = await scoreReport(h.db, admin, sme.enterpriseId!);
    expect(adm.valuesVisible).toBe(true);
    expect(await logRows()).toBe(0);
  });
});

describe('a pledged asset’s valuation on the institution’s loan page', () => {
  let loanId: string;
  beforeAll(async () => {
    const [p] = await h.db
      .insert(products)
      .values({
        institutionId: bank.institutionId!,
        name: '知识产权质押贷',
        category: 'ip_pledge',
        summary: '专利质押',
        amountMinFen: 1n,
        amountMaxFen: 10n ** 10n,
        termMinMonths: 1,
        termMaxMonths: 60,
        rateMinBp: 300,
        rateMaxBp: 600,
        guaranteeMethods: ['pledge'],
        repaymentMethods: ['bullet'],
        status: 'published',
      })
      .returning();
    const [app] = await h.db
      .insert(applications)
      .values({
        enterpriseId: sme.enterpriseId!,
        productId: p.id,
        institutionId: bank.institutionId!,
        amountFen: 300_000_000n,
        termMonths: 12,
        status: 'disbursed',
        approvedAmountFen: 300_000_000n,
        approvedRateBp: 360,
        approvedTermMonths: 12,
        idempotencyKey: crypto.randomUUID(),
        requestHash: 'x',
      })
      .returning();
    const [l] = await h.db
      .insert(loans)
      .values({
        applicationId: app.id,
        enterpriseId: sme.enterpriseId!,
        institutionId: bank.institutionId!,
        productId: p.id,
        principalFen: 300_000_000n,
        annualRateBp: 360,
        termMonths: 12,
        repaymentMethod: 'bullet',
        disbursedOn: '2026-01-15',
        maturesOn: '2027-01-15',
        status: 'active',
        outstandingFen: 300_000_000n,
      })
      .returning();
    const [a] = await h.db
      .insert(ipAssets)
      .values({
        enterpriseId: sme.enterpriseId!,
        kind: 'invention',
        number: withPatentCheckChar('202210000001'),
        title: '一种方法',
        owners: [sme.name],
        expiryDate: '2042-01-01',
        valuationFen: 654_321_000n,
      })
      .returning();
    const [pl] = await h.db
      .insert(pledges)
      .values({
        applicationId: app.id,
        loanId: l.id,
        pledgedValueFen: 500_000_000n,
        status: 'registered',
        registrationNumber: 'Y2026440000001',
        registeredOn: '2026-01-10',
      })
      .returning();
    await h.db.insert(pledgeAssets).values({ pledgeId: pl.id, ipAssetId: a.id });
    loanId = l.id;
  });
  const valuations = (v: Awaited<ReturnType<typeof getLoanView>>) => v.pledges.flatMap((p) => p.assets.map((a) => a.valuationFen));

  it('is hidden without a consent, and nothing is logged', async () => {
    expect(valuations(await getLoanView(h.db, bank, loanId))).toEqual([null]);
    expect(await logRows()).toBe(0);
  });

  it('is shown under a live consent, with one access-log row', async () => {
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['financials', 'ip_valuations'],
      source: 'application',
      expiresAt: new Date(Date.now() + day),
    });
    expect(valuations(await getLoanView(h.db, bank, loanId))).toEqual([654_321_000n]);
    const logs = await h.db.select().from(consentAccessLog);
    expect(logs.map((x) => x.what)).toEqual(['loan_pledge_assets']);
  });

  it('the enterprise sees its own valuation, unlogged', async () => {
    expect(valuations(await getLoanView(h.db, sme, loanId))).toEqual([654_321_000n]);
    expect(await logRows()).toBe(0);
  });
});
