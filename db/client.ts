// The one place that knows which database we talk to: PGlite (embedded, default) when DATABASE_URL
// is unset, PostgreSQL through postgres.js when it is set. Everything else sees one `Db` type.
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireFolderLock, type FolderLock } from './folder-lock';

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
}

export interface DbConfig {
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' for an in-memory database (tests). */
  pgliteDir?: string;
  poolMax?: number;
  /** PostgreSQL: a statement running longer is cancelled (ms; 0 = no limit). */
  statementTimeoutMs?: number;
}

/** The app's default statement timeout: a request waits at most this long on one statement. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || path.join(process.cwd(), '.data', 'pglite'),
    poolMax: env.DB_POOL_MAX ? Number(env.DB_POOL_MAX) : undefined,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS ? Number(env.DB_STATEMENT_TIMEOUT_MS) : DEFAULT_STATEMENT_TIMEOUT_MS,
  };
}

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolMax ?? 10, config.statementTimeoutMs ?? 0);
  return openPglite(config.pgliteDir ?? path.join(process.cwd(), '.data', 'pglite'));
}

async function openPostgres(url: string, max: number, statementTimeoutMs: number): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A server that does not answer within this many seconds fails the request instead of hanging it.
    connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT_S ?? 5),
    connection: {
      application_name: 'kerongtong',
      statement_timeout: statementTimeoutMs,
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
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: (migrationsFolder) => migrate(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
    url,
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
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
    client = new PGlite(inMemory ? undefined : dir);
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
  };
}
