// The enterprise keeps its profile, certifications and colleagues up to date.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { findParkById } from '../../db/queries/parks';
import {
  consumePasswordToken,
  passwordTokenIsLive,
  deleteCertificationRow,
  insertCertification,
  insertPasswordToken,
  lockEnterprise,
  setUserPassword,
  updateEnterpriseRow,
} from '../../db/queries/profile';
import { findUserByEmail, insertUser } from '../../db/queries/users';
import { assertOwner, assertRole, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { AppError, pgErrorCode } from '../core/errors';
import { recomputeScore } from '../innovation/service';
import { notifyAdmins } from '../notifications/notify';
import type { z } from 'zod';
import type { certificationFormSchema, inviteFormSchema, profileFormSchema } from '../validation/profile';

export const SET_PASSWORD_LINK_DAYS = 7;

export async function updateProfile(db: Db, actor: Actor, input: z.output<typeof profileFormSchema>, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockEnterprise(t, actor.enterpriseId!);
    if (!before) throw new AppError('not_found');
    if (!(await findParkById(t, input.parkId))) throw new AppError('invalid', 'park', { field: 'parkId' });
    // The name and founding date are the licence's, which the zone checked: once verified, they change
    // only through the service centre (a verified enterprise renaming itself kept its 已核验 badge).
    if (before.verificationStatus === 'verified') {
      if (input.name !== before.name) throw new AppError('invalid', 'profile.errors.verified_identity', { field: 'name' });
      if (input.foundedOn !== before.foundedOn) throw new AppError('invalid', 'profile.errors.verified_identity', { field: 'foundedOn' });
    }
    const after = await updateEnterpriseRow(t, before.id, {
      name: input.name,
      parkId: input.parkId,
      industry: input.industry,
      foundedOn: input.foundedOn,
      registeredCapitalFen: input.registeredCapitalFen,
      employees: input.employees,
      revenueFen: input.revenueFen,
      rndExpenseFen: input.rndExpenseFen,
    });
    await writeAudit(t, { actor, action: 'enterprise.update_profile', entity: 'enterprise', entityId: before.id, before, after, requestId });
    // The stage depends on the founding date and revenue: the score follows the profile.
    await recomputeScore(t, before.id);
    return after;
  });
}

export async function addCertification(db: Db, actor: Actor, input: z.output<typeof certificationFormSchema>, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      const c = await insertCertification(t, {
        enterpriseId: actor.enterpriseId!,
        kind: input.kind,
        number: input.number,
        validFrom: input.validFrom,
        validTo: input.validTo,
      });
      await writeAudit(t, { actor, action: 'certification.create', entity: 'certification', entityId: c.id, after: c, requestId });
      await notifyAdmins(t, {
        kind: 'certification.submitted',
        params: { certKind: input.kind, number: input.number },
        entity: 'certification',
        entityId: c.id,
      });
      return c;
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw new AppError('conflict', 'profile.errors.cert_taken', { field: 'number' });
    throw e;
  }
}

export async function removeCertification(db: Db, actor: Actor, certificationId: string, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const c = await deleteCertificationRow(t, certificationId, actor.enterpriseId!);
    if (!c) throw new AppError('not_found');
    await writeAudit(t, { actor, action: 'certification.delete', entity: 'certification', entityId: c.id, before: c, requestId });
  });
}

/** A one-time link's secret and the sha256 hash stored for it (setPasswordWithToken hashes the same way). */
export function newToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: createHash('sha256').update(token).digest('hex') };
}

/** An owner invites a colleague: the account exists at once; a one-time link sets its password. */
export async function inviteColleague(db: Db, actor: Actor, input: z.output<typeof inviteFormSchema>, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  assertOwner(actor);
  const { token, tokenHash } = newToken();
  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      // Only an enterprise the zone has verified adds accounts: a self-registered stranger could
      // otherwise take anyone's email address with invitations nobody answers.
      const ent = await lockEnterprise(t, actor.enterpriseId!);
      if (!ent) throw new AppError('not_found');
      if (ent.verificationStatus !== 'verified') throw new AppError('forbidden', 'profile.errors.invite_unverified');
      if (await findUserByEmail(t, input.email)) throw new AppError('conflict', 'email_taken', { field: 'email' });
      const u = await insertUser(t, {
        name: input.name,
        email: input.email,
        passwordHash: unusable,
        role: 'enterprise',
        enterpriseId: actor.enterpriseId!,
        memberRole: input.memberRole,
      });
      await insertPasswordToken(t, { userId: u.id, tokenHash, expiresAt: new Date(Date.now() + SET_PASSWORD_LINK_DAYS * 86_400_000), createdBy: actor.userId });
      await writeAudit(t, {
        actor,
        action: 'user.invite',
        entity: 'user',
        entityId: u.id,
        after: { name: u.name, email: u.email, memberRole: u.memberRole },
        requestId,
      });
      return { userId: u.id, token };
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw new AppError('conflict', 'email_taken', { field: 'email' });
    throw e;
  }
}

/** `hash`: the password hash (argon2id); tests count its calls. */
export async function setPasswordWithToken(db: Db, token: string, password: string, hash: (password: string) => Promise<string> = hashPassword) {
  const tokenHash = createHash('sha256').update(token).digest('hex');
  // A made-up or used link is refused before the password is hashed (argon2 is the costly part).
  if (!(await passwordTokenIsLive(db, tokenHash))) throw new AppError('invalid', 'profile.errors.token', { field: 'token' });
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const used = await consumePasswordToken(t, tokenHash);
    if (!used) throw new AppError('invalid', 'profile.errors.token', { field: 'token' });
    await setUserPassword(t, used.userId, passwordHash);
    await writeAudit(t, { actor: null, action: 'user.set_password', entity: 'user', entityId: used.userId, requestId: null });
  });
}
