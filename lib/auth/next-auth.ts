// next-auth configuration: credentials (email + password), JWT sessions of 12 hours carrying the
// user id, role and organisation. The role and status are reloaded from the database before any
// change (lib/auth/session.ts), so a disabled user or a changed role takes effect at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { getDb } from '../../db';
import { signInFailed } from '../server/metrics';
import { safeCallbackPath } from './safe-redirect';
import { signInSchema } from '../validation/auth';
import type { Actor } from './actor';
import { clientAddressFromHeaders } from './client-address';
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName } from './device-cookie';
import { authenticate } from './sign-in';
import { decode, encode } from './jwt';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * The client's address for the sign-in and registration limits: the socket's, or the one
 * TRUST_PROXY_HOPS picks from X-Forwarded-For, as scripts/server.ts stamped it on the request.
 */
export const clientAddress = clientAddressFromHeaders;

// Like next-auth's own cookies: Secure (with the __Host- prefix) when the site is served over https.
const secureCookies = () => (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

/**
 * next-auth runs authorize inside its App Router route handler, where cookies() can read the
 * request's cookies and set response cookies (Next merges them into the handler's response).
 */
async function deviceCookieJar() {
  const jar = await cookies();
  const name = deviceCookieName(secureCookies());
  return {
    value: jar.get(name)?.value ?? null,
    set: (value: string) => jar.set(name, value, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_S }),
  };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  // next-auth's token format, its key derived once per process (lib/auth/jwt.ts).
  jwt: { maxAge: SESSION_MAX_AGE_S, encode, decode },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const device = await deviceCookieJar();
        const outcome = await authenticate(await getDb(), {
          ...parsed.data,
          ip: clientAddress(req?.headers),
          deviceCookie: device.value,
          deviceSecret: process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || undefined,
        });
        if (outcome.ok) {
          const u = outcome.user;
          // This browser has now signed in to the account: the failure limits will not lock it out.
          if (outcome.deviceCookie) device.set(outcome.deviceCookie.value);
          return {
            id: u.id,
            name: u.name,
            email: u.email,
            role: u.role,
            enterpriseId: u.enterpriseId,
            institutionId: u.institutionId,
            memberRole: u.memberRole,
            sessionVersion: u.sessionVersion,
          };
        }
        signInFailed(outcome.reason);
        // The message reaches the sign-in form as `error`.
        if (outcome.reason === 'rate_limited') throw new Error(`rate_limited:${outcome.retryAt.toISOString()}`);
        if (outcome.reason === 'disabled') throw new Error('disabled');
        return null;
      },
    }),
  ],
  callbacks: {
    // Where next-auth itself redirects (its callbackUrl): a path on this site, else the home page.
    async redirect({ url, baseUrl }) {
      const path = safeCallbackPath(url, baseUrl);
      return path ? `${new URL(baseUrl).origin}${path}` : baseUrl;
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as Actor & { id: string; sessionVersion: number };
        token.sub = u.id;
        token.role = u.role;
        token.enterpriseId = u.enterpriseId;
        token.institutionId = u.institutionId;
        token.memberRole = u.memberRole;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub as string,
        role: token.role,
        enterpriseId: token.enterpriseId ?? null,
        institutionId: token.institutionId ?? null,
        memberRole: token.memberRole ?? null,
        sessionVersion: token.sv,
      };
      return session;
    },
  },
};
