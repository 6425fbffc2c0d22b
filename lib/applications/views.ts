// What each side may see of applications: its own applications only (others: not found).
import type { Db } from '../../db/client';
import { getApplicationView, listApplications } from '../../db/queries/applications';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';

export async function applicationFor(db: Db, actor: Actor, id: string) {
  // With its timeline and pledge in the same statement (only shown once the scope check passed).
  const view = await getApplicationView(db, id);
  if (!view) throw new AppError('not_found');
  if (actor.role === 'enterprise') assertEnterpriseScope(actor, view.application.enterpriseId);
  else assertInstitutionScope(actor, view.application.institutionId);
  return view;
}

/** One page of the actor's enterprise's applications. */
export async function enterpriseApplications(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  assertRole(actor, 'enterprise');
  return listApplications(db, { enterpriseId: actor.enterpriseId! }, page);
}
