// user account status: active ⇄ disabled, by a zone administrator (DESIGN.md §1 admin, §2 user).
// A disabled user cannot sign in, and every page and action reloads the user (lib/auth/session.ts),
// so disabling ends an open session at its next request.
import { USER_STATES } from '../../db/enums';
import { defineMachine } from './define';

export const userStatusMachine = defineMachine({
  entity: 'user',
  states: USER_STATES,
  actions: {
    disable: { from: ['active'], to: 'disabled', roles: ['admin'] },
    enable: { from: ['disabled'], to: 'active', roles: ['admin'] },
  },
});
export type UserStatusAction = keyof typeof userStatusMachine.actions;
export type UserStatus = (typeof userStatusMachine.states)[number];
export const USER_STATUS_ACTIONS = ['disable', 'enable'] as const satisfies readonly UserStatusAction[];
