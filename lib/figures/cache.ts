// The zone's figures computed once per state of their data, per instance. The key of an entry is
// the figures' data version (db/queries/figures.ts figuresVersion, migration 0017): how many
// transactions that wrote to a table the figures may read have committed. It is read on every
// call; two equal readings see exactly the same committed rows in those tables, and any commit
// that writes to one of them changes it, whereas writes that no figure reads (an officer's
// consent-access log row, notifications, sign-in attempts, the scheduler's bookkeeping) leave it,
// and the cached answers, alone. So a cached answer is exact whatever the figures' definitions, and
// a second instance (or a read replica at the same point) agrees by construction. The figures that
// depend on the clock include the zone day in their key (a period ending today reads current
// state); stale needs depend on the minute and are not cached here. Inside a transaction that has
// written, nothing is cached (its own rows change without changing the version). Concurrent calls of
// one key and version compute once; calls that come while the key computes for an earlier version
// share the one computation that starts when it ends (two at most at once, however often writes
// come). Every application step still changes the version: it spares the dashboards, exports and
// figures-API calls between two such writes, not the first after one.
//
// For that first one, a batch (the dashboard) waits a bounded time for the
// figures of the current version, and past it serves each figure's previous answer — exact for the
// data as it stood at that answer's reading, which it reports — while the new ones go on computing
// for the next reader (one computation per figure at a time: a slow one is joined, not doubled). A
// province's year of figures takes tens of seconds to compute after a write (bench/README.md, tier
// L); nobody should wait that long to see the figures of a minute ago.
//
// On PostgreSQL every computed answer is also shared with the other instances (figure_answers,
// db/queries/figure-answers.ts, registered for the figures' pool and the replica in db/index.ts):
// written after its caller has it, with its version, and read before an instance computes a key.
// The row of the same version is the answer; one of an earlier version is the key's earlier answer
// for a batch that cannot wait. So a second instance, or a restarted one, neither computes again what
// another has nor makes its first dashboard wait for a computation. And while one instance computes a
// key at a version, it holds a claim on it (figure_claims): another that needs the same key at the
// same version waits for that answer instead of computing it too (takeTurn).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/client';
import {
  claimFigure,
  endFigureClaim,
  figureAnswerStore,
  readFigureAnswer,
  renewFigureClaim,
  type StoredAnswer,
  writeClaimedAnswer,
} from '../../db/queries/figure-answers';
import { figuresVersion } from '../../db/queries/figures';
import { buildId } from '../server/build-id';
import { detached } from '../server/detached';
import { log } from '../server/log';
import { decodeAnswer, encodeAnswer } from './answer-codec';

const MAX_ENTRIES = 200;
/** How long a computation waits for the shared store's row of its key before computing anyway (ms). */
const STORE_READ_WAIT_MS = 1000;
/** How long a claim to compute a key lives unless renewed (ms): a crashed instance's lapses after it. */
const CLAIM_LEASE_MS = 30_000;
/** How long figureBatchOrNull reports a figure's failed computation instead of starting another (ms). */
const FAILED_HELD_MS = 60_000;

/** An answer and the moment its data was read: it counts every commit before `asOf`. */
interface Answer {
  value: unknown;
  asOf: Date;
  /** The figures' data version it was computed at. */
  version: string;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
  /** When the version was read (at or before it): the answer counts every commit before this. */
  readAt: Date;
  /** When its computation started (ms since the epoch). */
  startedAt: number;
  /** How long the key's last finished computation took (ms): this one's once done, else the one before. */
  tookMs?: number;
  /** The answer, once computed. */
  done?: Answer;
  /** The latest answer computed for the key at an earlier version, for readers who cannot wait. */
  earlier?: Answer;
  /** The computation after this one, for exact readers that came while it ran (figureRead). */
  next?: Promise<unknown>;
  /** Settles once the key's shared answer (figure_answers) has been read and taken in, if there is a store. */
  loaded?: Promise<void>;
  /** The answer came from the store, computed by another instance (or before a restart). */
  fromStore?: boolean;
  /** The key's last computation failed, with no earlier answer to show (figureBatchOrNull reports it). */
  failed?: { error: unknown; at: number };
}

