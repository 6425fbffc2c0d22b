// The session token written with a key derived once: the same token format as next-auth's own, so
// sessions survive the change and either side reads what the other wrote.
import { decode as nextAuthDecode, encode as nextAuthEncode, type JWT } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decode, derivedKey, encode } from './jwt';

const secret = 'test-secret-0123456789-0123456789-abcdef';
const token: JWT = { sub: 'u-1', role: 'institution', enterpriseId: null, institutionId: 'i-1', memberRole: 'officer', sv: 3 };

describe('session token', () => {
  it('is read by next-auth, and reads what next-auth wrote', async () => {
    expect(await nextAuthDecode({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await nextAuthEncode({ token, secret }), secret })).toMatchObject(token);
    const salted = 'authjs.session-token';
    expect(await nextAuthDecode({ token: await encode({ token, secret, salt: salted }), secret, salt: salted })).toMatchObject(token);
  });

  it('carries an expiry of maxAge from now and a fresh id each time', async () => {
    const before = Math.floor(Date.now() / 1000);
    const a = await decode({ token: await encode({ token, secret, maxAge: 600 }), secret });
    const b = await decode({ token: await encode({ token, secret, maxAge: 600 }), secret });
    expect(Number(a!.exp) - before).toBeGreaterThanOrEqual(600);
    expect(Number(a!.exp) - before).toBeLessThanOrEqual(601);
    expect(a!.jti).not.toBe(b!.jti);
  });

  it('refuses a token of another secret or salt, an expired one and a tampered one', async () => {
    const written = await encode({ token, secret });
    await expect(decode({ token: written, secret: `${secret}x` })).rejects.toThrow();
    await expect(decode({ token: written, secret, salt: 'other' })).rejects.toThrow();
    await expect(decode({ token: await encode({ token, secret, maxAge: -60 }), secret })).rejects.toThrow();
    const parts = written.split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    await expect(decode({ token: parts.join('.'), secret })).rejects.toThrow();
    expect(await decode({ token: undefined, secret })).toBeNull();
  });

  it('derives each key once', async () => {
    expect(derivedKey(secret)).toBe(derivedKey(secret));
    expect(derivedKey(secret, 's')).not.toBe(derivedKey(secret));
    expect(await derivedKey(Buffer.from(secret))).toEqual(await derivedKey(secret));
  });
});
