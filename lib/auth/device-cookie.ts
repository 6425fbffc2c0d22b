// OWASP's "device cookie" defence against lock-out as denial of service: a browser that has signed
// in to an account holds a signed token naming that account, and the account and address failure
// limits do not refuse it the right password. Its own failures are counted by the token's nonce.
// Stateless: HMAC-SHA256 under a key derived from NEXTAUTH_SECRET, which every instance shares.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
const VERSION = 'v1';
const CLOCK_SKEW_S = 5 * 60;

/** `__Host-` (Secure, path /, no domain) over https; plain name over http, where Secure is impossible. */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-krt-device' : 'krt-device';
}

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let k = keys.get(secret);
  if (!k) {
    // A key of its own, so a device token can never pass for a session token or the other way round.
    k = Buffer.from(hkdfSync('sha256', secret, 'kerongtong', 'device-cookie v1', 32));
    keys.set(secret, k);
  }
  return k;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const sign = (secret: string, payload: string) => createHmac('sha256', keyFor(secret)).update(payload).digest('base64url');

export interface DeviceToken {
  value: string;
  nonce: string;
}

export function issueDeviceToken(secret: string, email: string, now = new Date(), nonce = randomBytes(16).toString('base64url')): DeviceToken {
  const payload = `${VERSION}.${b64(email.trim().toLowerCase())}.${nonce}.${Math.floor(now.getTime() / 1000)}`;
  return { value: `${payload}.${sign(secret, payload)}`, nonce };
}

/** The nonce of a genuine, unexpired token issued for `email`; null for anything else. */
export function verifyDeviceToken(secret: string, value: string | null | undefined, email: string, now = new Date()): string | null {
  if (!value || value.length > 512) return null;
  const parts = value.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, emailB64, nonce, iatText, sig] = parts;
  const expected = Buffer.from(sign(secret, parts.slice(0, 4).join('.')));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Buffer.from(emailB64, 'base64url').toString('utf8') !== email.trim().toLowerCase()) return null;
  const iat = Number(iatText);
  const nowS = now.getTime() / 1000;
  if (!Number.isInteger(iat) || iat > nowS + CLOCK_SKEW_S || nowS - iat > DEVICE_COOKIE_MAX_AGE_S) return null;
  return /^[\w-]{16,64}$/.test(nonce) ? nonce : null;
}
