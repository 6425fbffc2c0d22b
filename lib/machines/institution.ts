import { INSTITUTION_STATES } from '../../db/enums';
import { defineMachine } from './define';

/** institution: pending → active ⇄ suspended (DESIGN.md §2). */
export const institutionMachine = defineMachine({
  entity: 'institution',
  states: INSTITUTION_STATES,
  actions: {
    approve: { from: ['pending'], to: 'active', roles: ['admin'] },
    suspend: { from: ['active'], to: 'suspended', roles: ['admin'] },
    reactivate: { from: ['suspended'], to: 'active', roles: ['admin'] },
  },
});
export type InstitutionAction = keyof typeof institutionMachine.actions;
