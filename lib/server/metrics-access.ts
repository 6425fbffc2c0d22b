// Who may read /api/metrics: with METRICS_TOKEN set, a request that presents it as a bearer token;
// without it, clients on this machine or a private network (the address scripts/server.ts takes
// from the socket, or from X-Forwarded-For behind TRUST_PROXY_HOPS proxies, never a header the
// client chose). Everyone else gets 404, as if there were nothing there.
import { timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { normaliseAddress } from '../auth/client-address';

export function isPrivateAddress(address: string | null | undefined): boolean {
  const a = normaliseAddress(address);
  if (!a) return false;
  if (isIPv4(a)) {
    const [x, y] = a.split('.').map(Number);
    return x === 127 || x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168);
  }
  if (isIPv6(a)) return a === '::1' || /^f[cd][0-9a-f]{2}:/i.test(a);
  return false;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function metricsAllowed(r: { token: string | undefined; authorization: string | null; clientAddress: string | null }): boolean {
  if (r.token) {
    const m = /^Bearer\s+(\S+)$/i.exec(r.authorization ?? '');
    return !!m && sameSecret(m[1], r.token);
  }
  return isPrivateAddress(r.clientAddress);
}
