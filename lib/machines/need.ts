// financing need: open → matched → fulfilled; open/matched → withdrawn (by the enterprise);
// open → expired (past its wanted-by date, by the platform). DESIGN.md §2.
import { defineMachine } from './state-machine';

export const needMachine = defineMachine({
  entity: 'financing_need',
  states: ['open', 'matched', 'fulfilled', 'withdrawn', 'expired'] as const,
  actions: {
    match: { from: ['open'], to: 'matched', roles: ['enterprise', 'institution', 'admin'] },
    fulfil: { from: ['open', 'matched'], to: 'fulfilled', roles: ['institution', 'admin'] },
    withdraw: { from: ['open', 'matched'], to: 'withdrawn', roles: ['enterprise'] },
    expire: { from: ['open'], to: 'expired', roles: ['admin'] },
  },
});
export type NeedAction = keyof typeof needMachine.actions;
export type NeedStatus = (typeof needMachine.states)[number];
