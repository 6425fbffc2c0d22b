// The session token, exactly as next-auth 4 writes it (a JWE, "dir" + A256GCM, its key derived from
// the secret with HKDF-SHA256 and next-auth's label), with one difference: the derived key is
// computed once per secret and salt, not on every call. next-auth derives it for every encode and
// decode, and a signed-in page decodes twice (proxy.ts, then getServerSession, which also encodes
// afresh): three HKDF runs per request, ~2 % of the server's CPU under the bench (bench/README.md).
// Tokens stay interchangeable with next-auth's own (jwt.test.ts checks both ways).
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60; // next-auth's default

const keys = new Map<string, Promise<Uint8Array>>();

async function hkdf(secret: Uint8Array<ArrayBuffer>, salt: string): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  const info = new TextEncoder().encode(`NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode(salt), info }, material, 256);
  return new Uint8Array(bits);
}

/** The encryption key for this secret and salt (derived once per process). */
export function derivedKey(secret: JWTEncodeParams['secret'], salt = ''): Promise<Uint8Array> {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : Uint8Array.from(secret);
  if (bytes.length === 0) throw new Error('no secret to encrypt the session token with');
  const id = `${salt}\u0000${typeof secret === 'string' ? secret : Array.from(bytes).join(',')}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf(bytes, salt);
    keys.set(id, key);
    key.catch(() => keys.delete(id));
  }
  return key;
}

export async function encode({ token, secret, maxAge = DEFAULT_MAX_AGE_S, salt = '' }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT((token ?? {}) as JWTPayload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

export async function decode({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
