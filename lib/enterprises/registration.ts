// Self-registration of an enterprise (unverified until an admin checks it) and of an institution
// (pending until an admin approves it). Both create the organisation and its first user, the owner.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { findEnterpriseByUscc, insertEnterprise } from '../../db/queries/enterprises';
import { findInstitutionByUscc, insertInstitution } from '../../db/queries/institutions';
import { findParkById, listParks } from '../../db/queries/parks';
import { lockRegistrationAddress, recentRegistrationAttempts, recordRegistrationAttempt, usccHolder } from '../../db/queries/registration-attempts';
import { findUserByEmail, insertUser } from '../../db/queries/users';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { AppError, pgConstraint, pgErrorCode } from '../core/errors';
import { notifyAdmins } from '../notifications/notify';
import { REGISTRATION_WINDOW_MS, registrationRetryAt, registrationsPerHour } from './registration-limit';
import { usccOutsideZone } from './parks';
import { checkUscc, normaliseUscc } from './uscc';
import type { EnterpriseRegistration, InstitutionRegistration } from '../validation/auth';

const taken = (field: string, key: string) => new AppError('conflict', key, { field });

/**
 * A unique violation that slipped past the checks (two registrations at once) reads the same.
 * organisations_uscc_uq is the trigger that keeps one code to one organisation across enterprises
 * and institutions (migration 0007).
 */
function mapUniqueViolation(e: unknown): never {
  if (pgErrorCode(e) === '23505') {
    const c = pgConstraint(e) ?? '';
    if (c === 'organisations_uscc_uq') throw taken('uscc', 'uscc_taken_other_org');
    if (c.includes('email')) throw taken('email', 'email_taken');
    if (c.includes('uscc')) throw taken('uscc', 'uscc_taken');
  }
  throw e;
}

export interface RegistrationContext {
  /** The client's address (clientAddress), for the per-address limit. */
  ip: string;
  requestId?: string | null;
  /** Registrations allowed per address and hour; REGISTRATIONS_PER_HOUR or 5. */
  limit?: number;
  /** The password hash (argon2id); tests count its calls. */
  hash?: (password: string) => Promise<string>;
}

/**
 * Inside the registration's transaction: waits for other registrations from this address, then
 * refuses when it already has `limit` in the last hour (saying when to retry), else counts this one.
 * A registration that fails rolls its count back with it.
 */
async function admitRegistration(t: Db, ctx: RegistrationContext) {
  await lockRegistrationAddress(t, ctx.ip);
  await refuseOverLimit(t, ctx);
  await recordRegistrationAttempt(t, ctx.ip);
}

/** Refuses when the address already has `limit` registrations in the last hour, saying when to retry. */
async function refuseOverLimit(db: Db, ctx: RegistrationContext) {
  const limit = ctx.limit ?? registrationsPerHour();
  const retryAt = registrationRetryAt(await recentRegistrationAttempts(db, ctx.ip, REGISTRATION_WINDOW_MS, limit), limit);
  if (retryAt) throw new AppError('rate_limited', 'registration_limited', { vars: { limit: String(limit), retryAt: retryAt.toISOString() } });
}

/**
 * Before hashing the password (argon2: ~19 MiB and tens of ms each), the refusals that cost nothing:
 * an address over its limit, an email or a code already registered. A refused registration rolls
 * its count back, so without these a stranger could make the server hash without end (a new email
 * with someone's code, again and again). The transaction checks all of it again under its lock.
 */
async function refuseEarly(db: Db, ctx: RegistrationContext, email: string, uscc: string, kind: 'enterprise' | 'institution') {
  await refuseOverLimit(db, ctx);
  if (await findUserByEmail(db, email)) throw taken('email', 'email_taken');
  const holder = await usccHolder(db, uscc);
  if (holder) throw taken('uscc', holder === kind ? 'uscc_taken' : 'uscc_taken_other_org');
}

