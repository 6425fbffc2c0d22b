// The address a request came from, for the sign-in and registration limits. Next's server keeps a
// client-sent X-Forwarded-For and fills one in only when it is missing, so the app cannot tell a
// forged header from a real one. scripts/server.ts (what `npm start` runs) decides once, here, from
// the socket and TRUST_PROXY_HOPS, and passes the answer on in a header of its own, after deleting
// any copy the client sent.
import { isIP } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-krt-client-address';

/** "::ffff:10.0.0.1" → "10.0.0.1"; an unusable value → null. */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith('[') && v.includes(']'))
    v = v.slice(1, v.indexOf(']')); // "[::1]:443"
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':')); // "1.2.3.4:5678"
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v.toLowerCase() : null;
}

/** TRUST_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (0 = none). */
export function trustedProxyHops(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 20, not "${value}".`);
  return n;
}

/**
 * With no trusted proxy, the socket's address: X-Forwarded-For is whatever the client typed.
 * Behind N proxies that each append the address they received the request from, the Nth entry
 * from the right is the one the outermost proxy saw; everything to its left came from the client.
 * Fewer than N entries: the leftmost, as every entry present was appended by a trusted proxy (the
 * request entered the chain further in). No usable entry where one is expected: the socket's.
 */
export function chooseClientAddress(input: {
  socketAddress: string | null | undefined;
  forwardedFor: string | string[] | null | undefined;
  trustedHops: number;
}): string {
  const socket = normaliseAddress(input.socketAddress) ?? 'unknown';
  if (input.trustedHops <= 0) return socket;
  const raw = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(',') : (input.forwardedFor ?? '');
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket;
  const pick = entries[Math.max(entries.length - input.trustedHops, 0)];
  return normaliseAddress(pick) ?? socket;
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

let warned = false;
/**
 * The client address scripts/server.ts determined for this request; nothing the client sends can
 * set it (the server deletes a client-sent copy). 'unknown' when the app runs without that server
 * (plain `next start`): every client then shares one address for the limits.
 */
export function clientAddressFromHeaders(headers: HeaderBag): string {
  const raw = !headers ? undefined : headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = normaliseAddress(Array.isArray(raw) ? raw[0] : raw);
  if (!value && !warned) {
    warned = true;
    console.warn(`[auth] no ${CLIENT_ADDRESS_HEADER} header: start the app with \`npm start\` (scripts/server.ts) so the sign-in limits see client addresses`);
  }
  return value ?? 'unknown';
}

/**
 * What scripts/server.ts does to every request before Next sees it: drop any client-sent copy of
 * the header, then set it from the socket (and X-Forwarded-For behind TRUST_PROXY_HOPS proxies).
 */
export function stampClientAddress(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, trustedHops: number): string {
  delete headers[CLIENT_ADDRESS_HEADER];
  const address = chooseClientAddress({ socketAddress, forwardedFor: headers['x-forwarded-for'], trustedHops });
  headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}
