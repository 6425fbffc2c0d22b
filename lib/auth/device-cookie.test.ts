import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName, issueDeviceToken, verifyDeviceToken } from './device-cookie';

const SECRET = 'test-secret-0123456789-0123456789';
const t0 = new Date('2026-11-25T08:00:00Z');

describe('device cookies', () => {
  it('names the account they were issued for and carry a fresh nonce each time', () => {
    const a = issueDeviceToken(SECRET, 'Admin@KeRongTong.demo', t0);
    const b = issueDeviceToken(SECRET, 'admin@kerongtong.demo', t0);
    expect(a.nonce).not.toBe(b.nonce);
    expect(verifyDeviceToken(SECRET, a.value, 'admin@kerongtong.demo', t0)).toBe(a.nonce);
    expect(verifyDeviceToken(SECRET, a.value, ' ADMIN@kerongtong.demo ', t0)).toBe(a.nonce);
    expect(verifyDeviceToken(SECRET, a.value, 'sme@kerongtong.demo', t0)).toBeNull();
  });

  it('refuses a token signed with another secret, or changed in any part', () => {
    const { value } = issueDeviceToken(SECRET, 'admin@kerongtong.demo', t0);
    expect(verifyDeviceToken('another-secret-0123456789-012345', value, 'admin@kerongtong.demo', t0)).toBeNull();
    const parts = value.split('.');
    const forgedEmail = [parts[0], Buffer.from('sme@kerongtong.demo').toString('base64url'), ...parts.slice(2)].join('.');
    expect(verifyDeviceToken(SECRET, forgedEmail, 'sme@kerongtong.demo', t0)).toBeNull();
    const forgedIat = [...parts.slice(0, 3), String(Number(parts[3]) + 1), parts[4]].join('.');
    expect(verifyDeviceToken(SECRET, forgedIat, 'admin@kerongtong.demo', t0)).toBeNull();
    expect(verifyDeviceToken(SECRET, `${value}x`, 'admin@kerongtong.demo', t0)).toBeNull();
    expect(verifyDeviceToken(SECRET, 'v1.a.b.c.d', 'admin@kerongtong.demo', t0)).toBeNull();
    expect(verifyDeviceToken(SECRET, '', 'admin@kerongtong.demo', t0)).toBeNull();
    expect(verifyDeviceToken(SECRET, undefined, 'admin@kerongtong.demo', t0)).toBeNull();
  });

  it('lasts a year', () => {
    const { value, nonce } = issueDeviceToken(SECRET, 'admin@kerongtong.demo', t0);
    const almost = new Date(t0.getTime() + (DEVICE_COOKIE_MAX_AGE_S - 60) * 1000);
    const after = new Date(t0.getTime() + (DEVICE_COOKIE_MAX_AGE_S + 60) * 1000);
    expect(verifyDeviceToken(SECRET, value, 'admin@kerongtong.demo', almost)).toBe(nonce);
    expect(verifyDeviceToken(SECRET, value, 'admin@kerongtong.demo', after)).toBeNull();
    // Issued in the future (beyond clock skew): refused.
    expect(verifyDeviceToken(SECRET, value, 'admin@kerongtong.demo', new Date(t0.getTime() - 3600_000))).toBeNull();
  });

  it('uses a __Host- name where the cookie can be Secure', () => {
    expect(deviceCookieName(true)).toBe('__Host-krt-device');
    expect(deviceCookieName(false)).toBe('krt-device');
  });
});
