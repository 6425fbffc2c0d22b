// Checks a sign-in: failure limit first (so the 11th try is refused even with the right
// password), then the password, then the account's status. Every attempt is recorded.
import type { Db } from '../../db/client';
import { accountFailures, addressFailures, lockAccountAttempts, recordLoginAttempt } from '../../db/queries/login-attempts';
import { findUserByEmail, touchLastLogin } from '../../db/queries/users';
import type { User } from '../../db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { SIGN_IN_WINDOW_MS, signInGate } from './sign-in-limit';

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

export async function authenticate(db: Db, input: { email: string; password: string; ip: string }, now = new Date()): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    await lockAccountAttempts(tx as unknown as Db, email);
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    const gate = signInGate(await accountFailures(tx as unknown as Db, email, since), await addressFailures(tx as unknown as Db, input.ip, since));
    if (!gate.allowed) return { ok: false, reason: 'rate_limited', retryAt: gate.retryAt } as const;

    const user = await findUserByEmail(tx as unknown as Db, email);
    const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyPasswordHash(), input.password), false);
    const succeeded = passwordOk && user?.status === 'active';
    await recordLoginAttempt(tx as unknown as Db, { email, ip: input.ip, succeeded });
    if (!passwordOk || !user) return { ok: false, reason: 'invalid' } as const;
    if (user.status !== 'active') return { ok: false, reason: 'disabled' } as const;
    await touchLastLogin(tx as unknown as Db, user.id);
    return { ok: true, user } as const;
  });
}
