// Financing needs (融资需求): an enterprise posts a need once; institutions see it on the board.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { findParkIdByCode } from '../../db/queries/products';
import { boardFinancials, countOwnAssets, expireOverdueNeeds, insertNeed, lockNeed, needsBoard, setNeedAssets, updateNeedRow } from '../../db/queries/needs';
import { disbursedForNeed } from '../../db/queries/applications';
import { financingNeeds, type FinancingNeed } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertEnterpriseScope, assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { needMachine, type NeedAction } from '../machines/need';
import type { NeedForm, NeedsBoardQuery } from '../validation/need';

function columnsFrom(input: NeedForm) {
  return {
    amountFen: input.amountFen,
    termMonths: input.termMonths,
    purpose: input.purpose,
    guaranteeMethods: input.guaranteeMethods,
    maxRateBp: input.maxRate,
    wantedBy: input.wantedBy,
    description: input.description,
  };
}

async function assertOwnAssets(db: Db, enterpriseId: string, assetIds: string[]) {
  const unique = [...new Set(assetIds)];
  if ((await countOwnAssets(db, enterpriseId, unique)) !== unique.length) throw new AppError('not_found', 'not_found', { field: 'ipAssetIds' });
  return unique;
}

export async function createNeed(db: Db, actor: Actor, input: NeedForm, requestId?: string | null): Promise<FinancingNeed> {
  assertRole(actor, 'enterprise');
  if (input.wantedBy && input.wantedBy < zoneDay()) throw new AppError('invalid', 'needs.errors.wanted_by_past', { field: 'wantedBy' });
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const assets = await assertOwnAssets(t, actor.enterpriseId!, input.ipAssetIds);
    const need = await insertNeed(t, { ...columnsFrom(input), enterpriseId: actor.enterpriseId!, status: 'open' });
    await setNeedAssets(t, need.id, assets);
    await writeAudit(t, {
      actor,
      action: 'financing_need.create',
      entity: 'financing_need',
      entityId: need.id,
      after: { ...need, ipAssetIds: assets },
      requestId,
    });
    return need;
  });
}

/** Edits an open need of the actor's enterprise; a foreign id is not found. */
export async function updateNeed(db: Db, actor: Actor, needId: string, input: NeedForm, requestId?: string | null): Promise<FinancingNeed> {
  assertRole(actor, 'enterprise');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockNeed(t, needId);
    if (!before) throw new AppError('not_found');
    assertEnterpriseScope(actor, before.enterpriseId);
    if (before.status !== 'open') throw new AppError('conflict', 'needs.errors.not_open');
    if (input.wantedBy && input.wantedBy < zoneDay()) throw new AppError('invalid', 'needs.errors.wanted_by_past', { field: 'wantedBy' });
    const assets = await assertOwnAssets(t, actor.enterpriseId!, input.ipAssetIds);
    const after = await updateNeedRow(t, needId, columnsFrom(input));
    await setNeedAssets(t, needId, assets);
    await writeAudit(t, {
      actor,
      action: 'financing_need.update',
      entity: 'financing_need',
      entityId: needId,
      before,
      after: { ...after, ipAssetIds: assets },
      requestId,
    });
    return after;
  });
}

export function transitionNeed(db: Db, actor: Actor, needId: string, action: NeedAction, requestId?: string | null): Promise<FinancingNeed> {
  return applyTransition<FinancingNeed['status'], NeedAction, FinancingNeed>(db, {
    machine: needMachine,
    table: financingNeeds,
    id: needId,
    action,
    actor,
    requestId,
    authorise: (row) => {
      if (actor.role === 'enterprise') assertEnterpriseScope(actor, row.enterpriseId);
    },
    // The enterprise closes its need as fulfilled only once a loan from it was disbursed (less than
    // it asked for, or the disbursement would have fulfilled it already).
    changes: async (row, _to, tx) => {
      if (action === 'fulfil' && actor.role === 'enterprise' && (await disbursedForNeed(tx, row.id)) === 0n)
        throw new AppError('conflict', 'needs.errors.nothing_disbursed');
      return {};
    },
  });
}

/** Past their wanted-by date, open needs expire: the expiry job's work (lib/jobs); reads never write. */
export function expireNeeds(db: Db, now = new Date()) {
  return expireOverdueNeeds(db, zoneDay(now));
}

export type BoardRow = Awaited<ReturnType<typeof needsBoard>>['items'][number] & {
  financials: { revenueFen: bigint; rndExpenseFen: bigint; ipValuationFen: bigint } | null;
};

/**
 * The needs board for an institution. Financial details (revenue, R&D expense, IP valuations)
 * are attached only where the enterprise has applied to or accepted contact from this
 * institution (a live consent), and each such access is logged.
 */
export async function needsBoardFor(db: Db, actor: Actor, q: NeedsBoardQuery) {
  assertRole(actor, 'institution');
  let parkId: number | null = null;
  if (q.park) {
    parkId = await findParkIdByCode(db, q.park);
    if (parkId === null) throw new AppError('invalid', 'unknown_park', { param: 'park' });
  }
  const board = await needsBoard(db, q, parkId, actor.institutionId!, zoneDay());
  const consented = board.items.filter((i) => i.hasConsent).map((i) => i.enterpriseId);
  const financials = await boardFinancials(db, consented, actor.institutionId!, actor.userId, 'needs_board');
  const items: BoardRow[] = board.items.map((i) => ({ ...i, financials: financials.get(i.enterpriseId) ?? null }));
  return { items, total: board.total, pageSize: board.pageSize };
}
