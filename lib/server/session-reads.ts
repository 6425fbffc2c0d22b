// What a page render read of its signed-in user, for the private page cache
// (lib/server/private-page-cache.ts): the account state (lib/auth/account.ts accountState) of every
// session load the render made (lib/auth/session.ts notes each). The cache keeps a render only when
// it loaded the session at least once and every load saw the user and state its key was made from, so a render that saw another user, or the same user with another unread count,
// standing or name, is never kept under that key; nor a render that said it is passing (figures
// still being computed).
//
// Also the source of private page keys, registered by instrumentation.ts (inside Next's bundle, where
// the database handle lives) and read by scripts/server.ts. Kept on globalThis: Next's bundles and
// scripts/server.ts each load their own copy of this module.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface SessionReads {
  /** The signed-in user id and account state of each session load, in order. */
  loads: { userId: string; state: string }[];
  /** The render said it shows something not final yet (notePassingRender): never kept. */
  passing?: boolean;
}

/** What the private page cache keys a signed-in request by, read in one statement. */
export interface PrivatePageState {
  userId: string;
  /** accountState() of the user's account row as read now (organisation standing, unread count included). */
  state: string;
  /** The data version (db/queries/figures.ts figuresVersion): changes with every committed write to the data pages show. */
  version: number;
}

/** From a session token (the cookie's value): the state to key by, or null when the request is not for a signed-in, active user. */
export type PrivatePageSource = (token: string) => Promise<PrivatePageState | null>;

const g = globalThis as unknown as { __krtSessionReads?: AsyncLocalStorage<SessionReads>; __krtPrivatePageSource?: PrivatePageSource };
const storage = (g.__krtSessionReads ??= new AsyncLocalStorage<SessionReads>());

/** Runs `fn` (a render) and records its session loads in the returned object as they happen. */
export function recordSessionReads<T>(fn: () => T): { reads: SessionReads; result: T } {
  const reads: SessionReads = { loads: [] };
  return { reads, result: storage.run(reads, fn) };
}

/** Called by every session load of a render: whose session it was and the account state it read. */
export function noteSessionRead(userId: string, state: string): void {
  storage.getStore()?.loads.push({ userId, state });
}

/**
 * Called by a render that shows something it says will change without a write: figures as last
 * computed, with their time, or a notice that they are being computed. The private page cache does
 * not keep it (its key is the data version, which the figures' computation does not change), so the
 * next visit renders again and finds the figures once they are ready.
 */
export function notePassingRender(): void {
  const reads = storage.getStore();
  if (reads) reads.passing = true;
}

export function setPrivatePageSource(source: PrivatePageSource): void {
  g.__krtPrivatePageSource = source;
}

/** The registered source, or null before instrumentation.ts registered it. */
export function privatePageSource(): PrivatePageSource | null {
  return g.__krtPrivatePageSource ?? null;
}
