// Admin decisions on an institution: approve (pending or rejected → active), reject with a reason
// (pending → rejected), suspend, reactivate. Each goes through the institution machine (one
// transaction, an audit row) and tells the institution's users.
import type { Db } from '../../db/client';
import { institutions, type Institution } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import type { Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { markAdminNoticesHandled } from '../../db/queries/notifications';
import { notifyInstitution } from '../notifications/notify';
import { catalogueChanged } from '../products/public-cache';
import { institutionMachine, type InstitutionAction } from '../machines/institution';

/** The reason is required to reject and kept until the institution is approved; other actions ignore it. */
export async function decideInstitution(
  db: Db,
  actor: Actor,
  institutionId: string,
  action: InstitutionAction,
  requestId?: string | null,
  reason = '',
): Promise<Institution> {
  if (action === 'reject' && reason.trim().length < 2) throw new AppError('invalid', 'admin.reason_required');
  const decided = await applyTransition<Institution['status'], InstitutionAction, Institution>(db, {
    machine: institutionMachine,
    table: institutions,
    id: institutionId,
    action,
    actor,
    requestId,
    changes: () => (action === 'reject' ? { rejectionReason: reason.trim() } : action === 'approve' ? { rejectionReason: null } : {}),
    after: async (tx, _before, after) => {
      await notifyInstitution(tx, after.id, {
        kind: `institution.${action}`,
        params: action === 'reject' ? { reason: reason.trim() } : {},
        entity: 'institution',
        entityId: after.id,
      });
      await markAdminNoticesHandled(tx, 'institution', after.id);
    },
  });
  catalogueChanged(db); // its products join or leave the catalogue
  return decided;
}
