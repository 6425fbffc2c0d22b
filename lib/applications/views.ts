// What each side may see of one application: its own applications only (others: not found).
import type { Db } from '../../db/client';
import { getApplicationView, pledgeOfApplication, timeline } from '../../db/queries/applications';
import { assertEnterpriseScope, assertInstitutionScope, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';

export async function applicationFor(db: Db, actor: Actor, id: string) {
  const view = await getApplicationView(db, id);
  if (!view) throw new AppError('not_found');
  if (actor.role === 'enterprise') assertEnterpriseScope(actor, view.application.enterpriseId);
  else assertInstitutionScope(actor, view.application.institutionId);
  const [events, pledge] = await Promise.all([timeline(db, id), pledgeOfApplication(db, id)]);
  return { ...view, events, pledge };
}
