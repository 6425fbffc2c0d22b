// What the enterprise's need pages read: its own needs and IP assets only (a foreign need: not found).
import type { Db } from '../../db/client';
import { listAssetOptions, listEnterpriseNeeds } from '../../db/queries/needs';
import { assertRole, type Actor } from '../auth/actor';

/** The IP assets a need (or an application) of the actor's enterprise may offer as collateral. */
export async function needAssetOptions(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  return listAssetOptions(db, actor.enterpriseId!);
}

/** One page of the actor's enterprise's needs, newest first. */
export async function enterpriseNeeds(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  assertRole(actor, 'enterprise');
  return listEnterpriseNeeds(db, actor.enterpriseId!, page);
}
