// A path whose percent-encoding does not decode (`/products/%ZZ`, a cut UTF-8 sequence) makes Next
// throw while matching the route, before proxy.ts and next.config.js's headers run: a bare 500 and an
// error line per request. scripts/server.ts answers such a request 400 here instead.
import type http from 'node:http';

/** Whether the request target's path (not its query) fails to decode. */
export function hasMalformedPath(url: string | undefined): boolean {
  const path = (url ?? '/').split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The refusal, with the headers every answer carries (next.config.js) and a policy that allows nothing. */
export function refuseMalformedPath(res: http.ServerResponse): void {
  res.writeHead(400, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end('Bad Request: the path is not valid percent-encoding.\n');
}
