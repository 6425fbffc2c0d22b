import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applications, auditEvents, financingNeeds, institutions, ipAssets, needIpAssets, parks, pledgeAssets, pledges, products } from '../../db/schema';
import { enterpriseActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { AppError, pgConstraint, pgErrorCode } from '../core/errors';
import { assertAssetsPledgeable, checkAssetsPledgeable, createIpAsset, deleteIpAsset, getOwnIpAsset, listOwnIpAssets, updateIpAsset } from './assets';
import { withPatentCheckChar } from './patent-number';
import { withUsccCheckChar } from '../enterprises/uscc';
import { ipAssetFormSchema, type IpAssetFormInput } from '../validation/ip-asset';

let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let productId: string;
let institutionId: string;
let serial = 0;

/** A fresh invention patent number per call. */
const patentNo = () => withPatentCheckChar(`20231${String(++serial).padStart(7, '0')}`);

const form = (over: Partial<IpAssetFormInput> = {}) =>
  ipAssetFormSchema.parse({
    kind: 'invention',
    number: patentNo(),
    title: '一种伺服压装设备的压力位移在线监测方法',
    owners: '甲科技、华南理工大学',
    grantDate: '2024-05-10',
    expiryDate: '2042-02-25',
    inForce: true,
    feesPaid: true,
    valuationWan: '680',
    appraiser: '广东某资产评估有限公司',
    valuedOn: '2026-04-28',
    ...over,
  } satisfies IpAssetFormInput);

/** The minimal rows behind a pledge: an application of the enterprise, then the pledge of the assets. */
async function pledge(enterprise: Actor, assetIds: string[]) {
  const [app] = await h.db
    .insert(applications)
    .values({
      enterpriseId: enterprise.enterpriseId!,
      productId,
      institutionId,
      amountFen: 100_000_000n,
      termMonths: 12,
      idempotencyKey: crypto.randomUUID(),
      requestHash: 'x',
    })
    .returning();
  const [p] = await h.db.insert(pledges).values({ applicationId: app.id, pledgedValueFen: 100_000_000n }).returning();
  await h.db.insert(pledgeAssets).values(assetIds.map((ipAssetId) => ({ pledgeId: p.id, ipAssetId })));
  return p.id;
}

const auditOf = async (id: string) =>
  (
    await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'ip_asset'), eq(auditEvents.entityId, id)))
  ).map((a) => a.action);
const rowOf = async (id: string) => (await h.db.select().from(ipAssets).where(eq(ipAssets.id, id)))[0];

beforeAll(async () => {
  h = await openTestDb();
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  smeA = await enterpriseActor(h.db, { name: '甲科技', parkId: park.id });
  smeB = await enterpriseActor(h.db, { name: '乙科技', parkId: park.id });
  const [i] = await h.db
    .insert(institutions)
    .values({
      name: '一号银行',
      kind: 'bank',
      uscc: withUsccCheckChar('91440600MA4C00001'),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status: 'active',
    })
    .returning();
  institutionId = i.id;
  const [p] = await h.db
    .insert(products)
    .values({
      institutionId,
      name: '知识产权质押贷',
      category: 'ip_pledge',
      summary: '专利质押',
      amountMinFen: 1n,
      amountMaxFen: 10_000_000_000n,
      termMinMonths: 1,
      termMaxMonths: 60,
      rateMinBp: 300,
      rateMaxBp: 500,
      guaranteeMethods: ['pledge'],
      repaymentMethods: ['bullet'],
      status: 'published',
    })
    .returning();
  productId = p.id;
});
afterAll(async () => h?.close());

