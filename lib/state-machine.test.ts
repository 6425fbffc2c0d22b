import { describe, expect, it } from 'vitest';
import type { Role } from './auth/actor';
import { AppError } from './errors';
import { allowedActions, institutionMachine, planTransition } from './state-machine';

function outcome(from: (typeof institutionMachine.states)[number], action: keyof typeof institutionMachine.actions, role: Role) {
  try {
    return planTransition(institutionMachine, from, action, role);
  } catch (e) {
    return (e as AppError).code;
  }
}

describe('institution lifecycle', () => {
  it('walks every (state, action) pair: allowed ones move, the rest conflict', () => {
    const expected: Record<string, string> = {
      'pending/approve': 'active',
      'active/suspend': 'suspended',
      'suspended/reactivate': 'active',
    };
    for (const from of institutionMachine.states) {
      for (const action of Object.keys(institutionMachine.actions) as (keyof typeof institutionMachine.actions)[]) {
        expect(outcome(from, action, 'admin'), `${from}/${action}`).toBe(expected[`${from}/${action}`] ?? 'conflict');
      }
    }
  });

  it('is the admins’ alone', () => {
    expect(outcome('pending', 'approve', 'institution')).toBe('forbidden');
    expect(outcome('pending', 'approve', 'enterprise')).toBe('forbidden');
  });

  it('lists what can be done next', () => {
    expect(allowedActions(institutionMachine, 'active', 'admin')).toEqual(['suspend']);
    expect(allowedActions(institutionMachine, 'active', 'institution')).toEqual([]);
  });
});
