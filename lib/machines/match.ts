// match (need × product): suggested → contacted → applied / declined (DESIGN.md §2). An institution
// contacts (expresses interest); the enterprise applies or declines a contact. Applying straight
// from a suggestion is the enterprise choosing a recommended product.
import { MATCH_STATES } from '../../db/enums';
import { defineMachine } from './define';

export const matchMachine = defineMachine({
  entity: 'match',
  states: MATCH_STATES,
  actions: {
    contact: { from: ['suggested'], to: 'contacted', roles: ['institution'] },
    apply: { from: ['suggested', 'contacted'], to: 'applied', roles: ['enterprise'] },
    decline: { from: ['contacted'], to: 'declined', roles: ['enterprise'] },
  },
});
export type MatchAction = keyof typeof matchMachine.actions;
export type MatchStatus = (typeof matchMachine.states)[number];
