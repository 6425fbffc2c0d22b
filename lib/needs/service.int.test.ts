import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applications, auditEvents, certifications, consentAccessLog, consents, financingNeeds, ipAssets, loans, parks } from '../../db/schema';
import { enterpriseActor, institutionActor, publishedProduct } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { createNeed, expireNeeds, needsBoardFor, transitionNeed, updateNeed } from './service';
import { withPatentCheckChar } from '../ip/patent-number';
import { needFormSchema, needsBoardQuerySchema, type NeedFormInput } from '../validation/need';

let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let bank1: Actor;
let bank2: Actor;
let assetA: string;
let assetB: string;
const REVENUE_A = 123_456_789_00n;

const form = (over: Partial<NeedFormInput> = {}) =>
  needFormSchema.parse({
    amountWan: '500',
    termMonths: '36',
    purpose: 'equipment',
    guaranteeMethods: ['pledge'],
    maxRate: '4.5',
    wantedBy: '',
    ipAssetIds: [],
    description: '购置数控机床',
    ...over,
  });

beforeAll(async () => {
  h = await openTestDb();
  const [nanhai, shunde] = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606' },
    ])
    .returning();
  smeA = await enterpriseActor(h.db, {
    name: '甲科技',
    parkId: nanhai.id,
    verificationStatus: 'verified',
    revenueFen: REVENUE_A,
    rndExpenseFen: REVENUE_A / 10n,
  });
  smeB = await enterpriseActor(h.db, {
    name: '乙科技',
    parkId: shunde.id,
    verificationStatus: 'verified',
    revenueFen: 98_765_432_100n,
    rndExpenseFen: 98_765_432_100n / 10n,
  });
  bank1 = await institutionActor(h.db, { name: '一号银行' });
  bank2 = await institutionActor(h.db, { name: '二号银行' });
  const mk = async (e: Actor, serial: string) =>
    (
      await h.db
        .insert(ipAssets)
        .values({
          enterpriseId: e.enterpriseId!,
          kind: 'invention',
          number: withPatentCheckChar(`20231${serial}`),
          title: '一种方法',
          owners: [e.name],
          valuationFen: 300_000_000n,
        })
        .returning()
    )[0].id;
  assetA = await mk(smeA, '0000001');
  assetB = await mk(smeB, '0000002');
  await h.db.insert(certifications).values({
    enterpriseId: smeA.enterpriseId!,
    kind: 'high_tech',
    number: 'GR202344000001',
    validFrom: '2023-01-01',
    validTo: '2099-12-31',
    verificationStatus: 'verified',
  });
  // 甲 applied to 一号银行: a live consent. 乙 has a consent to 一号银行 that was revoked.
  await h.db.insert(consents).values([
    {
      enterpriseId: smeA.enterpriseId!,
      institutionId: bank1.institutionId!,
      scope: ['financials'],
      source: 'application',
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    {
      enterpriseId: smeB.enterpriseId!,
      institutionId: bank1.institutionId!,
      scope: ['financials'],
      source: 'application',
      expiresAt: new Date(Date.now() + 86_400_000),
      revokedAt: new Date(),
    },
  ]);
});
afterAll(async () => h?.close());

describe('posting and editing needs', () => {
  it('posts a need offering an own asset, audited', async () => {
    const n = await createNeed(h.db, smeA, form({ ipAssetIds: [assetA] }));
    expect(n).toMatchObject({ status: 'open', amountFen: 500_000_000n, termMonths: 36, purpose: 'equipment', maxRateBp: 450 });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, n.id));
    expect(audit.map((a) => a.action)).toEqual(['financing_need.create']);
  });

  it('refuses offering another enterprise’s asset and creates nothing', async () => {
    const [before] = await h.db.select({ n: count() }).from(financingNeeds);
    await expect(createNeed(h.db, smeA, form({ ipAssetIds: [assetB] }))).rejects.toMatchObject({ code: 'not_found' });
    const [after] = await h.db.select({ n: count() }).from(financingNeeds);
    expect(after.n).toBe(before.n);
  });

  it('edits only an open need of one’s own; another enterprise gets not found', async () => {
    const n = await createNeed(h.db, smeA, form());
    expect((await updateNeed(h.db, smeA, n.id, form({ amountWan: '600' }))).amountFen).toBe(600_000_000n);
    await expect(updateNeed(h.db, smeB, n.id, form())).rejects.toMatchObject({ code: 'not_found' });
    await expect(transitionNeed(h.db, smeB, n.id, 'withdraw')).rejects.toMatchObject({ code: 'not_found' });
    expect((await transitionNeed(h.db, smeA, n.id, 'withdraw')).status).toBe('withdrawn');
    await expect(transitionNeed(h.db, smeA, n.id, 'withdraw')).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateNeed(h.db, smeA, n.id, form())).rejects.toMatchObject({ code: 'conflict' });
  });

  it('expires open needs past their wanted-by date, with an audit row', async () => {
    const [old] = await h.db
      .insert(financingNeeds)
      .values({ enterpriseId: smeB.enterpriseId!, amountFen: 1n, termMonths: 1, purpose: 'other', guaranteeMethods: ['credit'], wantedBy: '2020-01-01' })
      .returning();
    expect(await expireNeeds(h.db)).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, old.id));
    expect(row.status).toBe('expired');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, old.id));
    expect(audit.map((a) => a.action)).toEqual(['financing_need.expire']);
  });
});

