// Routing heavy reads to a read replica (DATABASE_REPLICA_URL): a read runs on the replica unless
// it is marked down; when the replica cannot be reached (refused, closed or shut-down connection,
// a connection-class SQLSTATE) the read is run again on the primary and the replica is left alone
// for `retryAfterMs` before it is tried again. Only reads go through here, so running one twice is
// harmless. Everything that writes, and every read that must see a write just made, uses the
// primary (getDb()): a replica may be behind by its replication lag.
import type { Db } from './client';

/** Errors that say the server could not be reached or went away, not that the query was wrong. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown (the replica is being stopped)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, or recovering)
  '40001', // on a standby: canceled by a conflict with recovery
]);

export function isUnreachable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && /PGlite is closed/i.test(message)) return true;
  return isUnreachable(cause, depth + 1);
}

export interface ReadRouterEvents {
  /** The replica was found unreachable; reads go to the primary for a while. */
  down?(error: unknown): void;
  /** A read on the replica succeeded again after it was down. */
  up?(): void;
  /** A read was answered by the primary because the replica is down. */
  fellBack?(): void;
}

export interface ReadOptions {
  /**
   * Whether the replica has the writes this read must see (e.g. its catalogue version is at least
   * the one the caller is caching for); false sends the read to the primary.
   */
  caughtUp?: (replica: Db) => Promise<boolean>;
}

export interface ReadRouter {
  read<T>(fn: (db: Db) => Promise<T>, options?: ReadOptions): Promise<T>;
  /** Where a read would go now (for a stream that reads on after the response started). */
  current(): Db;
  readonly hasReplica: boolean;
  replicaUp(): boolean;
}

export function createReadRouter(
  primary: Db,
  replica: Db | undefined,
  opts: { retryAfterMs?: number; events?: ReadRouterEvents; now?: () => number } = {},
): ReadRouter {
  const retryAfterMs = opts.retryAfterMs ?? 10_000;
  const now = opts.now ?? Date.now;
  const events = opts.events ?? {};
  let downUntil = 0;
  let down = false;

  const onPrimary = <T>(fn: (db: Db) => Promise<T>) => {
    events.fellBack?.();
    return fn(primary);
  };

  return {
    hasReplica: !!replica,
    replicaUp: () => !!replica && !down,
    current: () => (replica && !(down && now() < downUntil) ? replica : primary),
    async read(fn, options) {
      if (!replica) return fn(primary);
      if (down && now() < downUntil) return onPrimary(fn);
      try {
        if (options?.caughtUp && !(await options.caughtUp(replica))) return await fn(primary);
        const result = await fn(replica);
        if (down) {
          down = false;
          events.up?.();
        }
        return result;
      } catch (e) {
        if (!isUnreachable(e)) throw e;
        if (!down) events.down?.(e);
        down = true;
        downUntil = now() + retryAfterMs;
        return onPrimary(fn);
      }
    },
  };
}
