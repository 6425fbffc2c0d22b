// Runs before every page and route: tags the request with an id (carried into audit rows), gives it a
// Content-Security-Policy with a fresh script nonce (Next reads the nonce from the request's header
// and puts it on its scripts), and sends signed-out visitors of the protected areas to sign-in and
// back. Role checks happen again in each page, action and route (lib/auth/session.ts): this is only
// the first gate. The other security headers come from next.config.js, for every path.
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { decode } from './lib/auth/jwt';
import { contentSecurityPolicy, isHttps, newNonce } from './lib/server/csp';
import { isForeignPost } from './lib/server/same-origin';

const PROTECTED = /^\/(enterprise|institution|admin)(\/|$)/;
const dev = process.env.NODE_ENV === 'development';

function cspFor(req: NextRequest): string {
  return contentSecurityPolicy({ nonce: newNonce(), https: isHttps(req.headers.get('x-forwarded-proto'), req.nextUrl), dev });
}

/** Passes the request on with its id and a Content-Security-Policy carrying a fresh script nonce. */
function next(req: NextRequest): NextResponse {
  const csp = cspFor(req);
  const headers = new Headers(req.headers);
  if (!headers.get('x-request-id')) headers.set('x-request-id', crypto.randomUUID());
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

const gate = withAuth(next, {
  pages: { signIn: '/login' },
  jwt: { decode },
  callbacks: { authorized: ({ token, req }) => !PROTECTED.test(req.nextUrl.pathname) || !!token },
});

export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  // A POST from another site (a server action, by fetch or a plain form): refused here with 403,
  // before Next throws (500) on it.
  if (isForeignPost(req.method, req.headers))
    return new NextResponse('Forbidden: cross-origin request', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const res = await gate(req as NextRequestWithAuth, event);
  // withAuth passes its own sign-in page (/login) through without calling `next`: it gets its
  // policy and nonce here, as every page does.
  if (!res) return next(req);
  // withAuth's own redirect to sign-in never reaches `next` either.
  if (!res.headers.has('content-security-policy')) res.headers.set('content-security-policy', cspFor(req));
  return res;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth).*)'] };
