// What the enterprise pages read: the enterprise's home and profile (its own enterprise only), an
// enterprise as an institution reviews it, and the zone's parks for the forms that pick one.
import type { Db } from '../../db/client';
import { getEnterpriseWithPark } from '../../db/queries/enterprises';
import { enterpriseOverview } from '../../db/queries/overview';
import { listParks } from '../../db/queries/parks';
import { listCertifications, listColleagues } from '../../db/queries/profile';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { scoreReport } from '../innovation/service';

/** The zone's parks (registration, products, the needs board, verification). Public reference data. */
export function zoneParks(db: Db) {
  return listParks(db);
}

function ownEnterprise(actor: Actor): string {
  assertRole(actor, 'enterprise');
  if (!actor.enterpriseId) throw new AppError('forbidden');
  return actor.enterpriseId;
}

/** The enterprise home: the enterprise with its park, and its counts. */
export async function enterpriseHome(db: Db, actor: Actor) {
  const enterpriseId = ownEnterprise(actor);
  const [row, overview] = await Promise.all([getEnterpriseWithPark(db, enterpriseId), enterpriseOverview(db, enterpriseId)]);
  if (!row) throw new Error('enterprise of a signed-in user is missing');
  return { row, overview };
}

/** The profile page: the enterprise, the parks to choose from, its certifications and its colleagues. */
export async function enterpriseProfile(db: Db, actor: Actor) {
  const enterpriseId = ownEnterprise(actor);
  const [row, parks, certs, colleagues] = await Promise.all([
    getEnterpriseWithPark(db, enterpriseId),
    listParks(db),
    listCertifications(db, enterpriseId),
    listColleagues(db, enterpriseId),
  ]);
  if (!row) throw new Error('enterprise of a signed-in user is missing');
  return { row, parks, certs, colleagues };
}

/**
 * An enterprise as an institution reviews it: its public facts and the score report (which shows
 * financial values only under a live consent, and logs the access). Unknown id: not found.
 */
export async function enterpriseForReview(db: Db, actor: Actor, enterpriseId: string) {
  assertRole(actor, 'institution');
  const row = await getEnterpriseWithPark(db, enterpriseId);
  if (!row) throw new AppError('not_found');
  const report = await scoreReport(db, actor, enterpriseId);
  return { row, report };
}
