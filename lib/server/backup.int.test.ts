// A backup restores to the same database: every table's row count and the sum of every money
// column, the audit trail and the migration history included; and the restored database still
// refuses changes to the audit trail. On PGlite (a data folder) and on PostgreSQL (pg_dump).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupPglite, backupPostgres, databaseFingerprint, restorePglite, restorePostgres, type TableFingerprint } from '../../db/backup';
import { openDb, type DbConfig, type DbHandle } from '../../db/client';
import { migrateDb, migrationState } from '../../db/migrate';
import { seedDemoData } from '../seed/index';
import { testDbKind } from '../../db/testing';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'krt-backup-'));
const file = path.join(tmp, 'backup.dump');
let source: DbConfig;
let target: DbConfig;
let before: TableFingerprint[];
const created: string[] = [];

function dbUrl(name: string): string {
  const u = new URL(process.env.TEST_PG_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabase(): Promise<string> {
  const name = `b_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: dbUrl('postgres'), poolMax: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } finally {
    await admin.close();
  }
  created.push(name);
  return dbUrl(name);
}

async function withDb<T>(config: DbConfig, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = await openDb({ ...config, poolMax: 1 });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    source = { databaseUrl: await createDatabase() };
    target = { databaseUrl: await createDatabase() };
  } else {
    source = { pgliteDir: path.join(tmp, 'source') };
    target = { pgliteDir: path.join(tmp, 'target') };
  }
  before = await withDb(source, async (h) => {
    await migrateDb(h);
    await seedDemoData(h.db);
    return databaseFingerprint(h.db);
  });
  if (source.databaseUrl) backupPostgres(source.databaseUrl, file);
  else await backupPglite(source.pgliteDir!, file);
}, 180_000);

afterAll(async () => {
  if (created.length) {
    const admin = await openDb({ databaseUrl: dbUrl('postgres'), poolMax: 1 });
    for (const name of created) await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`)).catch(() => {});
    await admin.close();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`backup and restore (${testDbKind()})`, () => {
  it('restores every row and every money total, the audit trail and the migration history included', async () => {
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    if (target.databaseUrl) await withDb(target, (h) => restorePostgres(h.db, target.databaseUrl!, file));
    else await restorePglite(file, target.pgliteDir!);
    await withDb(target, async (h) => {
      const after = await databaseFingerprint(h.db);
      expect(after).toEqual(before);
      const audit = after.find((t) => t.table === 'audit_events')!;
      expect(audit.rows).toBeGreaterThan(50);
      const loans = after.find((t) => t.table === 'loans')!;
      expect(BigInt(loans.money.principal_fen)).toBeGreaterThan(0n);
      expect((await migrationState(h.db)).upToDate).toBe(true);
      await expect(h.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    });
  });

  it('refuses to restore over a database that holds data', async () => {
    if (source.databaseUrl) await withDb(source, (h) => expect(restorePostgres(h.db, source.databaseUrl!, file)).rejects.toThrow(/not empty/));
    else await expect(restorePglite(file, source.pgliteDir!)).rejects.toThrow(/already holds a database/);
    await withDb(source, async (h) => expect(await databaseFingerprint(h.db)).toEqual(before));
  });
});
