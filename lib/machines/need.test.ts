import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/actor';
import type { AppError } from '../core/errors';
import { needMachine, type NeedAction } from './need';
import { planTransition } from './define';

function outcome(from: (typeof needMachine.states)[number], action: NeedAction, role: Role) {
  try {
    return planTransition(needMachine, from, action, role);
  } catch (e) {
    return (e as AppError).code;
  }
}

describe('financing need lifecycle', () => {
  const allowed: Record<string, string> = {
    'open/match': 'matched',
    'open/fulfil': 'fulfilled',
    'matched/fulfil': 'fulfilled',
    'open/withdraw': 'withdrawn',
    'matched/withdraw': 'withdrawn',
    'open/expire': 'expired',
  };

  it('walks every (state, action) pair with a role allowed to act', () => {
    for (const from of needMachine.states) {
      for (const action of Object.keys(needMachine.actions) as NeedAction[]) {
        const role = needMachine.actions[action].roles[0];
        expect(outcome(from, action, role), `${from}/${action}`).toBe(allowed[`${from}/${action}`] ?? 'conflict');
      }
    }
  });

  it('lets only the enterprise withdraw, and never the enterprise expire', () => {
    expect(outcome('open', 'withdraw', 'institution')).toBe('forbidden');
    expect(outcome('open', 'expire', 'enterprise')).toBe('forbidden');
  });

  it('lets the enterprise fulfil a live need (the service asks for a disbursed loan from it), not a closed one', () => {
    expect(outcome('matched', 'fulfil', 'enterprise')).toBe('fulfilled');
    expect(outcome('withdrawn', 'fulfil', 'enterprise')).not.toBe('fulfilled');
  });
});
