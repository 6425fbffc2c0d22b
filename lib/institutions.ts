// Admin decisions on an institution: approve (pending → active), suspend, reactivate.
import type { Db } from '../db/client';
import { notifyInstitution } from '../db/queries/notifications';
import { institutions, type Institution } from '../db/schema';
import { applyTransition } from './machines/engine';
import type { Actor } from './auth/actor';
import { catalogueChanged } from './public-cache';
import { institutionMachine, type InstitutionAction } from './machines/institution';

const NOTICE: Record<InstitutionAction, string> = {
  approve: '贵机构的入驻申请已通过审核，现在可以发布金融产品。',
  suspend: '贵机构已被园区管理员暂停。',
  reactivate: '贵机构已恢复正常。',
};

export async function decideInstitution(db: Db, actor: Actor, institutionId: string, action: InstitutionAction, requestId?: string | null): Promise<Institution> {
  const decided = await applyTransition<Institution['status'], InstitutionAction, Institution>(db, {
    machine: institutionMachine,
    table: institutions,
    id: institutionId,
    action,
    actor,
    requestId,
    after: (tx, _before, after) => notifyInstitution(tx, after.id, { kind: `institution.${action}`, title: NOTICE[action], link: '/institution', entity: 'institution', entityId: after.id }),
  });
  catalogueChanged(db); // its products join or leave the catalogue
  return decided;
}
