// The sign-in limits with device cookies (OWASP), end to end on the database: an attacker's
// failures lock out untrusted clients, never a browser that signed in to the account before.
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { loginAttempts, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { issueDeviceToken } from './device-cookie';
import { hashPassword } from './password';
import { authenticate, type SignInOutcome } from './sign-in';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_DEVICE, SIGN_IN_WINDOW_MS } from './sign-in-limit';

const SECRET = 'int-test-secret-0123456789-0123456789';
const PASSWORD = 'right-password-123';
let h: DbHandle;

const attempt = (email: string, password: string, ip: string, deviceCookie?: string | null) =>
  authenticate(h.db, { email, password, ip, deviceCookie, deviceSecret: SECRET });
const cookieOf = (o: SignInOutcome) => {
  if (!o.ok || !o.deviceCookie) throw new Error(`expected a successful sign-in with a device cookie, got ${JSON.stringify(o)}`);
  return o.deviceCookie.value;
};

beforeAll(async () => {
  h = await openTestDb();
  const hash = await hashPassword(PASSWORD);
  await h.db.insert(users).values([
    { name: '管理员', email: 'lockout-admin@x.cn', passwordHash: hash, role: 'admin' },
    { name: '管理员乙', email: 'lockout-other@x.cn', passwordHash: hash, role: 'admin' },
    { name: '管理员丙', email: 'lockout-device@x.cn', passwordHash: hash, role: 'admin' },
  ]);
});
afterAll(async () => h?.close());

describe('sign-in under attack', () => {
  it('after 40 failures from one address a browser that signed in before still gets in; a new browser is refused with the wait time', async () => {
    const before = Date.now();
    const trusted = cookieOf(await attempt('lockout-admin@x.cn', PASSWORD, '198.51.100.1'));

    // 40 failures from one address: ten against the account, then thirty spread over other names.
    for (let i = 0; i < 40; i++) {
      const email = i < MAX_FAILURES_PER_ACCOUNT ? 'lockout-admin@x.cn' : `guess-${i}@x.cn`;
      const r = await attempt(email, 'wrong-password', '203.0.113.66');
      expect(r.ok).toBe(false);
    }
    // Both limits are reached: a new browser with the right password is refused, with a time.
    const refused = await attempt('lockout-admin@x.cn', PASSWORD, '203.0.113.66');
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    const retryAt = (refused as { retryAt: Date }).retryAt.getTime();
    expect(retryAt).toBeGreaterThan(before + SIGN_IN_WINDOW_MS - 1000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + SIGN_IN_WINDOW_MS);
    // The address limit alone refuses every other untrusted sign-in from there too…
    expect(await attempt('lockout-other@x.cn', PASSWORD, '203.0.113.66')).toMatchObject({ ok: false, reason: 'rate_limited' });
    // …and the account limit refuses untrusted sign-ins to that account from anywhere.
    expect(await attempt('lockout-admin@x.cn', PASSWORD, '192.0.2.200')).toMatchObject({ ok: false, reason: 'rate_limited' });

    // The browser that signed in before is not refused, from the attacked address or elsewhere,
    // and gets a fresh cookie each time.
    const again = await attempt('lockout-admin@x.cn', PASSWORD, '203.0.113.66', trusted);
    expect(again).toMatchObject({ ok: true, user: { email: 'lockout-admin@x.cn' } });
    expect(cookieOf(again)).not.toBe(trusted);
    expect((await attempt('lockout-admin@x.cn', PASSWORD, '192.0.2.200', cookieOf(again))).ok).toBe(true);
  });

  it('trusts a cookie only for the account it names, and only when genuinely signed', async () => {
    const otherAccount = cookieOf(await attempt('lockout-other@x.cn', PASSWORD, '198.51.100.2'));
    expect(await attempt('lockout-admin@x.cn', PASSWORD, '192.0.2.200', otherAccount)).toMatchObject({ reason: 'rate_limited' });
    const forged = issueDeviceToken('not-the-secret-0123456789-0123456789', 'lockout-admin@x.cn').value;
    expect(await attempt('lockout-admin@x.cn', PASSWORD, '192.0.2.200', forged)).toMatchObject({ reason: 'rate_limited' });
    expect(await attempt('lockout-admin@x.cn', PASSWORD, '192.0.2.200', 'garbage')).toMatchObject({ reason: 'rate_limited' });
  });

  it('counts a trusted browser’s failures by its cookie: ten, then it is an untrusted client again', async () => {
    const cookie = cookieOf(await attempt('lockout-device@x.cn', PASSWORD, '198.51.100.3'));
    for (let i = 0; i < MAX_FAILURES_PER_DEVICE; i++) {
      expect(await attempt('lockout-device@x.cn', 'wrong-password', '198.51.100.3', cookie)).toEqual({ ok: false, reason: 'invalid' });
    }
    const rows = await h.db
      .select({ device: loginAttempts.device })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, 'lockout-device@x.cn'), eq(loginAttempts.succeeded, false), isNotNull(loginAttempts.device)));
    expect(rows).toHaveLength(MAX_FAILURES_PER_DEVICE);
    expect(new Set(rows.map((r) => r.device)).size).toBe(1);
    // Its failures did not count against the account or the address: an untrusted browser still
    // gets in, and so does this one, now judged as untrusted (the account has no untrusted failures).
    expect((await attempt('lockout-device@x.cn', PASSWORD, '198.51.100.3')).ok).toBe(true);
    const asUntrusted = await attempt('lockout-device@x.cn', PASSWORD, '198.51.100.3', cookie);
    expect(asUntrusted.ok).toBe(true);
    // Spent, it is limited like any client: ten more failures lock the account for it too.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await attempt('lockout-device@x.cn', 'wrong-password', '198.51.100.3', cookie);
    expect(await attempt('lockout-device@x.cn', PASSWORD, '198.51.100.3', cookie)).toMatchObject({ ok: false, reason: 'rate_limited' });
    // A different trusted browser of the same account is still let in.
    expect((await attempt('lockout-device@x.cn', PASSWORD, '198.51.100.3', cookieOf(asUntrusted))).ok).toBe(true);
  });

  it('issues no cookie without a secret, and an address limit of thirty', async () => {
    const r = await authenticate(h.db, { email: 'lockout-other@x.cn', password: PASSWORD, ip: '198.51.100.9' });
    expect(r).toMatchObject({ ok: true, deviceCookie: null });
    expect(MAX_FAILURES_PER_ADDRESS).toBe(30);
  });
});
