// financing need: open → matched → fulfilled; open/matched → withdrawn (by the enterprise);
// open → expired (past its wanted-by date, by the platform). DESIGN.md §2. Fulfilled: by the
// disbursements reaching the need's amount, or by the enterprise once a loan from it was disbursed
// (a smaller loan that covers what it needed; lib/needs/service.ts checks the loan).
import { NEED_STATES } from '../../db/enums';
import { defineMachine } from './define';

export const needMachine = defineMachine({
  entity: 'financing_need',
  states: NEED_STATES,
  actions: {
    match: { from: ['open'], to: 'matched', roles: ['enterprise', 'institution', 'admin'] },
    fulfil: { from: ['open', 'matched'], to: 'fulfilled', roles: ['enterprise', 'institution', 'admin'] },
    withdraw: { from: ['open', 'matched'], to: 'withdrawn', roles: ['enterprise'] },
    expire: { from: ['open'], to: 'expired', roles: ['admin'] },
  },
});
export type NeedAction = keyof typeof needMachine.actions;
