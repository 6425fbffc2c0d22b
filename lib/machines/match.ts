// match (need × product): suggested → contacted → applied / declined (DESIGN.md §2). An institution
// contacts (expresses interest); the enterprise applies or declines a contact. Applying straight
// from a suggestion is the enterprise choosing a recommended product.
import { defineMachine } from './state-machine';

export const matchMachine = defineMachine({
  entity: 'match',
  states: ['suggested', 'contacted', 'applied', 'declined'] as const,
  actions: {
    contact: { from: ['suggested'], to: 'contacted', roles: ['institution'] },
    apply: { from: ['suggested', 'contacted'], to: 'applied', roles: ['enterprise'] },
    decline: { from: ['contacted'], to: 'declined', roles: ['enterprise'] },
  },
});
export type MatchAction = keyof typeof matchMachine.actions;
export type MatchStatus = (typeof matchMachine.states)[number];
