// Test databases. The same integration suite runs on both kinds:
//  - TEST_DB=pglite (default): a fresh in-memory PGlite per call, migrated. Starting PGlite from
//    nothing runs initdb in WASM (~2.2 s a database, 2 cores); so the first call on a machine
//    migrates one from nothing and saves its data directory (pgliteTemplate below), and every
//    call starts from that image (~0.5 s) and runs the migrator on it (a no-op that proves the
//    history matches).
//  - TEST_DB=postgres: a fresh database on the server at TEST_PG_URL, cloned from the migrated
//    template database that scripts/test.ts prepared (CREATE DATABASE … TEMPLATE takes ~40 ms).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, type DbHandle } from './client';
import { MIGRATIONS_FOLDER, migrateDb } from './migrate';

export const TEMPLATE_DB = 'krt_template';

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openTestDb(opts: { poolMax?: number } = {}): Promise<DbHandle> {
  if (testDbKind() === 'pglite') {
    const handle = await openDb({ pgliteDir: 'memory://', pgliteImage: await pgliteTemplate() });
    await migrateDb(handle);
    return handle;
  }
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_PG_URL (scripts/test.ts sets it)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: withDatabase(base, 'postgres'), poolMax: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name} template ${TEMPLATE_DB}`));
  } finally {
    await admin.close();
  }
  const handle = await openDb({ databaseUrl: withDatabase(base, name), poolMax: opts.poolMax ?? 10 });
  await migrateDb(handle); // a no-op on the migrated template; proves the history matches
  return handle;
}

let template: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite data directory as a tarball, made once per machine and migration
 * history: its file name carries a hash of every migration file and of PGlite's version, so a new
 * or changed migration, or another PGlite, makes a new one. Test files run in processes of their
 * own, so it lives in the temp folder; two processes making it at once each write a file of their
 * own and rename it into place (the same bytes, whichever lands last).
 */
function pgliteTemplate(): Promise<Blob> {
  // Read once per process (a test file may open several databases); tried again after a failure.
  if (!template) {
    template = loadOrMakeTemplate();
    template.catch(() => {
      template = undefined;
    });
  }
  return template;
}

async function loadOrMakeTemplate(): Promise<Blob> {
  const key = createHash('sha256');
  const pgliteVersion = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'))
    .version as string;
  key.update(pgliteVersion);
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else key.update(`${path.relative(MIGRATIONS_FOLDER, file)}\0`).update(fs.readFileSync(file));
    }
  };
  walk(MIGRATIONS_FOLDER);
  const file = path.join(os.tmpdir(), `krt-pglite-template-${key.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const fresh = await openDb({ pgliteDir: 'memory://' });
  try {
    await migrateDb(fresh);
    const image = await fresh.dumpImage!();
    const part = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(part, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(part, file);
    return image;
  } finally {
    await fresh.close();
  }
}
