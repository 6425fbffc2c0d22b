// Admin verification (核验) of enterprises and their certifications: verify, reject with a reason,
// reopen a rejected one, revoke a verified one. Every decision goes through the machine with a row
// lock and an audit row, records who decided and when, and tells the enterprise.
import type { Db } from '../../db/client';
import { certifications, enterprises, type Enterprise } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertRole, type Actor } from '../auth/actor';
import { AppError, pgErrorCode } from '../core/errors';
import {
  certificationVerificationMachine,
  enterpriseVerificationMachine,
  type CertificationVerificationAction,
  type EnterpriseVerificationAction,
} from '../machines/verification';
import { markAdminNoticesHandled } from '../../db/queries/notifications';
import { inactiveEnterpriseStanding } from '../../db/queries/enterprises';
import { notifyEnterprise } from '../notifications/notify';
import { REASON_MAX, REASON_REQUIRED, RELEASES_USCC } from '../validation/verification';

type Certification = typeof certifications.$inferSelect;
type VerificationStatus = Enterprise['verificationStatus'];
type Action = EnterpriseVerificationAction & CertificationVerificationAction;

/** The note to store; refuses a missing reason where the enterprise must be told why. */
function noteFor(action: Action, reason: string | null | undefined): string | null {
  const note = (reason ?? '').trim();
  if (REASON_REQUIRED.includes(action) && note === '') throw new AppError('invalid', 'verify.reason_required', { field: 'reason' });
  if (note.length > REASON_MAX) throw new AppError('invalid', 'too_long', { field: 'reason' });
  return note === '' ? null : note;
}

/** Who decided and when; reopening puts the record back undecided. */
function decisionColumns(actor: Actor, action: Action, note: string | null) {
  const decided = action !== 'reopen';
  return { verificationNote: note, verifiedAt: decided ? new Date() : null, verifiedBy: decided ? actor.userId : null };
}

/**
 * Verify, reject, reopen or revoke an enterprise. With `releaseUscc` (a rejection or revocation
 * because the code is not the registrant's: USCC squatting), the enterprise's credit code is released
 * in the same transaction: kept in `uscc_released`, taken out of the registry (migration 0024), so the
 * company it names can register. A released enterprise cannot be reopened: it has no code to verify.
 */
export async function decideEnterprise(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  action: EnterpriseVerificationAction,
  reason?: string | null,
  requestId?: string | null,
  releaseUscc = false,
): Promise<Enterprise> {
  assertRole(actor, 'admin');
  const note = noteFor(action, reason);
  if (releaseUscc && !RELEASES_USCC.includes(action)) throw new AppError('invalid', 'invalid', { field: 'releaseUscc' });
  return applyTransition<VerificationStatus, EnterpriseVerificationAction, Enterprise>(db, {
    machine: enterpriseVerificationMachine,
    table: enterprises,
    state: { column: enterprises.verificationStatus, key: 'verificationStatus' },
    id: enterpriseId,
    action,
    actor,
    requestId,
    changes: (row) => {
      if (action === 'reopen' && row.uscc === null) throw new AppError('conflict', 'verify.errors.uscc_released');
      return { ...decisionColumns(actor, action, note), ...(releaseUscc && row.uscc !== null ? { uscc: null, usccReleased: row.uscc } : {}) };
    },
    after: async (tx, _before, after) => {
      await notifyEnterprise(tx, after.id, {
        kind: `enterprise.${action}`,
        params: note ? { note } : {},
        entity: 'enterprise',
        entityId: after.id,
      });
      await markAdminNoticesHandled(tx, 'enterprise', after.id);
    },
  });
}

/**
 * For the status page of a rejected or revoked enterprise: whether its credit code was released with
 * the decision (no new verification can follow), whether the decision revoked a verification it had,
 * and how many loans it has, and of those not yet settled (it can still read them).
 */
export function inactiveStanding(db: Db, enterpriseId: string) {
  return inactiveEnterpriseStanding(db, enterpriseId);
}

export async function decideCertification(
  db: Db,
  actor: Actor,
  certificationId: string,
  action: CertificationVerificationAction,
  reason?: string | null,
  requestId?: string | null,
): Promise<Certification> {
  assertRole(actor, 'admin');
  const note = noteFor(action, reason);
  // Only one enterprise may hold a certificate number verified (certifications_verified_kind_number_uq).
  return applyTransition<VerificationStatus, CertificationVerificationAction, Certification>(db, {
    machine: certificationVerificationMachine,
    table: certifications,
    state: { column: certifications.verificationStatus, key: 'verificationStatus' },
    id: certificationId,
    action,
    actor,
    requestId,
    changes: () => decisionColumns(actor, action, note),
    after: async (tx, _before, after) => {
      await notifyEnterprise(tx, after.enterpriseId, {
        kind: `certification.${action}`,
        params: { certKind: after.kind, number: after.number, ...(note ? { note } : {}) },
        entity: 'certification',
        entityId: after.id,
      });
      await markAdminNoticesHandled(tx, 'certification', after.id);
    },
  }).catch((e: unknown) => {
    if (pgErrorCode(e) === '23505') throw new AppError('conflict', 'verify.errors.cert_verified_elsewhere');
    throw e;
  });
}
