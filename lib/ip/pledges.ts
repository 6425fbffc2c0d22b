// Pledges (质押) of IP assets: registered with the IP office (质押登记) before disbursement, released
// when the loan is repaid, cancelled when an approved application is withdrawn, enforced after
// default. An asset is in at most one live pledge (a partial unique index on pledge_assets, whose
// `live` flag a trigger keeps in step with the pledge); ip_assets.status follows here.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import {
  applicationStatusLocked,
  deletePledge,
  freeAssets,
  freePledgeAssets,
  getLoan,
  getPledgeByApplication,
  lockPledge,
  markPledgeAssetsPledged,
  pledgeAssetRows,
  pledgeOwners,
} from '../../db/queries/loans';
import { pledges, type Pledge } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertEnterpriseScope, assertInstitutionScope, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { pledgeMachine, type PledgeAction, type PledgeStatus } from '../machines/pledge';
import { planTransition } from '../machines/define';
import { REGISTRATION_NUMBER_MAX } from '../validation/loans';
import type { Notice } from '../notifications/messages';
import { notifyEnterprise } from '../notifications/notify';

export type PledgeAsset = Awaited<ReturnType<typeof pledgeAssetRows>>[number];
export type PledgeWithAssets = Pledge & { assets: PledgeAsset[] };

/**
 * The pledge of an application with its assets, or null when it has none. No actor check: callers
 * have already authorised the application (e.g. the disbursement use case, which must find
 * `status === 'registered'` before it creates the loan).
 */
export async function getPledgeForApplication(db: Db, applicationId: string): Promise<PledgeWithAssets | null> {
  const p = await getPledgeByApplication(db, applicationId);
  return p ? { ...p, assets: await pledgeAssetRows(db, p.id) } : null;
}

interface PledgeMove {
  /** Checks on the pledge's application beyond the organisation (e.g. approved for registration). */
  check?: (owners: NonNullable<Awaited<ReturnType<typeof pledgeOwners>>>, tx: Db) => void | Promise<void>;
  changes?: Record<string, unknown>;
  /** What the enterprise is told, given the pledge's loan (if disbursed). */
  notice?: (loanId: string | null) => Extract<Notice, { kind: `pledge.${string}` }>;
}

/** One pledge transition: organisation check, machine, audit, and the assets' status, in one transaction. */
async function movePledge(db: Db, actor: Actor, pledgeId: string, action: PledgeAction, move: PledgeMove = {}, requestId?: string | null): Promise<Pledge> {
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const owners = await pledgeOwners(t, pledgeId);
    if (!owners) throw new AppError('not_found');
    if (actor.role === 'enterprise') assertEnterpriseScope(actor, owners.enterpriseId);
    else assertInstitutionScope(actor, owners.institutionId);
    await move.check?.(owners, t);
    return applyTransition<PledgeStatus, PledgeAction, Pledge>(t, {
      machine: pledgeMachine,
      table: pledges,
      id: pledgeId,
      action,
      actor,
      requestId,
      changes: () => move.changes ?? {},
      after: async (tx2, _before, after) => {
        if (after.status === 'registered') await markPledgeAssetsPledged(tx2, pledgeId);
        else await freePledgeAssets(tx2, pledgeId);
        if (move.notice) {
          await notifyEnterprise(tx2, owners.enterpriseId, { ...move.notice(owners.loanId), entity: 'pledge', entityId: pledgeId });
        }
      },
    });
  });
}

/**
 * 质押登记: an officer of the institution the application was made to records the registration
 * number and date; pending_registration → registered, and the assets become 'pledged'. The
 * application must be approved (授信) and not yet disbursed; disbursement then requires this.
 */
export async function registerPledge(
  db: Db,
  actor: Actor,
  pledgeId: string,
  input: { registrationNumber: string; registeredOn: string },
  requestId?: string | null,
): Promise<Pledge> {
  const registrationNumber = input.registrationNumber.trim();
  if (registrationNumber === '') throw new AppError('invalid', 'required', { field: 'registrationNumber' });
  if (registrationNumber.length > REGISTRATION_NUMBER_MAX) throw new AppError('invalid', 'too_long', { field: 'registrationNumber' });
  if (input.registeredOn > zoneDay()) throw new AppError('invalid', 'date_future', { field: 'registeredOn' });
  return movePledge(
    db,
    actor,
    pledgeId,
    'register',
    {
      check: async (o, tx) => {
        if (actor.role !== 'institution') throw new AppError('forbidden');
        // Locked, so a withdrawal of the application cannot slip in between the check and the registration.
        if ((await applicationStatusLocked(tx, o.applicationId)) !== 'approved') throw new AppError('conflict', 'loans.errors.application_not_approved');
      },
      changes: { registrationNumber, registeredOn: input.registeredOn },
      notice: (loanId) => ({ kind: 'pledge.register', params: { loanId, registrationNumber, registeredOn: input.registeredOn } }),
    },
    requestId,
  );
}

/**
 * The application was withdrawn after approval: the pending pledge ends and its assets are free.
 * The machine decides who may (the enterprise or the institution) and from which state
 * (pending_registration). The row cannot simply become 'released': the check
 * pledges_registration_chk requires a registration number and date on every pledge that is not
 * pending, and this one was never registered. So the pledge and its asset rows are removed; the
 * audit row keeps the record (before: the pledge with its assets; after: status 'released').
 */
export async function cancelPledge(db: Db, actor: Actor, pledgeId: string, requestId?: string | null): Promise<PledgeWithAssets> {
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const owners = await pledgeOwners(t, pledgeId);
    if (!owners) throw new AppError('not_found');
    if (actor.role === 'enterprise') assertEnterpriseScope(actor, owners.enterpriseId);
    else assertInstitutionScope(actor, owners.institutionId);
    const row = await lockPledge(t, pledgeId);
    if (!row) throw new AppError('not_found');
    const to = planTransition(pledgeMachine, row.status, 'cancel', actor.role);
    const assets = await pledgeAssetRows(t, pledgeId);
    await deletePledge(t, pledgeId);
    await freeAssets(
      t,
      assets.map((a) => a.id),
    );
    const after = { ...row, status: to, updatedAt: new Date() };
    await writeAudit(t, {
      actor,
      action: 'pledge.cancel',
      entity: 'pledge',
      entityId: pledgeId,
      before: { ...row, assets },
      after: { ...after, removed: true },
      requestId,
    });
    return { ...after, assets: assets.map((a) => ({ ...a, status: 'free' as const })) };
  });
}

/** The loan is repaid: the registered pledge is released (质押解除) and its assets are free. */
export async function releasePledge(db: Db, actor: Actor, pledgeId: string, requestId?: string | null): Promise<Pledge> {
  return movePledge(db, actor, pledgeId, 'release', { notice: (loanId) => ({ kind: 'pledge.release', params: { loanId } }) }, requestId);
}

/** After default the pledgee realises the pledged assets (质押物处置); the pledge ends. */
export async function enforcePledge(db: Db, actor: Actor, pledgeId: string, requestId?: string | null): Promise<Pledge> {
  return movePledge(
    db,
    actor,
    pledgeId,
    'enforce',
    {
      check: async (o, tx) => {
        const loan = o.loanId ? await getLoan(tx, o.loanId) : null;
        if (!loan || !['defaulted', 'compensated', 'written_off'].includes(loan.status)) throw new AppError('conflict', 'loans.errors.not_defaulted');
      },
      notice: (loanId) => ({ kind: 'pledge.enforce', params: { loanId } }),
    },
    requestId,
  );
}
