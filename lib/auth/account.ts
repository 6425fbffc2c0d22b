// The signed-in account as one database row shows it (db/queries/users.ts sessionAccount): the
// actor, and whether its organisation lets it act. Pure, so the rule is tested without a server.
// Only an active institution publishes, processes applications or sees demand (DESIGN §2
// institution: pending → active ⇄ suspended); an enterprise whose verification an admin rejected
// may not act until it is reopened. Everyone else: see lib/auth/session.ts.
import type { AccountRow } from '../../db/queries/users';
import { AppError } from '../core/errors';
import { safeCallbackPath } from './safe-redirect';
import { homeFor, type Actor, type Role } from './actor';

export type InstitutionStatus = 'pending' | 'active' | 'suspended' | 'rejected';
export type VerificationStatus = 'unverified' | 'verified' | 'rejected';

export type OrganisationStanding =
  | { kind: 'institution'; id: string; name: string; status: InstitutionStatus; note: string | null }
  | { kind: 'enterprise'; id: string; name: string; status: VerificationStatus; note: string | null };

export interface SignedInAccount {
  actor: Actor;
  organisation: OrganisationStanding | null;
  /** False: the organisation may not act (pending, suspended, rejected); see organisationActive. */
  active: boolean;
}

export function organisationActive(org: OrganisationStanding | null): boolean {
  if (!org) return true;
  return org.kind === 'institution' ? org.status === 'active' : org.status !== 'rejected';
}

/**
 * Everything a render can show of the signed-in account (name, role, organisation and its standing,
 * unread count, session version), as one string: equal strings, equal headers and gates. The private
 * page cache keys by it and keeps a render only when the render read the same (lib/server/session-reads.ts).
 */
export function accountState(u: AccountRow): string {
  return JSON.stringify(Object.entries(u).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function standingOf(u: AccountRow): OrganisationStanding | null {
  if (u.institutionId && u.institutionStatus)
    return { kind: 'institution', id: u.institutionId, name: u.institutionName ?? '', status: u.institutionStatus, note: u.institutionNote };
  if (u.enterpriseId && u.enterpriseVerification)
    return { kind: 'enterprise', id: u.enterpriseId, name: u.enterpriseName ?? '', status: u.enterpriseVerification, note: u.enterpriseNote };
  return null;
}

/**
 * Null when there is nobody to act as: the user is gone or disabled, or the session carries another
 * session version than the user's row (a password was set or reset, the user was disabled or an
 * admin signed them out everywhere since it was issued). A session without a version predates
 * versions and is refused too.
 */
export function signedInAccount(u: AccountRow | null, tokenSessionVersion: number | undefined): SignedInAccount | null {
  if (!u || u.status !== 'active') return null;
  if (tokenSessionVersion === undefined || tokenSessionVersion !== u.sessionVersion) return null;
  const organisation = standingOf(u);
  return {
    actor: { userId: u.id, role: u.role, name: u.name, email: u.email, enterpriseId: u.enterpriseId, institutionId: u.institutionId, memberRole: u.memberRole },
    organisation,
    active: organisationActive(organisation),
  };
}

export const ACCOUNT_STATUS_PATH = '/account/status';

/**
 * For server actions and route handlers: the actor, or the typed error the caller maps to a response.
 * `evenInactive`: an action that only takes something away from others (withdrawing a data-sharing
 * consent) stays open to a user whose organisation may not act: its data stays its own to withdraw.
 */
export function actorForAction(account: SignedInAccount | null, roles: Role[], evenInactive = false): Actor {
  if (!account) throw new AppError('unauthenticated');
  if (!account.active && !evenInactive) throw new AppError('forbidden', 'organisation_inactive');
  if (!roles.includes(account.actor.role)) throw new AppError('forbidden');
  return account.actor;
}

/**
 * For pages: the actor, or where to send the visitor instead (sign-in and back, the status page, their own area).
 * `evenInactive`: a read-only page of what the organisation still owes or owns (its loans) stays open
 * to a user whose organisation may not act: a revoked verification does not end a loan contract.
 */
export function actorForPage(account: SignedInAccount | null, roles: Role[], returnTo: string, evenInactive = false): { actor: Actor } | { redirect: string } {
  if (!account) {
    const back = safeCallbackPath(returnTo);
    return { redirect: back ? `/login?callbackUrl=${encodeURIComponent(back)}` : '/login' };
  }
  if (!account.active && !(evenInactive && roles.includes(account.actor.role))) return { redirect: ACCOUNT_STATUS_PATH };
  if (!roles.includes(account.actor.role)) return { redirect: homeFor(account.actor.role) };
  return { actor: account.actor };
}

/** Where a user goes after signing in, or when a signed-in user opens the sign-in page. */
export function landingFor(account: SignedInAccount, callbackPath: string | null): string {
  if (!account.active) return ACCOUNT_STATUS_PATH;
  return callbackPath ?? homeFor(account.actor.role);
}