// On globalThis: Next bundles route handlers, pages and actions separately (see lib/products/public-cache.ts).
const g = globalThis as unknown as { __kerongtongFigureCache?: WeakMap<Db, Map<string, Entry>> };
const caches = (g.__kerongtongFigureCache ??= new WeakMap<Db, Map<string, Entry>>());

// A page that shows several figures (the dashboard: totals, the previous period, a breakdown, the
// funnel, the league table) reads the version once for all of them: figureBatch reads it, and the
// figureRead calls made inside use that reading instead of one statement each. Still exact: every
// answer served undated was computed at or after the batch's version, and stored under it, so a later
// reader with the same version (nothing they read committed since) gets what it would compute itself.
interface Batch {
  db: Db;
  version: string | null;
  readAt: Date;
  /** How long the batch waits for figures computed afresh (ms). */
  waitMs: number;
  /** Serve an earlier answer where the current one is still computing (past the wait). */
  earlier: boolean;
  /** The oldest reading among the answers served that are not the current version's. */
  oldest: Date | null;
  /** Stops the wait: a figure will not be computed within it (its last computation took longer). */
  giveUp: () => void;
  /** Settles when the wait is over (never, for an infinite one). */
  deadline: Promise<unknown>;
  /** Past the wait, a figure with no answer at all is not waited for either (figureBatchOrNull). */
  skipUncomputed: boolean;
  /** Set when such a figure was skipped: the batch's value is incomplete. */
  uncomputed?: boolean;
}
const batch = new AsyncLocalStorage<Batch>();

export interface BatchAnswer<T> {
  value: T;
  /**
   * Null: every figure is the database's current one. Otherwise some were computed before the latest
   * writes (newer ones are computing): the figures count every commit before this moment.
   */
  asOf: Date | null;
}

/**
 * Runs `fn` (reads only: it must not write through `db`) with one reading of the version shared by
 * the figureRead calls it makes on `db`, waiting at most `waitMs` for figures that must be computed
 * afresh. Past that, `fn` runs again with each such figure's previous answer, where the key has one
 * (a figure never computed before is still waited for), and the result says as of when. The fresh
 * computations go on and serve the next reader. A figure whose computation for an earlier version
 * has already run longer than the wait is not computed again beside it: that computation is joined
 * (its answer dated). A figure whose last computation took longer than the wait ends the wait at
 * once. An infinite `waitMs` waits for every figure. `fn` runs twice past the wait: only figure reads
 * belong in it (other reads would queue twice on the figures' pool, behind the computations).
 */
export function figureBatch<T>(db: Db, waitMs: number, fn: () => Promise<T>): Promise<BatchAnswer<T>> {
  return runBatch(db, waitMs, fn, false) as Promise<BatchAnswer<T>>;
}

/**
 * As figureBatch, except that past the wait a figure that has no answer at all yet (no instance has
 * computed it: a filter nobody asked for before, a new build before its first computation) is not
 * waited for either: the result is then null, and the caller says that the figures are being
 * computed (they go on computing; a later call finds them). At a province's scale such a figure takes
 * tens of seconds, longer than a person should stare at a loading page or a proxy should hold a
 * request.
 */
export function figureBatchOrNull<T>(db: Db, waitMs: number, fn: () => Promise<T>): Promise<BatchAnswer<T> | null> {
  return runBatch(db, waitMs, fn, true);
}

async function runBatch<T>(db: Db, waitMs: number, fn: () => Promise<T>, skipUncomputed: boolean): Promise<BatchAnswer<T> | null> {
  const readAt = new Date();
  let giveUp: () => void = () => {};
  const hopeless = new Promise<true>((resolve) => (giveUp = () => resolve(true)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = Number.isFinite(waitMs) ? new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), waitMs))) : new Promise<true>(() => {});
  const first: Batch = { db, version: await figuresVersion(db), readAt, waitMs, earlier: false, oldest: null, giveUp, deadline, skipUncomputed };
  const fresh = batch.run(first, fn);
  if (!Number.isFinite(waitMs)) return { value: await fresh, asOf: first.oldest };
  const late = await Promise.race([fresh.then(() => false), hopeless, deadline]).finally(() => clearTimeout(timer));
  if (!late) return { value: await fresh, asOf: first.oldest };
  // Its figures go on computing for the next reader; a failure is that reader's to report.
  fresh.catch(() => {});
  const second: Batch = { ...first, earlier: true, oldest: null };
  const value = await batch.run(second, fn);
  return second.uncomputed ? null : { value, asOf: second.oldest };
}