describe('keeping IP assets', () => {
  it('creates an asset with its number normalised and valuation in fen, audited', async () => {
    const a = await createIpAsset(h.db, smeA, form({ number: '202110123456.7' }));
    expect(a).toMatchObject({
      enterpriseId: smeA.enterpriseId,
      kind: 'invention',
      number: 'ZL202110123456.7',
      owners: ['甲科技', '华南理工大学'],
      valuationFen: 680_000_000n,
      status: 'free',
    });
    expect(await auditOf(a.id)).toEqual(['ip_asset.create']);
  });

  it('updates an asset, audited with before and after', async () => {
    const a = await createIpAsset(h.db, smeA, form());
    const after = await updateIpAsset(
      h.db,
      smeA,
      a.id,
      form({ kind: 'trademark', number: '第36512874号', title: '科睿 KERUI（第7类）', valuationWan: '', appraiser: '', valuedOn: '' }),
    );
    expect(after).toMatchObject({ kind: 'trademark', number: '36512874', valuationFen: null, appraiser: null });
    expect(await auditOf(a.id)).toEqual(['ip_asset.create', 'ip_asset.update']);
    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'ip_asset.update')));
    expect(audit.before).toMatchObject({ kind: 'invention', valuationFen: '680000000' });
    expect(audit.after).toMatchObject({ kind: 'trademark', number: '36512874' });
  });

  it('deletes an asset, dropping it from the financing needs that offered it, audited', async () => {
    const a = await createIpAsset(h.db, smeA, form());
    const [need] = await h.db
      .insert(financingNeeds)
      .values({ enterpriseId: smeA.enterpriseId!, amountFen: 500_000_000n, termMonths: 12, purpose: 'rnd', guaranteeMethods: ['pledge'], status: 'matched' })
      .returning();
    await h.db.insert(needIpAssets).values({ needId: need.id, ipAssetId: a.id });
    await deleteIpAsset(h.db, smeA, a.id);
    expect(await rowOf(a.id)).toBeUndefined();
    expect(await h.db.select().from(needIpAssets).where(eq(needIpAssets.needId, need.id))).toEqual([]);
    expect(await auditOf(a.id)).toEqual(['ip_asset.create', 'ip_asset.delete']);
    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'ip_asset.delete')));
    expect(audit.before).toMatchObject({ number: a.number, unlinkedNeedIds: [need.id] });
  });

  it('lists only the enterprise’s own assets, a page at a time with an exact total', async () => {
    const own = await listOwnIpAssets(h.db, smeA, { limit: 100, offset: 0 });
    await createIpAsset(h.db, smeB, form());
    const again = await listOwnIpAssets(h.db, smeA, { limit: 1, offset: 0 });
    expect(again.total).toBe(own.total);
    expect(again.items).toHaveLength(1);
    expect(own.items.every((i) => i.livePledge === false)).toBe(true);
    const b = await listOwnIpAssets(h.db, smeB, { limit: 100, offset: 0 });
    expect(b.items.map((i) => i.id)).not.toContain(own.items[0].id);
  });

  it('refuses institutions outright', async () => {
    const officer: Actor = { ...smeA, role: 'institution', enterpriseId: null, institutionId };
    await expect(createIpAsset(h.db, officer, form())).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('another enterprise’s asset', () => {
  it('is not found for reading, editing and deleting, and nothing changes', async () => {
    const a = await createIpAsset(h.db, smeA, form());
    const before = await rowOf(a.id);
    await expect(getOwnIpAsset(h.db, smeB, a.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateIpAsset(h.db, smeB, a.id, form({ title: '被篡改' }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteIpAsset(h.db, smeB, a.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await rowOf(a.id)).toEqual(before);
    expect(await auditOf(a.id)).toEqual(['ip_asset.create']);
  });

  it('reads the same as an id that does not exist', async () => {
    const unknown = crypto.randomUUID();
    await expect(getOwnIpAsset(h.db, smeA, unknown)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateIpAsset(h.db, smeA, unknown, form())).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteIpAsset(h.db, smeA, unknown)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('one asset, one record', () => {
  it('turns a duplicate kind + number into an error on the number field, on create and on update', async () => {
    const number = patentNo();
    const a = await createIpAsset(h.db, smeA, form({ number }));
    const dup = await createIpAsset(h.db, smeA, form({ number: number.replace(/^ZL/, '') })).catch((e) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect(dup).toMatchObject({ code: 'conflict', messageKey: 'ipAssets.errors.duplicate', details: { field: 'number' } });

    const other = await createIpAsset(h.db, smeA, form());
    const before = await rowOf(other.id);
    await expect(updateIpAsset(h.db, smeA, other.id, form({ number }))).rejects.toMatchObject({
      messageKey: 'ipAssets.errors.duplicate',
      details: { field: 'number' },
    });
    expect(await rowOf(other.id)).toEqual(before);
    expect(await auditOf(other.id)).toEqual(['ip_asset.create']);

    // Another enterprise may hold the same number (e.g. a co-owner recording its share).
    await expect(createIpAsset(h.db, smeB, form({ number }))).resolves.toMatchObject({ number });
    expect((await rowOf(a.id)).number).toBe(number);
  });
});

describe('an asset in a live pledge', () => {
  let pledged: string;
  let pledgeId: string;

  beforeAll(async () => {
    pledged = (await createIpAsset(h.db, smeA, form({ title: '质押中的专利' }))).id;
    pledgeId = await pledge(smeA, [pledged]);
  });

  it('shows as pledged in the list and on its page', async () => {
    const list = await listOwnIpAssets(h.db, smeA, { limit: 100, offset: 0 });
    expect(list.items.find((i) => i.id === pledged)?.livePledge).toBe(true);
    expect((await getOwnIpAsset(h.db, smeA, pledged)).livePledge).toBe(true);
  });

  it('can be neither edited nor deleted', async () => {
    const before = await rowOf(pledged);
    await expect(updateIpAsset(h.db, smeA, pledged, form({ title: '改名' }))).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'ipAssets.errors.asset_pledged',
    });
    await expect(deleteIpAsset(h.db, smeA, pledged)).rejects.toMatchObject({ code: 'conflict', messageKey: 'ipAssets.errors.asset_pledged' });
    expect(await rowOf(pledged)).toEqual(before);
    expect(await auditOf(pledged)).toEqual(['ip_asset.create']);
  });

  it('is reported as not pledgeable', async () => {
    expect(await assertAssetsPledgeable(h.db, smeA.enterpriseId!, [pledged], '2027-12-31')).toEqual([{ assetId: pledged, reasons: ['pledged'] }]);
  });

  it('cannot enter a second live pledge: the database refuses it', async () => {
    const err = await pledge(smeA, [pledged]).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(pgErrorCode(err)).toBe('23505');
    expect(pgConstraint(err)).toBe('pledge_assets_one_live_uq');
    const rows = await h.db.select().from(pledgeAssets).where(eq(pledgeAssets.ipAssetId, pledged));
    expect(rows).toEqual([{ pledgeId, ipAssetId: pledged, live: true }]);
  });

  it('once released, is editable and pledgeable again but kept for the pledge’s record', async () => {
    await h.db.update(pledges).set({ status: 'released', registrationNumber: 'Y2026440000001', registeredOn: '2026-03-01' }).where(eq(pledges.id, pledgeId));
    expect((await getOwnIpAsset(h.db, smeA, pledged)).livePledge).toBe(false);
    expect(await assertAssetsPledgeable(h.db, smeA.enterpriseId!, [pledged], '2027-12-31')).toEqual([]);
    await expect(updateIpAsset(h.db, smeA, pledged, form({ title: '已解押的专利' }))).resolves.toMatchObject({ title: '已解押的专利' });
    await expect(deleteIpAsset(h.db, smeA, pledged)).rejects.toMatchObject({ code: 'conflict', messageKey: 'ipAssets.errors.pledge_history' });
    await expect(pledge(smeA, [pledged])).resolves.toBeTypeOf('string');
  });
});

describe('assertAssetsPledgeable', () => {
  it('reports each failed check per asset, in the order given', async () => {
    const ok = (await createIpAsset(h.db, smeA, form({ expiryDate: '2042-02-25' }))).id;
    const lapsed = (await createIpAsset(h.db, smeA, form({ inForce: false, feesPaid: false }))).id;
    const unpaid = (await createIpAsset(h.db, smeA, form({ feesPaid: false }))).id;
    const expiring = (await createIpAsset(h.db, smeA, form({ grantDate: '2018-01-01', expiryDate: '2027-06-30' }))).id;
    const noExpiry = (await createIpAsset(h.db, smeA, form({ expiryDate: '' }))).id;
    // The maturity rule is for patents: a trademark due for renewal is the bank's judgement.
    const trademark = (await createIpAsset(h.db, smeA, form({ kind: 'trademark', number: '58219036', expiryDate: '2027-01-20' }))).id;
    const failures = await checkAssetsPledgeable(h.db, smeA.enterpriseId!, [ok, lapsed, unpaid, expiring, noExpiry, trademark], '2027-06-30');
    expect(failures).toEqual([
      { assetId: lapsed, reasons: ['not_in_force', 'fees_unpaid'] },
      { assetId: unpaid, reasons: ['fees_unpaid'] },
      { assetId: expiring, reasons: ['expires_before_maturity'] },
      { assetId: noExpiry, reasons: ['expiry_unknown'] },
    ]);
    expect(await checkAssetsPledgeable(h.db, smeA.enterpriseId!, [expiring], '2027-06-29')).toEqual([]);
  });

  it('reports another enterprise’s or an unknown asset as owner only, and the assertion answers not found', async () => {
    const mine = (await createIpAsset(h.db, smeA, form())).id;
    const theirs = (await createIpAsset(h.db, smeB, form({ inForce: false }))).id;
    const unknown = crypto.randomUUID();
    expect(await checkAssetsPledgeable(h.db, smeA.enterpriseId!, [mine, theirs, unknown, theirs], '2027-06-30')).toEqual([
      { assetId: theirs, reasons: ['owner'] },
      { assetId: unknown, reasons: ['owner'] },
    ]);
    await expect(assertAssetsPledgeable(h.db, smeA.enterpriseId!, [mine, theirs], '2027-06-30')).rejects.toMatchObject({ code: 'not_found' });
    expect(await assertAssetsPledgeable(h.db, smeA.enterpriseId!, [mine], '2027-06-30')).toEqual([]);
  });
});
