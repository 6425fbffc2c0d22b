// Who is acting, and the organisation rules every page, action and route applies.
// Pure: no Next, no database. A foreign id answers 404, never 403, so ids cannot be probed.
import { USER_ROLES } from '../../db/enums';
import { AppError } from '../core/errors';

export const ROLES = USER_ROLES;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: string;
  role: Role;
  name: string;
  email: string;
  enterpriseId: string | null;
  institutionId: string | null;
  memberRole: 'owner' | 'officer' | null;
}

export function homeFor(role: Role): string {
  return role === 'admin' ? '/admin' : role === 'institution' ? '/institution' : '/enterprise';
}

export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
}

/** An enterprise-owned record: only that enterprise's users (and admins, when allowed) see it. */
export function assertEnterpriseScope(actor: Actor, enterpriseId: string, opts: { admin?: boolean } = {}): void {
  if (actor.role === 'admin' && opts.admin) return;
  if (actor.role !== 'enterprise' || actor.enterpriseId !== enterpriseId) throw new AppError('not_found');
}

/** An institution-owned record (a product, an application to its product, a loan it made). */
export function assertInstitutionScope(actor: Actor, institutionId: string, opts: { admin?: boolean } = {}): void {
  if (actor.role === 'admin' && opts.admin) return;
  if (actor.role !== 'institution' || actor.institutionId !== institutionId) throw new AppError('not_found');
}

export function assertOwner(actor: Actor): void {
  if (actor.memberRole !== 'owner') throw new AppError('forbidden');
}
