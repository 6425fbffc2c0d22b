import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/actor';
import type { AppError } from '../core/errors';
import { allowedActions, planTransition } from './define';
import { USER_STATUS_ACTIONS, userStatusMachine, type UserStatus, type UserStatusAction } from './user';

function outcome(from: UserStatus, action: UserStatusAction, role: Role) {
  try {
    return planTransition(userStatusMachine, from, action, role);
  } catch (e) {
    return (e as AppError).code;
  }
}

describe('user status machine', () => {
  const allowed: Record<string, UserStatus> = { 'active/disable': 'disabled', 'disabled/enable': 'active' };

  it('walks every (state, action, role) triple', () => {
    for (const from of userStatusMachine.states) {
      for (const action of USER_STATUS_ACTIONS) {
        for (const role of ROLES) {
          const expected = role !== 'admin' ? 'forbidden' : (allowed[`${from}/${action}`] ?? 'conflict');
          expect(outcome(from, action, role), `${from}/${action}/${role}`).toBe(expected);
        }
      }
    }
  });

  it('offers the admin exactly one way out of each state', () => {
    expect(allowedActions(userStatusMachine, 'active', 'admin')).toEqual(['disable']);
    expect(allowedActions(userStatusMachine, 'disabled', 'admin')).toEqual(['enable']);
    expect(allowedActions(userStatusMachine, 'active', 'institution')).toEqual([]);
  });

  it('lists its actions for the form schema', () => {
    expect([...USER_STATUS_ACTIONS].sort()).toEqual(Object.keys(userStatusMachine.actions).sort());
  });

  it('audits under the entity name the audit viewer filters on', () => {
    expect(userStatusMachine.entity).toBe('user');
  });
});
