// Failed sign-ins are limited per account and per address, counted in PostgreSQL so the limit holds
// across app instances. Pure decision; db/queries/login-attempts.ts supplies the counts.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10; // the 11th attempt in the window is refused
export const MAX_FAILURES_PER_ADDRESS = 30; // an office behind one NAT address gets more room

export interface FailureWindow {
  count: number;
  oldest: Date | null;
}

export type SignInGate = { allowed: true } | { allowed: false; retryAt: Date };

export function signInGate(account: FailureWindow, address: FailureWindow): SignInGate {
  const retry: Date[] = [];
  if (account.count >= MAX_FAILURES_PER_ACCOUNT && account.oldest) retry.push(new Date(account.oldest.getTime() + SIGN_IN_WINDOW_MS));
  if (address.count >= MAX_FAILURES_PER_ADDRESS && address.oldest) retry.push(new Date(address.oldest.getTime() + SIGN_IN_WINDOW_MS));
  if (retry.length === 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(Math.max(...retry.map((d) => d.getTime()))) };
}
