import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../../db';
import { findUserById } from '../../db/queries/users';
import { AppError } from '../errors';
import { safeCallbackPath } from '../safe-redirect';
import { homeFor, type Actor, type Role } from './actor';
import { authOptions } from './next-auth';

/** The actor as the database knows it now: null if the session's user is gone or disabled. */
async function freshActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const u = await findUserById(await getDb(), id);
  if (!u || u.status !== 'active') return null;
  return {
    userId: u.id,
    role: u.role,
    name: u.name,
    email: u.email,
    enterpriseId: u.enterpriseId,
    institutionId: u.institutionId,
    memberRole: u.memberRole,
  };
}

/** For layouts and pages that show who is signed in; no redirect. */
export async function currentActor(): Promise<Actor | null> {
  return freshActor();
}

/** For pages: signed-out users go to sign-in and come back; other roles go to their own area. */
export async function requirePageActor(roles: Role[], returnTo: string): Promise<Actor> {
  const actor = await freshActor();
  if (!actor) {
    const back = safeCallbackPath(returnTo);
    redirect(back ? `/login?callbackUrl=${encodeURIComponent(back)}` : '/login');
  }
  if (!roles.includes(actor.role)) redirect(homeFor(actor.role));
  return actor;
}

/** For server actions and route handlers: throws the typed error the caller maps to a response. */
export async function requireActor(roles: Role[]): Promise<Actor> {
  const actor = await freshActor();
  if (!actor) throw new AppError('unauthenticated');
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
  return actor;
}

export async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}
