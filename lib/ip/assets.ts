// IP assets (知识产权): an enterprise keeps its patents, trademarks and copyrights with their
// valuations, to offer them in financing needs and pledge them (质押) for IP-pledge loans.
// An asset in a live pledge is frozen: it can be neither edited, deleted nor pledged again.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import {
  deleteIpAssetRow,
  getIpAsset,
  insertIpAsset,
  listEnterpriseIpAssets,
  lockIpAsset,
  pledgeFacts,
  pledgeUse,
  unlinkIpAssetFromNeeds,
  updateIpAssetRow,
} from '../../db/queries/ip-assets';
import type { ipAssets } from '../../db/schema';
import { assertEnterpriseScope, assertRole, type Actor } from '../auth/actor';
import { AppError, pgConstraint, pgErrorCode } from '../core/errors';
import { isPatentKind, type IpAssetForm } from '../validation/ip-asset';

export type IpAsset = typeof ipAssets.$inferSelect;

const ASSET_PLEDGED = 'ipAssets.errors.asset_pledged';

function columnsFrom(input: IpAssetForm) {
  return {
    kind: input.kind,
    number: input.number,
    title: input.title,
    owners: input.owners,
    grantDate: input.grantDate,
    expiryDate: input.expiryDate,
    inForce: input.inForce,
    feesPaid: input.feesPaid,
    valuationFen: input.valuationFen,
    appraiser: input.appraiser,
    valuedOn: input.valuedOn,
  };
}

/** unique (enterprise_id, kind, number): the same asset twice reads as an error on the number. */
function mapDuplicate(e: unknown): never {
  if (pgErrorCode(e) === '23505' && (pgConstraint(e) ?? '').startsWith('ip_assets_enterprise_number')) {
    throw new AppError('conflict', 'ipAssets.errors.duplicate', { field: 'number' });
  }
  throw e;
}

export async function createIpAsset(db: Db, actor: Actor, input: IpAssetForm, requestId?: string | null): Promise<IpAsset> {
  assertRole(actor, 'enterprise');
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      const a = await insertIpAsset(t, { ...columnsFrom(input), enterpriseId: actor.enterpriseId! });
      await writeAudit(t, { actor, action: 'ip_asset.create', entity: 'ip_asset', entityId: a.id, after: a, requestId });
      return a;
    });
  } catch (e) {
    mapDuplicate(e);
  }
}

/** Edits an asset of the actor's enterprise that no live pledge holds; a foreign id is not found. */
export async function updateIpAsset(db: Db, actor: Actor, assetId: string, input: IpAssetForm, requestId?: string | null): Promise<IpAsset> {
  assertRole(actor, 'enterprise');
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      const before = await lockIpAsset(t, assetId);
      if (!before) throw new AppError('not_found');
      assertEnterpriseScope(actor, before.enterpriseId);
      if ((await pledgeUse(t, assetId)).live) throw new AppError('conflict', ASSET_PLEDGED);
      const after = await updateIpAssetRow(t, assetId, columnsFrom(input));
      await writeAudit(t, { actor, action: 'ip_asset.update', entity: 'ip_asset', entityId: assetId, before, after, requestId });
      return after;
    });
  } catch (e) {
    mapDuplicate(e);
  }
}

/**
 * Deletes an asset of the actor's enterprise. Refused while a live pledge holds it, and for an
 * asset that was ever pledged (the pledge record keeps it). Financing needs offering it simply
 * stop offering it; the audit row names them.
 */
export async function deleteIpAsset(db: Db, actor: Actor, assetId: string, requestId?: string | null): Promise<void> {
  assertRole(actor, 'enterprise');
  await db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockIpAsset(t, assetId);
    if (!before) throw new AppError('not_found');
    assertEnterpriseScope(actor, before.enterpriseId);
    const use = await pledgeUse(t, assetId);
    if (use.live) throw new AppError('conflict', ASSET_PLEDGED);
    if (use.any) throw new AppError('conflict', 'ipAssets.errors.pledge_history');
    const unlinkedNeedIds = await unlinkIpAssetFromNeeds(t, assetId);
    await deleteIpAssetRow(t, assetId);
    await writeAudit(t, { actor, action: 'ip_asset.delete', entity: 'ip_asset', entityId: assetId, before: { ...before, unlinkedNeedIds }, requestId });
  });
}

/** The asset for its enterprise's own pages, with whether a live pledge holds it. */
export async function getOwnIpAsset(db: Db, actor: Actor, assetId: string) {
  const a = await getIpAsset(db, assetId);
  if (!a) throw new AppError('not_found');
  assertEnterpriseScope(actor, a.enterpriseId);
  return a;
}

export async function listOwnIpAssets(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  assertRole(actor, 'enterprise');
  return listEnterpriseIpAssets(db, actor.enterpriseId!, page);
}

/**
 * Why an asset cannot be pledged now:
 *  - owner: not an asset of this enterprise (or no such asset; the two read the same)
 *  - not_in_force / fees_unpaid: its legal status (法律状态) is lapsed, or annual fees are unpaid
 *  - pledged: a live pledge already holds it
 *  - expires_before_maturity: a patent whose term ends on or before the loan matures
 *  - expiry_unknown: a patent without an expiry date, so the term cannot be checked
 */
export type PledgeFailureReason = 'owner' | 'not_in_force' | 'fees_unpaid' | 'pledged' | 'expires_before_maturity' | 'expiry_unknown';
export interface PledgeFailure {
  assetId: string;
  reasons: PledgeFailureReason[];
}

/**
 * Checks each asset against the pledge rules (DESIGN §2: a pledged patent stays in force past the
 * loan's maturity; an asset is in at most one live pledge) and reports every failure, in the
 * order given. An asset not owned gets 'owner' alone, so nothing about it leaks. The partial
 * unique index on pledge_assets is still the final word when two pledges race.
 */
export async function checkAssetsPledgeable(db: Db, enterpriseId: string, assetIds: string[], maturesOn: string): Promise<PledgeFailure[]> {
  const ids = [...new Set(assetIds)];
  const facts = new Map((await pledgeFacts(db, ids)).map((f) => [f.id, f]));
  const failures: PledgeFailure[] = [];
  for (const id of ids) {
    const f = facts.get(id);
    if (!f || f.enterpriseId !== enterpriseId) {
      failures.push({ assetId: id, reasons: ['owner'] });
      continue;
    }
    const reasons: PledgeFailureReason[] = [];
    if (!f.inForce) reasons.push('not_in_force');
    if (!f.feesPaid) reasons.push('fees_unpaid');
    if (f.livePledge) reasons.push('pledged');
    if (isPatentKind(f.kind)) {
      if (f.expiryDate === null) reasons.push('expiry_unknown');
      else if (f.expiryDate <= maturesOn) reasons.push('expires_before_maturity');
    }
    if (reasons.length) failures.push({ assetId: id, reasons });
  }
  return failures;
}

/**
 * For pledging: an asset of another enterprise (or none) answers not found, like every foreign
 * id; otherwise the failures come back (empty: all pledgeable) so the caller can say which check
 * failed for which asset.
 */
export async function assertAssetsPledgeable(db: Db, enterpriseId: string, assetIds: string[], maturesOn: string): Promise<PledgeFailure[]> {
  const failures = await checkAssetsPledgeable(db, enterpriseId, assetIds, maturesOn);
  if (failures.some((f) => f.reasons.includes('owner'))) throw new AppError('not_found', 'not_found', { field: 'ipAssetIds' });
  return failures;
}
