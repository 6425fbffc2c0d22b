// The officers' queue: applications by state, the longest waiting first.
import type { Db } from '../../db/client';
import { officerQueue } from '../../db/queries/applications';
import { WAITING_STATES } from '../../db/enums';
import { assertRole, type Actor } from '../auth/actor';
import { applicationMachine } from '../machines/application';
import type { APPLICATION_STATES } from '../../db/enums';

type ApplicationState = (typeof APPLICATION_STATES)[number];

export const QUEUE_PAGE = 50;

export async function applicationQueue(db: Db, actor: Actor, o: { status?: string; page: number }) {
  assertRole(actor, 'institution');
  const status = (applicationMachine.states as readonly string[]).includes(o.status ?? '') ? (o.status as ApplicationState) : null;
  const states: readonly ApplicationState[] = status ? [status] : WAITING_STATES;
  const r = await officerQueue(db, actor.institutionId!, states, { limit: QUEUE_PAGE, offset: (o.page - 1) * QUEUE_PAGE });
  return { ...r, status, waitingStates: WAITING_STATES };
}