/** The highest version each cache has seen. */
const highest = new WeakMap<Map<string, Entry>, bigint>();

/**
 * Versions only grow while the database lives on. A lower one means it was restored, or failed over
 * to a copy that lost commits, and the same count may come back with other data: forget everything.
 */
function forgetIfRestored(entries: Map<string, Entry>, version: string): void {
  const v = BigInt(version);
  const top = highest.get(entries);
  if (top !== undefined && v < top) entries.clear();
  if (top === undefined || v !== top) highest.set(entries, v);
}

function older(shared: Batch, asOf: Date): void {
  if (!shared.oldest || asOf < shared.oldest) shared.oldest = asOf;
}

/**
 * The entry's answer; in a batch that cannot wait, its earlier answer while it computes. `current`:
 * the entry is of the batch's version (otherwise the answer is dated too).
 */
async function answer(entry: Entry, shared: Batch | undefined, current: boolean): Promise<unknown> {
  // A batch decides whether to wait once it knows what the shared store holds (one quick read, but
  // on a pool that may be busy: not past the batch's wait, and not at all when past it with an
  // earlier answer of its own to show).
  if (shared && entry.loaded) {
    if (!shared.earlier) await Promise.race([entry.loaded, shared.deadline]);
    else if (!entry.earlier) await entry.loaded;
  }
  if (shared && !entry.done && entry.earlier) {
    if (shared.earlier) {
      older(shared, entry.earlier.asOf);
      return Promise.resolve(entry.earlier.value);
    }
    // Waiting is no use for a key whose last computation took longer than the wait, unless this one
    // should end within it: not when more than the wait is left, nor when it is already overdue.
    const tookMs = entry.tookMs ?? 0;
    const left = entry.startedAt + tookMs - Date.now();
    if (tookMs >= shared.waitMs && (left >= shared.waitMs || left <= 0)) shared.giveUp();
  }
  if (shared?.earlier && shared.skipUncomputed && !entry.done) {
    // No answer of any version to show, and the wait is over: the batch's value will be dropped.
    shared.uncomputed = true;
    return null;
  }
  if (shared && !current) older(shared, entry.readAt);
  return entry.value;
}

/**
 * In a batch, a computation of the key for an earlier version that has run longer than the
 * wait is joined, not doubled: a province's figures take longer to compute than writes take to
 * come, and a new computation per write would queue without end on the figures' pool. The answer is
 * dated by the entry's reading, and the next reader after it computes the current version.
 */
function joinSlow(hit: Entry | undefined, shared: Batch | undefined): boolean {
  return !!hit && !!shared && !hit.done && hit.version !== '' && Date.now() - hit.startedAt >= shared.waitMs;
}

/**
 * `compute()`'s answer for `key` in the database's current state. Callers must not mutate it.
 * `earlierKey`: another key whose answer, when `key` has none yet, a batch that cannot wait may show
 * dated (the same figure's key of the day before: a new zone day makes every key new).
 */
