// What the innovation-score pages read: the enterprise's own score page and the admin's weights page.
import type { Db } from '../../db/client';
import { currentWeightSet, scoreHistory } from '../../db/queries/innovation';
import { assertRole, type Actor } from '../auth/actor';
import { refreshScoreIfStale, scoreReport } from './service';

/** The enterprise's score page: its score (recomputed first when stale) and its history. */
export async function enterpriseScorePage(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  const enterpriseId = actor.enterpriseId!;
  await refreshScoreIfStale(db, enterpriseId);
  const [report, history] = await Promise.all([scoreReport(db, actor, enterpriseId), scoreHistory(db, enterpriseId)]);
  return { report, history };
}

/** The weight set in force (null before the first is published). */
export async function currentWeights(db: Db, actor: Actor) {
  assertRole(actor, 'admin');
  return currentWeightSet(db);
}
