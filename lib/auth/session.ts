import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db';
import { sessionAccount } from '../../db/queries/users';
import { accountState, actorForAction, actorForPage, signedInAccount, type SignedInAccount } from './account';
import type { Actor, Role } from './actor';
import { noteUser } from '../server/log-context';
import { noteSessionRead } from '../server/session-reads';
import { authOptions } from './next-auth';

interface FreshSession {
  account: SignedInAccount;
  /** Unread notifications addressed to the user (the header's badge). */
  unread: number;
}

/**
 * The one place the actor is loaded: the session's user as the database knows it now, with its
 * organisation's standing and its unread count, in one query. Null if the user is gone or
 * disabled, or the session was ended (its session version is not the user's: password set,
 * disabled, signed out everywhere). Once per request: React's `cache` shares the answer between
 * the root layout and the page of one render (outside a render, as in a server action, every call
 * reads afresh).
 */
const freshSession = cache(async (): Promise<FreshSession | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  noteUser(id);
  const row = await sessionAccount(await getDb(), id);
  // For the private page cache: the render saw this account state (nothing when the user is gone).
  noteSessionRead(id, row ? accountState(row) : '');
  const account = signedInAccount(row, session.user.sessionVersion);
  return account && row ? { account, unread: row.unread } : null;
});

async function freshActor(): Promise<SignedInAccount | null> {
  return (await freshSession())?.account ?? null;
}

/** For the root layout's header: who is signed in (whatever their organisation's standing) and their unread count. */
export async function currentHeader(): Promise<{ actor: Actor | null; unread: number }> {
  const s = await freshSession();
  return { actor: s?.account.actor ?? null, unread: s?.unread ?? 0 };
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
 * rejected organisation go to /account/status (unless the page is one it may still read: `evenInactive`);
 * other roles go to their own area.
 */
export async function requirePageActor(roles: Role[], returnTo: string, opts: { evenInactive?: boolean } = {}): Promise<Actor> {
  const gate = actorForPage(await freshActor(), roles, returnTo, opts.evenInactive);
  if ('redirect' in gate) redirect(gate.redirect);
  return gate.actor;
}

/**
 * For server actions and route handlers: throws the typed error the caller maps to a response
 * (unauthenticated 401; forbidden 403, with organisation_inactive for an organisation that may not act).
 */
export async function requireActor(roles: Role[], evenInactive = false): Promise<Actor> {
  return actorForAction(await freshActor(), roles, evenInactive);
}

export async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}