export async function figureRead<T>(db: Db, key: string, compute: () => Promise<T>, earlierKey?: string): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const store = batch.getStore();
  const shared = store?.db === db ? store : undefined;
  const { version, readAt } = shared ?? { readAt: new Date(), version: await figuresVersion(db) };
  if (version === null) return compute(); // a transaction with writes of its own: not cacheable
  forgetIfRestored(entries, version);
  const hit = entries.get(key);
  entries.delete(key); // most recently used last
  if (hit?.failed && shared?.skipUncomputed && Date.now() - hit.failed.at < FAILED_HELD_MS) {
    // A page that does not wait for a figure never computed would otherwise say "being computed"
    // while it fails again at each of its reloads: it reports the failure instead, for a while.
    entries.set(key, hit);
    throw hit.failed.error;
  }
  if (hit && (hit.version === version || joinSlow(hit, shared))) {
    entries.set(key, hit);
    return answer(hit, shared, hit.version === version) as Promise<T>;
  }
  if (hit && !shared && !hit.done && hit.version !== '') {
    // An exact reader while the key computes for an earlier version gets the computation after that
    // one, which reads the version when it starts (so it counts every commit before this call), shared
    // with every reader that comes meanwhile: at most two computations of a key at once, however
    // often writes come (the figures API asked all day at province scale; bench/README.md).
    entries.set(key, hit);
    const after = () => figureRead(db, key, compute, earlierKey);
    hit.next ??= detached(() => hit.value.then(after, after));
    return hit.next as Promise<T>;
  }
  const before = hit ?? (earlierKey === undefined ? undefined : entries.get(earlierKey));
  const entry = { version, readAt, startedAt: Date.now(), tookMs: before?.tookMs, earlier: answered(before, version) } as Entry;
  const answers = figureAnswerStore(db);
  if (answers) entry.loaded = detached(() => takeStored(answers, key, entry, earlierKey));
  // Outside this request's async context: the entry outlives it (lib/server/detached.ts).
  const value = detached(async () => {
    // A store slower than that (its pool busy or unreachable) is not waited for: computing here is.
    if (entry.loaded) await withinStoreWait(entry.loaded);
    if (entry.done) return entry.done.value; // another instance computed this version
    if (!answers) return compute();
    const by = ownerOf(entries);
    const turn = await takeTurn(answers, key, entry, by);
    if (turn !== 'compute') {
      entry.done = { value: decodeAnswer(turn.value), asOf: entry.readAt, version: entry.version };
      entry.tookMs = turn.tookMs;
      entry.fromStore = true;
      return entry.done.value;
    }
    const renew = setInterval(() => keepClaim(answers, key, entry.version, by), CLAIM_LEASE_MS / 3);
    try {
      const v = await compute();
      shareAnswer(answers, key, entry, v, Date.now() - entry.startedAt, by);
      return v;
    } catch (err) {
      // Ended before the failure is reported, so that a retry here does not find it and lose its own to it.
      await endClaim(answers, key, entry.version, by);
      throw err;
    } finally {
      clearInterval(renew);
    }
  });
  entry.value = value;
  entries.set(key, entry);
  value.then(
    (v) => {
      entry.done = { value: v, asOf: entry.readAt, version: entry.version };
      if (!entry.fromStore) entry.tookMs = Date.now() - entry.startedAt;
    },
    (error: unknown) => {
      // Not kept: the next reader computes again (and may still be served the earlier answer); a
      // batch that does not wait for a figure never computed is told of the failure for a while.
      if (entries.get(key) !== entry) return;
      if (entry.earlier) entries.set(key, { ...entry, version: '' });
      else entries.set(key, { ...entry, version: '', failed: { error, at: Date.now() } });
    },
  );
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return answer(entry, shared, true) as Promise<T>;
}

/** An entry's latest answer, of `version` or before (an earlier key's may be newer, after a restore). */
function answered(entry: Entry | undefined, version: string): Answer | undefined {
  const a = entry?.done ?? entry?.earlier;
  return a && BigInt(a.version) <= BigInt(version) ? a : undefined;
}

/**
 * Takes in the key's shared answer: of this version, it is the answer (computed by another instance,
 * or by this one before a restart); of an earlier one, it is what a batch that cannot wait shows,
 * dated, if newer than what this instance had. A newer version than this entry's (a lagging replica,
 * a restore) is left alone. A store that cannot be read only means computing here.
 */
async function takeStored(store: Db, key: string, entry: Entry, earlierKey?: string): Promise<void> {
  try {
    const s = await readFigureAnswer(store, storedKey(key));
    if (s?.version === entry.version) {
      entry.done = { value: decodeAnswer(s.value), asOf: entry.readAt, version: entry.version };
      entry.tookMs = s.tookMs;
      entry.fromStore = true;
      return;
    }
    // Of an earlier version it can be shown dated; with none for the key, the earlier key's can.
    const e = s ?? (earlierKey === undefined || entry.earlier ? null : await readFigureAnswer(store, storedKey(earlierKey)));
    if (e && BigInt(e.version) <= BigInt(entry.version) && (!entry.earlier || BigInt(e.version) > BigInt(entry.earlier.version))) {
      entry.earlier = { value: decodeAnswer(e.value), asOf: e.readAt, version: e.version };
      entry.tookMs ??= e.tookMs;
    }
  } catch (err) {
    log().warn({ err, key }, 'shared figure answers unreadable: computing here');
  }
}

