// The PostgreSQL client rides out a restart and does not pile requests up (db/client.ts): a
// statement that could not reach the server is sent again once it is back; a transaction whose
// connection was cut before its COMMIT is run again (the server rolled it back) and lands once;
// a query that finds every pooled connection busy for longer than the acquire timeout fails with
// a clear error instead of waiting without end. A TCP relay between the client and the server
// plays the outage. PGlite has no connections: the PGlite run tests the same client against a
// throwaway PostgreSQL server of its own.
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gate, openDb, type DbHandle } from './client';
import { dbFailureOf } from './failures';
import { rowsOf } from './rows';
import { startPgServer, type PgServer } from '../scripts/pg-server';
import { openTestDb, testDbKind } from './testing';

/** A relay to the server that can refuse new connections and cut the open ones. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((c) => {
        const up = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(c).add(up);
        c.pipe(up).pipe(c);
        const end = () => (c.destroy(), up.destroy());
        c.on('error', end).on('close', end);
        up.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => {
      const u = new URL(target.toString());
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    /** Closes the listener (new connections are refused) and cuts every open connection. */
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        server!.close(() => resolve());
      }),
    up: listen,
    close: () => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve())),
  };
}

describe('the pool gate', () => {
  it('lets `max` through, queues the rest in order, and fails a wait longer than the timeout', async () => {
    const g = new Gate(1, 100);
    const first = await g.acquire();
    const second = g.acquire();
    const started = Date.now();
    await expect(second).rejects.toMatchObject({ code: 'DB_POOL_TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(dbFailureOf(await second.catch((e: unknown) => e))).toBe('busy');
    const third = g.acquire();
    first();
    const release = await third;
    expect(g.inUse).toBe(1);
    release();
    release(); // a second release changes nothing
    expect(g.inUse).toBe(0);
  });
});

describe('PostgreSQL client through an outage', () => {
  let server: PgServer | undefined;
  let h: DbHandle;
  let r: Awaited<ReturnType<typeof relay>>;
  let app: DbHandle;
  beforeAll(async () => {
    if (testDbKind() === 'postgres') h = await openTestDb({ poolMax: 2 });
    else {
      server = await startPgServer({ prefix: 'krt-resilience-' });
      h = await openDb({ databaseUrl: server.url, poolMax: 2 });
    }
    await h.db.execute(sql`create table drill_rows (id serial primary key, tag text not null)`);
    r = await relay(new URL(h.url!));
    app = await openDb({ databaseUrl: r.url(), poolMax: 2, retryMs: 5_000, acquireTimeoutMs: 300, statementTimeoutMs: 5_000 });
  });
  afterAll(async () => {
    await app?.close().catch(() => {});
    await r?.close();
    await h?.close();
    server?.stop();
  });

  it('answers a read and a write sent while the server is unreachable once it is back, each write once', async () => {
    await app.db.execute(sql`select 1`); // a pooled connection that the outage will cut
    await r.down();
    const read = app.db.execute(sql`select count(*)::int as n from drill_rows`);
    const write = app.db.transaction(async (tx) => {
      await tx.execute(sql`insert into drill_rows (tag) values ('during-outage')`);
    });
    await new Promise((res) => setTimeout(res, 600));
    await r.up();
    await expect(read).resolves.toBeDefined();
    await write;
    const rows = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from drill_rows where tag = 'during-outage'`));
    expect(rows[0].n).toBe(1);
  });

  it('runs a transaction again when the server ends its session before COMMIT, and it lands once', async () => {
    let attempts = 0;
    await app.db.transaction(async (tx) => {
      attempts++;
      await tx.execute(sql`insert into drill_rows (tag) values ('ended-mid-transaction')`);
      if (attempts === 1) {
        const [{ pid }] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        // What pg_ctl restart -m fast does to every session: the server ends it (57P01) mid-statement.
        setTimeout(
          () =>
            h.db.execute(sql`select pg_terminate_backend(${pid})`).then(
              () => {},
              () => {},
            ),
          200,
        );
        await tx.execute(sql`select pg_sleep(5)`);
      }
    });
    expect(attempts).toBe(2);
    const rows = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from drill_rows where tag = 'ended-mid-transaction'`));
    expect(rows[0].n).toBe(1);
  });

  it('fails a request that waits longer than the acquire timeout for a connection, as busy', async () => {
    const slow = Promise.all([app.db.execute(sql`select pg_sleep(1)`), app.db.execute(sql`select pg_sleep(1)`)]);
    await new Promise((res) => setTimeout(res, 100));
    const started = Date.now();
    const waited = await app.db.execute(sql`select 1`).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(900);
    expect(dbFailureOf(waited)).toBe('busy');
    await slow;
  });

  it('answers the next statement on a connection exactly after one that failed midway through its rows', async () => {
    // One connection: whatever runs next runs where the failed statement ran. The first statement
    // sends three rows, then fails on the fourth (what a statement timeout does to a long aggregate).
    const one = await openDb({ databaseUrl: h.url!, poolMax: 1 });
    try {
      const failed = one.db.execute(sql`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`).catch((e: unknown) => e);
      const next = one.db.execute(sql`select x from generate_series(1, 2) x`);
      expect(String(((await failed) as Error).cause)).toMatch(/division by zero/);
      expect(rowsOf<{ x: number }>(await next)).toEqual([{ x: 1 }, { x: 2 }]);
      expect(rowsOf<{ n: number }>(await one.db.execute(sql`select 7 as n`))).toEqual([{ n: 7 }]);
    } finally {
      await one.close();
    }
  });

  it('gives up after the retry window, with an error that says the database is unavailable', async () => {
    const quick = await openDb({ databaseUrl: r.url(), poolMax: 1, retryMs: 300 });
    await r.down();
    try {
      const started = Date.now();
      const e = await quick.db.execute(sql`select 1`).catch((x: unknown) => x);
      expect(dbFailureOf(e)).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await r.up();
      await quick.close();
    }
  });
});
