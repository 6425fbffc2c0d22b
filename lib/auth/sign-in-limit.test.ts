import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, signInGate } from './sign-in-limit';

const t0 = new Date('2026-11-25T08:00:00Z');
const none = { count: 0, oldest: null };

describe('sign-in failure limit', () => {
  it('allows up to ten failures of one account in the window', () => {
    expect(signInGate({ count: MAX_FAILURES_PER_ACCOUNT - 1, oldest: t0 }, none)).toEqual({ allowed: true });
  });

  it('refuses the attempt after ten failures and says when to retry', () => {
    expect(signInGate({ count: MAX_FAILURES_PER_ACCOUNT, oldest: t0 }, none)).toEqual({ allowed: false, retryAt: new Date('2026-11-25T08:15:00Z') });
  });

  it('limits one address across accounts, taking the later retry time', () => {
    const later = new Date('2026-11-25T08:05:00Z');
    expect(signInGate({ count: MAX_FAILURES_PER_ACCOUNT, oldest: t0 }, { count: MAX_FAILURES_PER_ADDRESS, oldest: later })).toEqual({
      allowed: false,
      retryAt: new Date('2026-11-25T08:20:00Z'),
    });
    expect(signInGate(none, { count: MAX_FAILURES_PER_ADDRESS - 1, oldest: later }).allowed).toBe(true);
  });
});
