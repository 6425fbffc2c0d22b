// Pledges (质押, DESIGN.md §2); lib/ip/pledges.ts says when.
import { PLEDGE_STATES } from '../../db/enums';
import { defineMachine } from './define';

/**
 * pledge: pending_registration → registered (质押登记 with the IP office) → released (loan repaid) |
 * enforced (the pledgee realises it after default); pending_registration → released when the
 * application is withdrawn after approval (the enterprise withdraws, or the institution cancels).
 */
export const pledgeMachine = defineMachine({
  entity: 'pledge',
  states: PLEDGE_STATES,
  actions: {
    register: { from: ['pending_registration'], to: 'registered', roles: ['institution'] },
    release: { from: ['registered'], to: 'released', roles: ['institution'] },
    cancel: { from: ['pending_registration'], to: 'released', roles: ['enterprise', 'institution'] },
    enforce: { from: ['registered'], to: 'enforced', roles: ['institution'] },
  },
});
export type PledgeAction = keyof typeof pledgeMachine.actions;
export type PledgeStatus = (typeof pledgeMachine.states)[number];