/**
 * Computes a figure once across instances: before computing a key at its version, an instance claims
 * it (figure_claims, migration 0022); another that needs the same key at the same version waits for
 * that claimant's answer in figure_answers, asking again every 0.1–1 s, instead of computing it
 * beside it — after a write, every instance behind the load balancer would otherwise run the same
 * province-wide aggregates at once. Resolves to the stored answer, or to 'compute' when this
 * instance holds the claim or the store cannot tell in time (computing here is always correct).
 * The claimant renews the claim while it computes; one that crashed lets it lapse within
 * CLAIM_LEASE_MS, and a waiter then takes it over.
 */
async function takeTurn(store: Db, key: string, entry: Entry, by: string): Promise<StoredAnswer | 'compute'> {
  let pause = 100;
  for (;;) {
    try {
      const outcome = await withinStoreWait(claimFigure(store, storedKey(key), entry.version, by, CLAIM_LEASE_MS));
      if (!outcome) return 'compute'; // the store is slow: do not wait on it
      if ('stored' in outcome) return outcome.stored;
      if (outcome.claimed) {
        // The claim's statement checked for the answer in its own snapshot: one that was committed
        // while it waited on the claim's row (its computer ending the claim) shows in a new one.
        const again = await withinStoreWait(claimFigure(store, storedKey(key), entry.version, by, CLAIM_LEASE_MS));
        if (again && 'stored' in again) {
          await endClaim(store, key, entry.version, by);
          return again.stored;
        }
        return 'compute';
      }
    } catch (err) {
      log().warn({ err, key }, 'figure claims unreadable: computing here');
      return 'compute';
    }
    await sleep(pause);
    pause = Math.min(1000, pause * 1.5);
  }
}

/** `p`, or null when the store takes longer than STORE_READ_WAIT_MS (computing here is then better than waiting). */
async function withinStoreWait<T>(p: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), STORE_READ_WAIT_MS)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends `by`'s claim (no answer of its own to write); a store that fails or is slow only lets it lapse. */
async function endClaim(store: Db, key: string, version: string, by: string): Promise<void> {
  try {
    await withinStoreWait(endFigureClaim(store, storedKey(key), version, by));
  } catch {
    // It lapses within CLAIM_LEASE_MS.
  }
}

function keepClaim(store: Db, key: string, version: string, by: string): void {
  detached(async () => {
    try {
      await renewFigureClaim(store, storedKey(key), version, by, CLAIM_LEASE_MS);
    } catch (err) {
      log().warn({ err, key }, 'figure claim not renewed');
    }
  });
}

/** This instance's name in figure_claims: one per cache (a test's second handle is another instance). */
function ownerOf(entries: Map<string, Entry>): string {
  let by = owners.get(entries);
  if (!by) owners.set(entries, (by = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`));
  return by;
}
const owners = new WeakMap<Map<string, Entry>, string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a computed answer for every instance, after the caller has it, ending `by`'s claim on it in
 * the same statement; a failure is only logged (the claim then lapses).
 */
function shareAnswer(store: Db, key: string, entry: Entry, value: unknown, tookMs: number, by: string): void {
  detached(async () => {
    try {
      await writeClaimedAnswer(store, storedKey(key), { version: entry.version, value: encodeAnswer(value), readAt: entry.readAt, tookMs }, by);
    } catch (err) {
      log().warn({ err, key }, 'figure answer not shared');
    }
  });
}

/** Whether an answer of `key`, of any version, is stored for every instance; null when `db` shares none. */
export async function figureStored(db: Db, key: string): Promise<boolean | null> {
  const store = figureAnswerStore(db);
  return store ? (await readFigureAnswer(store, storedKey(key))) !== null : null;
}

/** A key's row in figure_answers: this build's only (another build may compute the figure otherwise). */
export function storedKey(key: string): string {
  return `${buildId()} ${key}`;
}
