import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../../db';
import { sessionAccount } from '../../db/queries/users';
import { actorForAction, actorForPage, signedInAccount, type SignedInAccount } from './account';
import type { Actor, Role } from './actor';
import { noteUser } from '../server/log-context';
import { authOptions } from './next-auth';

/**
 * The one place the actor is loaded: the session's user as the database knows it now, with its
 * organisation's standing, in one query. Null if the user is gone or disabled, or the session was
 * ended (its session version is not the user's: password set, disabled, signed out everywhere).
 */
async function freshActor(): Promise<SignedInAccount | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  noteUser(id);
  return signedInAccount(await sessionAccount(await getDb(), id), session.user.sessionVersion);
}

/** For layouts and pages that show who is signed in (whatever their organisation's standing); no redirect. */
export async function currentActor(): Promise<Actor | null> {
  return (await freshActor())?.actor ?? null;
}

/** The signed-in account with its organisation's standing (the status page, after sign-in). */
export async function currentAccount(): Promise<SignedInAccount | null> {
  return freshActor();
}

/**
 * For pages: signed-out users go to sign-in and come back; users of a pending, suspended or
 * rejected organisation go to /account/status; other roles go to their own area.
 */
export async function requirePageActor(roles: Role[], returnTo: string): Promise<Actor> {
  const gate = actorForPage(await freshActor(), roles, returnTo);
  if ('redirect' in gate) redirect(gate.redirect);
  return gate.actor;
}

/**
 * For server actions and route handlers: throws the typed error the caller maps to a response
 * (unauthenticated 401; forbidden 403, with organisation_inactive for an organisation that may not act).
 */
export async function requireActor(roles: Role[]): Promise<Actor> {
  return actorForAction(await freshActor(), roles);
}

export async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}
