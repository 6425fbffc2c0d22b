// Backup and restore of the whole database, audit trail and migration history included.
//  - PostgreSQL: pg_dump in its custom format, pg_restore into an empty database. Triggers are
//    created after the data is loaded (pg_dump's post-data section), so the append-only audit table
//    and the organisation registry restore as they were.
//  - PGlite: the data folder as a gzipped tarball (PGlite's dumpDataDir), loaded into a new folder.
//    The folder lock makes both refuse to run while the app server holds the folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { acquireFolderLock } from './folder-lock';
import { rowsOf } from './rows';

function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'].filter((d): d is string => !!d);
  for (const d of dirs) if (fs.existsSync(path.join(d, name))) return path.join(d, name);
  return name; // from PATH
}

function runTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${path.basename(cmd)} could not start: ${r.error.message} (install postgresql-client-15 or set PG_BIN)`);
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (exit ${r.status}): ${r.stderr.trim()}`);
}

export function backupPostgres(url: string, file: string): void {
  runTool(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
}

/** Restores into `url`, which must be an empty database (no tables in public). */
export async function restorePostgres(db: Db, url: string, file: string): Promise<void> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public'`));
  if (n > 0) throw new Error('The target database is not empty: restore into a new, empty database (createdb), then point DATABASE_URL at it.');
  runTool(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
}

export async function backupPglite(dir: string, file: string): Promise<void> {
  if (!fs.existsSync(dir)) throw new Error(`No embedded database at ${dir}.`);
  const lock = acquireFolderLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(dir);
    await client.waitReady;
    try {
      const blob = await client.dumpDataDir('gzip');
      // The tarball is the folder's size compressed; PGlite hands it over as one Blob.
      fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/** Restores into `dir`, which must not exist yet (or be empty). */
export async function restorePglite(file: string, dir: string): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} already holds a database: move it aside (or set PGLITE_DIR to a new folder) before restoring.`);
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lock = acquireFolderLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.waitReady;
    await client.close();
  } finally {
    lock.release();
  }
}

export interface TableFingerprint {
  table: string;
  rows: number;
  /** Sum of each money column (fen), as decimal text. */
  money: Record<string, string>;
}

/** Row counts of every table and the sum of every money column: equal before a backup and after its restore. */
export async function databaseFingerprint(db: Db): Promise<TableFingerprint[]> {
  const cols = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_fen' and data_type in ('bigint', 'numeric', 'integer')
      order by table_name, column_name`),
  );
  const tables = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`));
  const out: TableFingerprint[] = [];
  for (const { tablename } of tables) {
    const money = cols.filter((c) => c.table_name === tablename).map((c) => c.column_name);
    const sums = money.map((c) => sql`coalesce(sum(${sql.identifier(c)}), 0)::text as ${sql.identifier(c)}`);
    const [r] = rowsOf<Record<string, string | number>>(
      await db.execute(sql`select count(*)::int as "__rows"${sums.length ? sql`, ${sql.join(sums, sql`, `)}` : sql``} from ${sql.identifier(tablename)}`),
    );
    out.push({ table: tablename, rows: Number(r.__rows), money: Object.fromEntries(money.map((c) => [c, String(r[c])])) });
  }
  return out;
}
