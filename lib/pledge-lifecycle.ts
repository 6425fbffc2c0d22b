// Pledge steps the application flow needs. Until the pledge machine lands in lib/loan-machines.ts,
// the one step used here (cancel a pending pledge when the application is withdrawn) is a
// transition of its own small machine, through the same applyTransition.
import type { Db } from '../db/client';
import { pledges, type Pledge } from '../db/schema';
import { applyTransition } from '../db/transition';
import type { Actor } from './auth/actor';
import { defineMachine } from './state-machine';

const cancelMachine = defineMachine({
  entity: 'pledge',
  states: ['pending_registration', 'registered', 'released', 'enforced'] as const,
  actions: { cancel: { from: ['pending_registration'], to: 'released', roles: ['enterprise', 'institution'] } },
});

export function cancelPledge(db: Db, actor: Actor, pledgeId: string, requestId?: string | null): Promise<Pledge> {
  return applyTransition<Pledge['status'], 'cancel', Pledge>(db, { machine: cancelMachine, table: pledges, id: pledgeId, action: 'cancel', actor, requestId });
}
