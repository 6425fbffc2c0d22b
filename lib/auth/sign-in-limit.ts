// Failed sign-ins are limited per account and per address, counted in PostgreSQL so the limit holds
// across app instances. Pure decision; db/queries/login-attempts.ts supplies the counts.
//
// The limits must not become a way to lock people out (OWASP "device cookies"): a browser that
// presents a valid device cookie for the account it tries (lib/auth/device-cookie.ts) is not
// subject to them. Its failures are counted by the cookie's nonce instead, and after
// MAX_FAILURES_PER_DEVICE it is an untrusted client again until the window passes.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10; // the 11th attempt in the window is refused
export const MAX_FAILURES_PER_ADDRESS = 30; // an office behind one NAT address gets more room
export const MAX_FAILURES_PER_DEVICE = 10;

export interface FailureWindow {
  count: number;
  oldest: Date | null;
}

/** trustedDevice: the attempt is counted against the device cookie, not the account and address. */
export type SignInGate = { allowed: true; trustedDevice: boolean } | { allowed: false; retryAt: Date };

/**
 * account and address: untrusted failures in the window. device: the failures of the device
 * cookie the browser presented, when it is valid for this account; null when there is none.
 */
export function signInGate(account: FailureWindow, address: FailureWindow, device: FailureWindow | null = null): SignInGate {
  if (device && device.count < MAX_FAILURES_PER_DEVICE) return { allowed: true, trustedDevice: true };
  const retry: Date[] = [];
  if (account.count >= MAX_FAILURES_PER_ACCOUNT && account.oldest) retry.push(new Date(account.oldest.getTime() + SIGN_IN_WINDOW_MS));
  if (address.count >= MAX_FAILURES_PER_ADDRESS && address.oldest) retry.push(new Date(address.oldest.getTime() + SIGN_IN_WINDOW_MS));
  if (retry.length === 0) return { allowed: true, trustedDevice: false };
  return { allowed: false, retryAt: new Date(Math.max(...retry.map((d) => d.getTime()))) };
}