describe('an enterprise closing its need as fulfilled', () => {
  it('only once a loan from it was disbursed, and only its own', async () => {
    const need = await createNeed(h.db, smeA, form({ amountWan: '500', guaranteeMethods: ['credit'] }));
    await expect(transitionNeed(h.db, smeA, need.id, 'fulfil')).rejects.toMatchObject({ code: 'conflict', messageKey: 'needs.errors.nothing_disbursed' });
    const product = await publishedProduct(h.db, bank1.institutionId!);
    const [a] = await h.db
      .insert(applications)
      .values({
        enterpriseId: smeA.enterpriseId!,
        productId: product.id,
        institutionId: bank1.institutionId!,
        needId: need.id,
        amountFen: 500_000_000n,
        termMonths: 12,
        status: 'disbursed',
        approvedAmountFen: 300_000_000n,
        idempotencyKey: 'fulfil-by-enterprise',
        requestHash: 'h',
      })
      .returning();
    await h.db.insert(loans).values({
      applicationId: a.id,
      enterpriseId: smeA.enterpriseId!,
      institutionId: bank1.institutionId!,
      productId: product.id,
      principalFen: 300_000_000n,
      annualRateBp: 400,
      termMonths: 12,
      repaymentMethod: 'interest_first',
      disbursedOn: '2026-11-02',
      maturesOn: '2027-11-02',
      disbursedAt: new Date('2026-11-02T10:00:00+08:00'),
      outstandingFen: 300_000_000n,
    });
    await expect(transitionNeed(h.db, smeB, need.id, 'fulfil')).rejects.toMatchObject({ code: 'not_found' });
    expect((await transitionNeed(h.db, smeA, need.id, 'fulfil')).status).toBe('fulfilled');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, need.id));
    expect(audit.map((r) => r.action)).toContain('financing_need.fulfil');
    await expect(transitionNeed(h.db, smeA, need.id, 'withdraw')).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('needs board', () => {
  beforeAll(async () => {
    await createNeed(h.db, smeB, form({ purpose: 'working_capital', amountWan: '200', guaranteeMethods: ['credit'], ipAssetIds: [assetB] }));
  });
  const board = (actor: Actor, q: Record<string, string> = {}) => needsBoardFor(h.db, actor, needsBoardQuerySchema.parse(q));

  it('shows open needs with the enterprise’s park, certifications and verification', async () => {
    const r = await board(bank2);
    expect(r.items.every((i) => i.purpose && i.enterpriseName && i.parkName)).toBe(true);
    const a = r.items.find((i) => i.enterpriseId === smeA.enterpriseId);
    expect(a?.certifications).toEqual(['high_tech']);
    expect(r.items.some((i) => i.purpose === 'other')).toBe(false); // the expired one is gone
  });

  it('filters by purpose, amount, park, certification and guarantee method', async () => {
    expect((await board(bank2, { purpose: 'working_capital' })).items.map((i) => i.enterpriseName)).toEqual(['乙科技']);
    expect((await board(bank2, { minAmount: String(300 * 1_000_000) })).items.every((i) => i.amountFen >= 300_000_000n)).toBe(true);
    expect((await board(bank2, { park: 'nanhai' })).items.every((i) => i.enterpriseName === '甲科技')).toBe(true);
    expect((await board(bank2, { certification: 'high_tech' })).items.every((i) => i.enterpriseName === '甲科技')).toBe(true);
    expect((await board(bank2, { guarantee: 'credit' })).items.map((i) => i.enterpriseName)).toEqual(['乙科技']);
  });

  it('gives financial details only to an institution with a live consent, and logs each access', async () => {
    const [logsBefore] = await h.db.select({ n: count() }).from(consentAccessLog);
    const withConsent = await board(bank1);
    const a = withConsent.items.find((i) => i.enterpriseId === smeA.enterpriseId)!;
    expect(a.financials).toEqual({ revenueFen: REVENUE_A, rndExpenseFen: REVENUE_A / 10n, ipValuationFen: 300_000_000n });
    // The revoked consent of 乙 counts for nothing.
    const b = withConsent.items.find((i) => i.enterpriseId === smeB.enterpriseId)!;
    expect(b.financials).toBeNull();
    const [logsAfter] = await h.db.select({ n: count() }).from(consentAccessLog);
    expect(Number(logsAfter.n) - Number(logsBefore.n)).toBe(1);

    // An institution with no relationship receives no financial field at all, anywhere in the data.
    const without = await board(bank2);
    const json = JSON.stringify(without.items, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(without.items.every((i) => i.financials === null)).toBe(true);
    for (const secret of [REVENUE_A.toString(), (REVENUE_A / 10n).toString(), '98765432100', '300000000']) expect(json).not.toContain(secret);
    expect(Object.keys(without.items[0])).not.toContain('revenueFen');
  });

  it('is for institutions only', async () => {
    await expect(board(smeA)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
