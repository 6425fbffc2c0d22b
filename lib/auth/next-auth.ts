// next-auth configuration: credentials (email + password), JWT sessions of 12 hours carrying the
// user id, role and organisation. The role and status are reloaded from the database before any
// change (lib/auth/session.ts), so a disabled user or a changed role takes effect at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../../db';
import { safeCallbackPath } from '../safe-redirect';
import { signInSchema } from '../validation/auth';
import type { Actor } from './actor';
import { authenticate } from './sign-in';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The first address in X-Forwarded-For, as set by the load balancer in front of the app. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return get('x-forwarded-for')?.split(',')[0]?.trim() || get('x-real-ip') || 'unknown';
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const outcome = await authenticate(await getDb(), { ...parsed.data, ip: clientAddress(req?.headers) });
        if (outcome.ok) {
          const u = outcome.user;
          return { id: u.id, name: u.name, email: u.email, role: u.role, enterpriseId: u.enterpriseId, institutionId: u.institutionId, memberRole: u.memberRole, sessionVersion: u.sessionVersion };
        }
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
