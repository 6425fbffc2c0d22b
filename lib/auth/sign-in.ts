// Checks a sign-in: failure limit first (so the 11th try is refused even with the right
// password), then the password, then the account's status. Every attempt is recorded.
// A browser presenting a valid device cookie for the account is judged by its own failures, not the
// account's and address's (lib/auth/sign-in-limit.ts); every successful sign-in gets a fresh cookie.
import type { Db } from '../../db/client';
import { accountFailures, addressFailures, deviceFailures, lockAccountAttempts, recordLoginAttempt } from '../../db/queries/login-attempts';
import { findUserByEmail, touchLastLogin } from '../../db/queries/users';
import type { User } from '../../db/schema';
import { issueDeviceToken, verifyDeviceToken, type DeviceToken } from './device-cookie';
import { dummyPasswordHash, verifyPassword } from './password';
import { SIGN_IN_WINDOW_MS, signInGate } from './sign-in-limit';

export type SignInOutcome =
  | { ok: true; user: User; deviceCookie: DeviceToken | null }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (clientAddress). */
  ip: string;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string | null;
  /** The key material for device cookies (NEXTAUTH_SECRET); without it none is trusted or issued. */
  deviceSecret?: string;
}

export async function authenticate(db: Db, input: SignInInput, now = new Date()): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const nonce = input.deviceSecret ? verifyDeviceToken(input.deviceSecret, input.deviceCookie, email, now) : null;
  return db.transaction(async (tx) => {
    const t: Db = tx;
    await lockAccountAttempts(t, email);
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    const device = nonce ? await deviceFailures(t, nonce, since) : null;
    const gate = signInGate(await accountFailures(t, email, since), await addressFailures(t, input.ip, since), device);
    if (!gate.allowed) return { ok: false, reason: 'rate_limited', retryAt: gate.retryAt } as const;

    const user = await findUserByEmail(t, email);
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : (await verifyPassword(await dummyPasswordHash(), input.password), false);
    const succeeded = passwordOk && user?.status === 'active';
    await recordLoginAttempt(t, { email, ip: input.ip, succeeded, device: gate.trustedDevice ? nonce : null });
    if (!passwordOk || !user) return { ok: false, reason: 'invalid' } as const;
    if (user.status !== 'active') return { ok: false, reason: 'disabled' } as const;
    await touchLastLogin(t, user.id);
    return { ok: true, user, deviceCookie: input.deviceSecret ? issueDeviceToken(input.deviceSecret, email, now) : null } as const;
  });
}
