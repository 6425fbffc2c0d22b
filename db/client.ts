// The one place that knows which database we talk to: PGlite (embedded, default) when DATABASE_URL
// is unset, PostgreSQL through postgres.js when it is set. Everything else sees one `Db` type.
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { CONNECTION_LOST, errorCodes, NOT_CONNECTED } from './failures';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Runs drizzle's migrator for this driver (callers hold the migration lock). */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
  /** The server's URL (PostgreSQL only), so migrations can take a connection of their own. */
  url?: string;
  /** PGlite only: the whole data directory as a tarball, to start other in-memory databases from (tests). */
  dumpImage?: () => Promise<Blob>;
}

export interface DbConfig {
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' for an in-memory database (tests). */
  pgliteDir?: string;
  /** In-memory PGlite only: start from this dumped data directory (PGlite's dumpDataDir) instead of an empty cluster. */
  pgliteImage?: Blob;
  poolMax?: number;
  /** PostgreSQL: a statement running longer is cancelled (ms; 0 = no limit). */
  statementTimeoutMs?: number;
  /** PostgreSQL: a statement waiting longer for a row or table lock fails (ms; 0 = no limit). */
  lockTimeoutMs?: number;
  /** PostgreSQL: a query waiting longer for a pooled connection fails (ms; 0 = no limit). */
  acquireTimeoutMs?: number;
  /** PostgreSQL: for how long a statement that could not reach the server is tried again (ms; 0 = never). */
  retryMs?: number;
  /** PostgreSQL: how the connections name themselves in pg_stat_activity (default kerongtong, the app). */
  applicationName?: string;
}

/** The app's default statement timeout: a request waits at most this long on one statement. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
/** A request waits at most this long for a row lock (a hot row held by a slow transaction). */
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
/** …and at most this long for a pooled connection when every one is busy. */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;
/** …and tries a statement that could not reach the server (a restart) again for this long. */
export const DEFAULT_RETRY_MS = 5_000;

const envMs = (v: string | undefined, fallback: number) => (v !== undefined && v !== '' ? Number(v) : fallback);

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || path.join(process.cwd(), '.data', 'pglite'),
    poolMax: env.DB_POOL_MAX ? Number(env.DB_POOL_MAX) : undefined,
    statementTimeoutMs: envMs(env.DB_STATEMENT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS),
    lockTimeoutMs: envMs(env.DB_LOCK_TIMEOUT_MS, DEFAULT_LOCK_TIMEOUT_MS),
    acquireTimeoutMs: envMs(env.DB_ACQUIRE_TIMEOUT_MS, DEFAULT_ACQUIRE_TIMEOUT_MS),
    retryMs: envMs(env.DB_RETRY_MS, DEFAULT_RETRY_MS),
  };
}

/** A figure statement may run this long (FIGURES_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_FIGURES_STATEMENT_TIMEOUT_MS = 120_000;
/**
 * And wait this long for one of the figures' connections (FIGURES_ACQUIRE_TIMEOUT_MS): the proxy
 * read timeout OPERATIONS.md asks for. After a write at province scale the dashboards' figures are
 * recomputed in the background (lib/figures/cache.ts) and queue behind each other for minutes; a
 * computation that gave up after 2 minutes in the queue left its figure to be computed again.
 */
export const DEFAULT_FIGURES_ACQUIRE_TIMEOUT_MS = 300_000;
/** Connections of the figures' pool (DB_FIGURES_POOL_MAX): at most this many figure statements at once per instance. */
export const DEFAULT_FIGURES_POOL_MAX = 3;

/** The figures' settings from the environment: the app's, with the figures' pool size and time limits. */
export function figuresConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const base = configFromEnv(env);
  const timeout = env.FIGURES_STATEMENT_TIMEOUT_MS ? Number(env.FIGURES_STATEMENT_TIMEOUT_MS) : DEFAULT_FIGURES_STATEMENT_TIMEOUT_MS;
  return {
    ...base,
    poolMax: env.DB_FIGURES_POOL_MAX ? Number(env.DB_FIGURES_POOL_MAX) : DEFAULT_FIGURES_POOL_MAX,
    statementTimeoutMs: timeout,
    // Queued behind other figure computations: minutes, not the requests' 10 s.
    acquireTimeoutMs: envMs(env.FIGURES_ACQUIRE_TIMEOUT_MS, DEFAULT_FIGURES_ACQUIRE_TIMEOUT_MS),
  };
}

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config);
  return openPglite(config.pgliteDir ?? path.join(process.cwd(), '.data', 'pglite'), config.pgliteImage);
}

