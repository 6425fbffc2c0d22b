import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_DEVICE, signInGate } from './sign-in-limit';

const t0 = new Date('2026-11-25T08:00:00Z');
const none = { count: 0, oldest: null };

describe('sign-in failure limit', () => {
  it('allows up to ten failures of one account in the window', () => {
    expect(signInGate({ count: MAX_FAILURES_PER_ACCOUNT - 1, oldest: t0 }, none)).toEqual({ allowed: true, trustedDevice: false });
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

describe('a browser holding a device cookie for the account', () => {
  const lockedAccount = { count: 400, oldest: t0 };
  const lockedAddress = { count: 4000, oldest: t0 };

  it('is not refused by the account or address limits', () => {
    expect(signInGate(lockedAccount, lockedAddress, none)).toEqual({ allowed: true, trustedDevice: true });
    expect(signInGate(lockedAccount, lockedAddress, { count: MAX_FAILURES_PER_DEVICE - 1, oldest: t0 })).toEqual({ allowed: true, trustedDevice: true });
  });

  it('after ten failures of its own is an untrusted client again until the window passes', () => {
    const spent = { count: MAX_FAILURES_PER_DEVICE, oldest: t0 };
    expect(signInGate(lockedAccount, none, spent)).toEqual({ allowed: false, retryAt: new Date('2026-11-25T08:15:00Z') });
    expect(signInGate(none, none, spent)).toEqual({ allowed: true, trustedDevice: false });
  });

  it('without a cookie (null) is an untrusted client', () => {
    expect(signInGate(lockedAccount, none, null)).toMatchObject({ allowed: false });
  });
});
