import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/actor';
import { AppError } from '../core/errors';
import { allowedActions, planTransition, type Machine } from './define';
import { institutionMachine } from './institution';
import { productMachine, type ProductAction } from './product';
import { certificationVerificationMachine, enterpriseVerificationMachine } from './verification';

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
      'pending/reject': 'rejected',
      'rejected/approve': 'active',
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

describe('product lifecycle', () => {
  const expected: Record<string, string> = {
    'draft/publish': 'published',
    'published/suspend': 'suspended',
    'suspended/republish': 'published',
    'draft/archive': 'archived',
    'suspended/archive': 'archived',
  };

  it('walks every (state, action) pair for an institution: allowed ones move, the rest conflict', () => {
    for (const from of productMachine.states) {
      for (const action of Object.keys(productMachine.actions) as ProductAction[]) {
        let got: string;
        try {
          got = planTransition(productMachine, from, action, 'institution');
        } catch (e) {
          got = (e as AppError).code;
        }
        expect(got, `${from}/${action}`).toBe(expected[`${from}/${action}`] ?? 'conflict');
      }
    }
  });

  it('lets an admin suspend a published product but not publish one; enterprises can do nothing', () => {
    expect(planTransition(productMachine, 'published', 'suspend', 'admin')).toBe('suspended');
    expect(() => planTransition(productMachine, 'draft', 'publish', 'admin')).toThrow(AppError);
    for (const action of Object.keys(productMachine.actions) as ProductAction[]) {
      expect(() => planTransition(productMachine, 'draft', action, 'enterprise')).toThrow(AppError);
    }
    expect(allowedActions(productMachine, 'archived', 'institution')).toEqual([]);
  });
});

describe('verification lifecycles (enterprise and certification)', () => {
  type VState = 'unverified' | 'verified' | 'rejected';
  type VAction = 'verify' | 'reject' | 'reopen' | 'revoke';
  const expected: Record<string, string> = {
    'unverified/verify': 'verified',
    'unverified/reject': 'rejected',
    'rejected/reopen': 'unverified',
    'verified/revoke': 'rejected',
  };
  const machines: [string, Machine<VState, VAction>][] = [
    ['enterprise', enterpriseVerificationMachine],
    ['certification', certificationVerificationMachine],
  ];

  function got(machine: Machine<VState, VAction>, from: VState, action: VAction, role: Role): string {
    try {
      return planTransition(machine, from, action, role);
    } catch (e) {
      return (e as AppError).code;
    }
  }

  for (const [entity, machine] of machines) {
    it(`${entity}: walks every (state, action) pair for an admin: allowed ones move, the rest conflict`, () => {
      expect(machine.entity).toBe(entity);
      expect([...machine.states].sort()).toEqual(['rejected', 'unverified', 'verified']);
      for (const from of machine.states) {
        for (const action of Object.keys(machine.actions) as VAction[]) {
          expect(got(machine, from, action, 'admin'), `${from}/${action}`).toBe(expected[`${from}/${action}`] ?? 'conflict');
        }
      }
    });

    it(`${entity}: is the admins’ alone, in every state`, () => {
      for (const role of ['enterprise', 'institution'] as const) {
        for (const from of machine.states) {
          for (const action of Object.keys(machine.actions) as VAction[]) {
            expect(got(machine, from, action, role), `${role} ${from}/${action}`).toBe('forbidden');
          }
          expect(allowedActions(machine, from, role)).toEqual([]);
        }
      }
    });

    it(`${entity}: the queue offers verify and reject; a decided one only its way back`, () => {
      expect(allowedActions(machine, 'unverified', 'admin')).toEqual(['verify', 'reject']);
      expect(allowedActions(machine, 'verified', 'admin')).toEqual(['revoke']);
      expect(allowedActions(machine, 'rejected', 'admin')).toEqual(['reopen']);
    });
  }
});