async function openPostgres(url: string, config: DbConfig): Promise<DbHandle> {
  const max = config.poolMax ?? 10;
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A server that does not answer within this many seconds fails the request instead of hanging it.
    connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT_S ?? 5),
    connection: {
      application_name: config.applicationName ?? 'kerongtong',
      statement_timeout: config.statementTimeoutMs ?? 0,
      lock_timeout: config.lockTimeoutMs ?? 0,
      // A transaction left open by a crashed request must not hold its row locks for long.
      idle_in_transaction_session_timeout: 60_000,
      // JIT compiles each heavy query anew (0.2–0.3 s for a figure at tier M) and wins nothing on
      // queries that take a second or less; room for the figures' sorts and hashes in memory.
      jit: 'off',
      work_mem: process.env.DB_WORK_MEM ?? '16MB',
    },
    // Behind PgBouncer in transaction mode prepared statements must be off (DB_PREPARE=false).
    prepare: process.env.DB_PREPARE !== 'false',
  });
  const db = drizzle(resilient(client, { max, acquireTimeoutMs: config.acquireTimeoutMs ?? 0, retryMs: config.retryMs ?? 0 }), { schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: (migrationsFolder) => migrate(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
    url,
  };
}

async function openPglite(dir: string, image?: Blob): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dir.startsWith('memory://');
  let lock: FolderLock | undefined;
  if (!inMemory) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // Two processes on one PGlite folder silently lose writes: refuse the second one.
    lock = acquireFolderLock(dir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    if (image && !inMemory) throw new Error('a PGlite image starts only an in-memory database');
    client = inMemory ? new PGlite(image ? { loadDataDir: image } : undefined) : new PGlite(dir);
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: (migrationsFolder) => migrate(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      lock?.release();
    },
    dumpImage: () => client.dumpDataDir('none'),
  };
}

type Sql = import('postgres').Sql;

/** Thrown when no pooled connection frees up within the acquire timeout. */
export class PoolTimeoutError extends Error {
  readonly code = 'DB_POOL_TIMEOUT';
  constructor(ms: number) {
    super(`no database connection free within ${ms} ms`);
    this.name = 'PoolTimeoutError';
  }
}

/**
 * At most `max` statements or transactions at once, the others waiting in line for at most
 * `timeoutMs` (postgres.js queues without a limit, so a slow database would pile requests up).
 */
export class Gate {
  private busy = 0;
  private readonly waiting: { grant: () => void; timer?: NodeJS.Timeout }[] = [];
  constructor(
    private readonly max: number,
    private readonly timeoutMs: number,
  ) {}
  acquire(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant();
      } else this.busy--;
    };
    if (this.busy < this.max) {
      this.busy++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const w: { grant: () => void; timer?: NodeJS.Timeout } = { grant: () => resolve(release) };
      if (this.timeoutMs > 0) {
        w.timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          reject(new PoolTimeoutError(this.timeoutMs));
        }, this.timeoutMs);
      }
      this.waiting.push(w);
    });
  }
  get inUse(): number {
    return this.busy;
  }
  get queued(): number {
    return this.waiting.length;
  }
}

const hasCode = (e: unknown, set: Set<string>) => errorCodes(e).some((c) => set.has(c));
/** A statement that only reads (sent again after a lost connection: it changed nothing). */
const readsOnly = (query: string) => /^\s*(select|with)\b/i.test(query) && !/\b(insert|update|delete|nextval|setval|pg_advisory)/i.test(query);

/**
 * The postgres.js client drizzle sees, with the pool's guards: the acquire timeout (Gate), and a
 * PostgreSQL restart ridden out instead of failing the request — a statement or transaction that
 * could not reach the server is sent again, with backoff, for up to `retryMs`; so is a read, or a
 * transaction whose body had not finished, whose connection was lost (the server rolled it back).
 * A COMMIT whose answer was lost is never sent again: it may have committed.
 */
export function resilient(client: Sql, o: { max: number; acquireTimeoutMs: number; retryMs: number }): Sql {
  const gate = new Gate(o.max, o.acquireTimeoutMs);
  async function guarded<T>(run: () => Promise<T>, mayRetry: (e: unknown) => boolean): Promise<T> {
    const until = Date.now() + o.retryMs;
    for (let attempt = 0; ; attempt++) {
      const wait = Math.min(50 * 2 ** attempt, 1_000);
      const release = await gate.acquire();
      try {
        return await run();
      } catch (e) {
        if (!mayRetry(e) || Date.now() + wait > until) throw e;
      } finally {
        release();
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  const unsafe = (query: string, params?: unknown[], opts?: unknown) => {
    let values = false;
    let running: Promise<unknown> | undefined;
    const start = () =>
      (running ??= guarded(
        () => {
          const q = (client.unsafe as (q: string, p?: unknown[], o?: unknown) => { values(): Promise<unknown> } & Promise<unknown>)(query, params, opts);
          return values ? q.values() : q;
        },
        (e) => hasCode(e, NOT_CONNECTED) || (hasCode(e, CONNECTION_LOST) && readsOnly(query)),
      ));
    const pending = {
      values() {
        values = true;
        return pending;
      },
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => start().then(ok, fail),
      catch: (fail: (e: unknown) => unknown) => start().catch(fail),
      finally: (f: () => void) => start().finally(f),
    };
    return pending;
  };
  const begin = (...args: unknown[]) => {
    const body = args.pop() as (tx: unknown) => Promise<unknown>;
    let bodyDone = false;
    const wrapped = async (tx: unknown) => {
      bodyDone = false;
      const r = await body(tx);
      bodyDone = true;
      return r;
    };
    return guarded(
      () => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args, wrapped),
      (e) => hasCode(e, NOT_CONNECTED) || (hasCode(e, CONNECTION_LOST) && !bodyDone),
    );
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      if (prop === 'gate') return gate;
      return Reflect.get(target, prop, receiver);
    },
  });
}
