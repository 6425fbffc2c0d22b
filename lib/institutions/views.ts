// What the institution home reads: its own institution and its counts.
import type { Db } from '../../db/client';
import { getInstitution } from '../../db/queries/institutions';
import { institutionOverview } from '../../db/queries/overview';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';

export async function institutionHome(db: Db, actor: Actor) {
  assertRole(actor, 'institution');
  const institutionId = actor.institutionId;
  if (!institutionId) throw new AppError('forbidden');
  const [institution, overview] = await Promise.all([getInstitution(db, institutionId), institutionOverview(db, institutionId)]);
  if (!institution) throw new Error('institution of a signed-in user is missing');
  return { institution, overview };
}
