import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { ipAssets, needIpAssets, pledgeAssets } from '../schema';

/** The asset is in a live pledge (pending registration or registered); see pledge_assets.live. */
export const inLivePledge = sql<boolean>`exists (select 1 from ${pledgeAssets} pa where pa.ip_asset_id = ${ipAssets.id} and pa.live)`;

export async function insertIpAsset(db: Db, values: typeof ipAssets.$inferInsert) {
  const [a] = await db.insert(ipAssets).values(values).returning();
  return a;
}

export async function getIpAsset(db: Db, id: string) {
  const [a] = await db.select({ asset: ipAssets, livePledge: inLivePledge }).from(ipAssets).where(eq(ipAssets.id, id)).limit(1);
  return a ? { ...a.asset, livePledge: Boolean(a.livePledge) } : null;
}

/** Locks the row: a pledge or need being linked to it waits (their foreign keys share-lock it). */
export async function lockIpAsset(db: Db, id: string) {
  const [a] = await db.select().from(ipAssets).where(eq(ipAssets.id, id)).for('update');
  return a ?? null;
}

export async function updateIpAssetRow(db: Db, id: string, values: Partial<typeof ipAssets.$inferInsert>) {
  const [a] = await db
    .update(ipAssets)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(ipAssets.id, id))
    .returning();
  return a;
}

export async function deleteIpAssetRow(db: Db, id: string) {
  await db.delete(ipAssets).where(eq(ipAssets.id, id));
}

/** How the asset figures in pledges: in a live one now, and in any at all (kept as history). */
export async function pledgeUse(db: Db, id: string) {
  const [r] = await db
    .select({ live: sql<number>`count(*) filter (where ${pledgeAssets.live})::int`, all: count() })
    .from(pledgeAssets)
    .where(eq(pledgeAssets.ipAssetId, id));
  return { live: Number(r.live) > 0, any: Number(r.all) > 0 };
}

/** Drops the asset from every financing need offering it; returns those needs' ids. */
export async function unlinkIpAssetFromNeeds(db: Db, id: string) {
  const rows = await db.delete(needIpAssets).where(eq(needIpAssets.ipAssetId, id)).returning({ needId: needIpAssets.needId });
  return rows.map((r) => r.needId);
}

/** An enterprise's own assets, newest first, with whether each is in a live pledge. */
export async function listEnterpriseIpAssets(db: Db, enterpriseId: string, page: { limit: number; offset: number }) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: ipAssets.id,
        kind: ipAssets.kind,
        number: ipAssets.number,
        title: ipAssets.title,
        owners: ipAssets.owners,
        grantDate: ipAssets.grantDate,
        expiryDate: ipAssets.expiryDate,
        inForce: ipAssets.inForce,
        feesPaid: ipAssets.feesPaid,
        valuationFen: ipAssets.valuationFen,
        appraiser: ipAssets.appraiser,
        valuedOn: ipAssets.valuedOn,
        livePledge: inLivePledge,
      })
      .from(ipAssets)
      .where(eq(ipAssets.enterpriseId, enterpriseId))
      .orderBy(desc(ipAssets.createdAt), asc(ipAssets.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(ipAssets).where(eq(ipAssets.enterpriseId, enterpriseId)),
  ]);
  return { items: items.map((i) => ({ ...i, livePledge: Boolean(i.livePledge) })), total: Number(total) };
}

/** The given assets with what a pledge needs to know about them (any enterprise's: the caller scopes). */
export function pledgeFacts(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: ipAssets.id,
      enterpriseId: ipAssets.enterpriseId,
      kind: ipAssets.kind,
      inForce: ipAssets.inForce,
      feesPaid: ipAssets.feesPaid,
      expiryDate: ipAssets.expiryDate,
      livePledge: inLivePledge,
    })
    .from(ipAssets)
    .where(inArray(ipAssets.id, ids));
}
