// The zone administrator's oversight of accounts (DESIGN.md §1 admin, §2 user, audit event):
// disable and enable a user through the user-status machine, issue a one-time set-password link to
// pass on, and read the audit log. Every change is audited; admins only.
import type { Db } from '../../db/client';
import { pageAuditEvents, writeAudit } from '../../db/queries/audit';
import { insertPasswordToken } from '../../db/queries/profile';
import { bumpSessionVersion } from '../../db/queries/users';
import {
  expireUnusedPasswordTokens,
  findOrganisation,
  findUserIdByEmail,
  lockUser,
  searchOrganisations,
  userAccounts,
  type OrganisationOption,
  type UserAccount,
} from '../../db/queries/users-admin';
import { applyTransition } from '../machines/engine';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { newToken } from '../enterprises/profile';
import { userStatusMachine, type UserStatus, type UserStatusAction } from '../machines/user';
import { isUuid } from '../core/ids';
import { ADMIN_PAGE_SIZE, type AuditQuery } from '../validation/admin';

/** A reset link is passed on by hand (phone, chat), so it lives one day, not the invitation's week. */
export const RESET_LINK_HOURS = 24;

export async function setUserStatus(db: Db, admin: Actor, userId: string, action: UserStatusAction, requestId?: string | null): Promise<UserAccount> {
  assertRole(admin, 'admin');
  return applyTransition<UserStatus, UserStatusAction, UserAccount>(db, {
    machine: userStatusMachine,
    table: userAccounts,
    id: userId,
    action,
    actor: admin,
    requestId,
    // On the locked row, so the id's spelling (upper-case hex) cannot slip past. An admin locking
    // themself out leaves nobody to undo it from inside the platform.
    authorise: (row) => {
      if (action === 'disable' && row.id === admin.userId) throw new AppError('forbidden', 'oversight.errors.self_disable');
    },
    // A disabled account keeps no way back in: its open set-password links and its sessions end
    // with it (sessions stay ended when it is enabled again).
    after: async (tx, _before, after) => {
      if (after.status === 'disabled') {
        await expireUnusedPasswordTokens(tx, after.id);
        await bumpSessionVersion(tx, after.id);
      }
    },
  });
}

export const disableUser = (db: Db, admin: Actor, userId: string, requestId?: string | null) => setUserStatus(db, admin, userId, 'disable', requestId);
export const enableUser = (db: Db, admin: Actor, userId: string, requestId?: string | null) => setUserStatus(db, admin, userId, 'enable', requestId);

/**
 * 强制下线: ends every open session of the user at its next request (lib/auth/account.ts compares
 * the session version). The account stays usable; the user signs in again. An admin may do this to
 * themself (e.g. after signing in on a shared computer): the admin's own session ends too.
 */
export async function signOutEverywhere(db: Db, admin: Actor, userId: string, requestId?: string | null): Promise<{ sessionVersion: number }> {
  assertRole(admin, 'admin');
  if (!isUuid(userId)) throw new AppError('not_found');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const user = await lockUser(t, userId.toLowerCase());
    if (!user) throw new AppError('not_found');
    const sessionVersion = (await bumpSessionVersion(t, user.id))!;
    await writeAudit(t, {
      actor: admin,
      action: 'user.sign_out_everywhere',
      entity: 'user',
      entityId: user.id,
      before: { sessionVersion: sessionVersion - 1 },
      after: { sessionVersion },
      requestId,
    });
    return { sessionVersion };
  });
}

/**
 * A one-time link (/set-password?token=…) the admin passes on to the user. Only the token's hash is
 * stored; earlier unused links of the user stop working. The current password keeps working until
 * the link is used: issuing a link is not a lock-out (disable the account for that).
 */
export async function issuePasswordReset(db: Db, admin: Actor, userId: string, requestId?: string | null): Promise<{ token: string; expiresAt: Date }> {
  assertRole(admin, 'admin');
  const { token, tokenHash } = newToken();
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const user = await lockUser(t, userId);
    if (!user) throw new AppError('not_found');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000);
    const invalidatedLinks = await expireUnusedPasswordTokens(t, user.id, now);
    await insertPasswordToken(t, { userId: user.id, tokenHash, expiresAt, createdBy: admin.userId });
    // Never the token nor its hash: the audit log is readable by every admin.
    await writeAudit(t, {
      actor: admin,
      action: 'user.issue_password_reset',
      entity: 'user',
      entityId: user.id,
      after: { expiresAt, invalidatedLinks },
      requestId,
    });
    return { token, expiresAt };
  });
}

/**
 * One page of the audit log. `actor` is a user id or an e-mail; `org` an organisation id or part of
 * a name (every match counts, and the matches are returned so the page can offer to narrow down).
 */
export async function auditLog(db: Db, admin: Actor, q: AuditQuery) {
  assertRole(admin, 'admin');
  let actorUserId: string | undefined;
  let actorFound = true;
  if (q.actor) {
    actorUserId = isUuid(q.actor) ? q.actor.toLowerCase() : ((await findUserIdByEmail(db, q.actor)) ?? undefined);
    actorFound = actorUserId !== undefined;
  }
  let organisations: OrganisationOption[] = [];
  let organisationIds: string[] | undefined;
  if (q.org) {
    if (isUuid(q.org)) {
      const o = await findOrganisation(db, q.org.toLowerCase());
      organisations = o ? [o] : [];
      organisationIds = [q.org.toLowerCase()];
    } else {
      organisations = await searchOrganisations(db, q.org);
      organisationIds = organisations.map((o) => o.id);
    }
  }
  const pageSize = ADMIN_PAGE_SIZE;
  if (!actorFound) return { items: [], total: 0, capped: false, page: q.page, pageSize, actorFound, organisations };
  const { items, total, capped } = await pageAuditEvents(db, {
    entity: q.entity,
    entityId: q.entityId,
    actorUserId,
    organisationId: organisationIds,
    from: q.fromAt,
    to: q.toAt,
    limit: pageSize,
    offset: (q.page - 1) * pageSize,
  });
  return { items, total, capped, page: q.page, pageSize, actorFound, organisations };
}
