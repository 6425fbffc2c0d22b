// financing need: open → matched → fulfilled; open/matched → withdrawn (by the enterprise);
// open → expired (past its wanted-by date, by the platform). DESIGN.md §2.
import { NEED_STATES } from '../../db/enums';
import { defineMachine } from './define';

export const needMachine = defineMachine({
  entity: 'financing_need',
  states: NEED_STATES,
  actions: {
    match: { from: ['open'], to: 'matched', roles: ['enterprise', 'institution', 'admin'] },
    fulfil: { from: ['open', 'matched'], to: 'fulfilled', roles: ['institution', 'admin'] },
    withdraw: { from: ['open', 'matched'], to: 'withdrawn', roles: ['enterprise'] },
    expire: { from: ['open'], to: 'expired', roles: ['admin'] },
  },
});
export type NeedAction = keyof typeof needMachine.actions;