function actorOf(u: {
  id: string;
  role: Actor['role'];
  name: string;
  email: string;
  enterpriseId: string | null;
  institutionId: string | null;
  memberRole: Actor['memberRole'];
}): Actor {
  return { userId: u.id, role: u.role, name: u.name, email: u.email, enterpriseId: u.enterpriseId, institutionId: u.institutionId, memberRole: u.memberRole };
}

export async function registerEnterprise(db: Db, input: EnterpriseRegistration, ctx: RegistrationContext) {
  const requestId = ctx.requestId;
  const uscc = normaliseUscc(input.uscc);
  const checkFailed = !checkUscc(uscc).ok; // the schema lets a failed check through only when confirmed
  await refuseEarly(db, ctx, input.email, uscc, 'enterprise');
  const passwordHash = await (ctx.hash ?? hashPassword)(input.password);
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      await admitRegistration(t, ctx);
      if (await findUserByEmail(t, input.email)) throw taken('email', 'email_taken');
      if (await findEnterpriseByUscc(t, uscc)) throw taken('uscc', 'uscc_taken');
      if (!(await findParkById(t, input.parkId))) throw new AppError('invalid', 'park', { field: 'parkId' });
      // A code issued outside the zone's cities registers all the same; the admin verifying it decides.
      const outsideZone = usccOutsideZone(uscc, await listParks(t));
      const enterprise = await insertEnterprise(t, {
        uscc,
        usccCheckOverridden: checkFailed,
        name: input.name,
        parkId: input.parkId,
        industry: input.industry,
        foundedOn: input.foundedOn,
        registeredCapitalFen: input.registeredCapitalFen,
        employees: input.employees,
        revenueFen: 0n,
        rndExpenseFen: 0n,
      });
      const user = await insertUser(t, {
        name: input.contactName,
        email: input.email,
        passwordHash,
        role: 'enterprise',
        enterpriseId: enterprise.id,
        memberRole: 'owner',
      });
      await writeAudit(t, { actor: actorOf(user), action: 'enterprise.register', entity: 'enterprise', entityId: enterprise.id, after: enterprise, requestId });
      await notifyAdmins(t, {
        kind: checkFailed ? 'enterprise.registered_uscc_override' : outsideZone ? 'enterprise.registered_outside_zone' : 'enterprise.registered',
        params: { enterprise: enterprise.name, checkFailed, outsideZone },
        entity: 'enterprise',
        entityId: enterprise.id,
      });
      return { enterpriseId: enterprise.id, userId: user.id, usccCheckOverridden: checkFailed, outsideZone };
    });
  } catch (e) {
    return mapUniqueViolation(e);
  }
}

export async function registerInstitution(db: Db, input: InstitutionRegistration, ctx: RegistrationContext) {
  const requestId = ctx.requestId;
  const uscc = normaliseUscc(input.uscc);
  await refuseEarly(db, ctx, input.email, uscc, 'institution');
  const passwordHash = await (ctx.hash ?? hashPassword)(input.password);
  try {
    return await db.transaction(async (tx) => {
      const t: Db = tx;
      await admitRegistration(t, ctx);
      if (await findUserByEmail(t, input.email)) throw taken('email', 'email_taken');
      if (await findInstitutionByUscc(t, uscc)) throw taken('uscc', 'uscc_taken');
      const institution = await insertInstitution(t, {
        name: input.name,
        kind: input.kind,
        uscc,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.email,
        status: 'pending',
      });
      const user = await insertUser(t, {
        name: input.contactName,
        email: input.email,
        passwordHash,
        role: 'institution',
        institutionId: institution.id,
        memberRole: 'owner',
      });
      await writeAudit(t, {
        actor: actorOf(user),
        action: 'institution.register',
        entity: 'institution',
        entityId: institution.id,
        after: institution,
        requestId,
      });
      await notifyAdmins(t, {
        kind: 'institution.registered',
        params: { institution: institution.name },
        entity: 'institution',
        entityId: institution.id,
      });
      return { institutionId: institution.id, userId: user.id };
    });
  } catch (e) {
    return mapUniqueViolation(e);
  }
}
