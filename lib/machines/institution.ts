import { INSTITUTION_STATES } from '../../db/enums';
import { defineMachine } from './define';

/** institution: pending → active ⇄ suspended (DESIGN.md §2); pending → rejected with a reason, which the zone may reconsider. */
export const institutionMachine = defineMachine({
  entity: 'institution',
  states: INSTITUTION_STATES,
  actions: {
    approve: { from: ['pending', 'rejected'], to: 'active', roles: ['admin'] },
    reject: { from: ['pending'], to: 'rejected', roles: ['admin'] },
    suspend: { from: ['active'], to: 'suspended', roles: ['admin'] },
    reactivate: { from: ['suspended'], to: 'active', roles: ['admin'] },
  },
});
export type InstitutionAction = keyof typeof institutionMachine.actions;
