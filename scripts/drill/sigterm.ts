// Drill 4: one of two instances behind nginx gets SIGTERM under load. It must stop taking new
// connections, finish the requests in flight within its grace period, close its pool and exit 0;
// nginx sends the rest to the other instance; no request fails and every acknowledged write is in
// the database.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { sleep, type Drill } from './harness';
import { startDrillPg, twoInstancesBehindNginx } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

const refuses = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });

export const sigterm: Drill = {
  name: 'sigterm',
  title: 'an app instance is stopped (SIGTERM) under load',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const { a, lb } = await twoInstancesBehindNginx(ctx, pg.url);
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const load = new Workload({ bases: [lb.base], distDir: ctx.distDir, actors: await signInBoth(lb.base), fixture: f, sql: pg.sql, tag: 'sigterm' });
    await load.run({ writers: 1, readers: 1, maxMs: 60_000, maxJourneys: 2 }); // warm both instances
    load.outcomes.length = 0;

    const running = load.run({ writers: 3, readers: 2, maxMs: 20_000 });
    await sleep(5_000);
    const t0 = Date.now();
    const exited = a.terminate();
    await sleep(300);
    const refusedWhileStopping = await refuses(a.port);
    const code = await Promise.race([exited, sleep(15_000).then(() => 'still running' as const)]);
    const tookMs = Date.now() - t0;
    await running;

    const log = fs.readFileSync(path.join(ctx.workDir, 'app-a.log'), 'utf8');
    ctx.check('the stopped instance refused new connections at once', refusedWhileStopping);
    ctx.check(
      `the stopped instance finished its requests, closed its pool and exited 0 within the grace period (${tookMs} ms)`,
      code === 0 && tookMs < 11_000 && /server stopped/.test(log) && !/closing the database failed|shutdown failed/.test(log),
      `exit ${code}; ${log
        .split('\n')
        .filter((l) => /shutdown|stopped/.test(l))
        .slice(-3)
        .join(' | ')
        .slice(0, 400)}`,
    );
    const s = load.summary();
    const after = load.outcomes.filter((o) => o.at > t0).length;
    ctx.check(
      `no request failed: nginx sent the rest to the other instance (${s.total} requests, ${after} after the SIGTERM)`,
      s.failed === 0 && after > 20,
      errorDigest(s.failures),
    );
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
