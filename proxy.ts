// Runs before every page and route: tags the request with an id (carried into audit rows) and
// sends signed-out visitors of the protected areas to sign-in and back. Role checks happen again in
// each page, action and route (lib/auth/session.ts): this is only the first gate.
import { withAuth } from 'next-auth/middleware';
import { NextResponse } from 'next/server';

const PROTECTED = /^\/(enterprise|institution|admin)(\/|$)/;

export default withAuth(
  function proxy(req) {
    const headers = new Headers(req.headers);
    if (!headers.get('x-request-id')) headers.set('x-request-id', crypto.randomUUID());
    return NextResponse.next({ request: { headers } });
  },
  {
    pages: { signIn: '/login' },
    callbacks: { authorized: ({ token, req }) => !PROTECTED.test(req.nextUrl.pathname) || !!token },
  },
);

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth).*)'] };
