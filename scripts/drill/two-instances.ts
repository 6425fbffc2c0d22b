// Drill 3: two app instances behind nginx on one PostgreSQL, TRUST_PROXY_HOPS=1. A session made on
// one instance works on the other; the sign-in failure limit counts across both; twenty officers
// approving one application at once, through both instances, make exactly one approval; after a
// product is suspended, the catalogue, its API and the landing page's figure agree on both
// instances within a second; journeys through nginx keep every acknowledged write.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { signIn } from '../../bench/lib/http';
import { percentile, sleep, type Drill } from './harness';
import { PASSWORD, startDrillPg, twoInstancesBehindNginx } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

/** One credentials sign-in; true when it made a session. */
async function trySignIn(base: string, email: string, password: string): Promise<boolean> {
  try {
    await signIn(base, email, password);
    return true;
  } catch {
    return false;
  }
}

export const twoInstances: Drill = {
  name: 'two-instances',
  title: 'two app instances behind nginx on one PostgreSQL',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    // Twenty more officers of the demo bank, copies of bank@ (same password); the last one is locked out below.
    const cols = (
      await pg.sql<
        { c: string }[]
      >`select column_name c from information_schema.columns where table_name = 'users' and column_name not in ('id', 'email', 'created_at', 'updated_at', 'last_login_at')`
    ).map((r) => r.c);
    const list = cols.map((c) => `"${c}"`).join(', ');
    await pg.sql.unsafe(
      `insert into users (email, ${list}) select 'officer' || g || '@drill.demo', ${list} from users, generate_series(1, 20) g where email = 'bank@kerongtong.demo'`,
    );
    const officers = ['bank@kerongtong.demo', ...Array.from({ length: 19 }, (_, i) => `officer${i + 1}@drill.demo`)];

    const { a, b, lb } = await twoInstancesBehindNginx(ctx, pg.url);
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;

    // A session from one instance works on the other.
    const cookie = await signIn(a.base, 'sme@kerongtong.demo', PASSWORD);
    const onB = (await (await fetch(`${b.base}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
    const page = await fetch(`${b.base}/enterprise/needs`, { headers: { cookie }, redirect: 'manual' });
    ctx.check(
      'a session signed in on instance A works on instance B',
      onB.user?.email === 'sme@kerongtong.demo' && page.status === 200,
      `session ${JSON.stringify(onB).slice(0, 80)}, page ${page.status}`,
    );

    // The sign-in limit is shared: 10 failures alternating between A and B, then the right password is refused on both.
    const victim = 'officer20@drill.demo';
    for (let i = 0; i < 10; i++) await trySignIn(i % 2 ? b.base : a.base, victim, 'wrong-password');
    const [viaA, viaB] = [await trySignIn(a.base, victim, PASSWORD), await trySignIn(b.base, victim, PASSWORD)];
    const [{ n: failures }] = await pg.sql<{ n: number }[]>`select count(*)::int n from login_attempts where email = ${victim} and not succeeded`;
    ctx.check(
      'the sign-in limit is shared: after 10 failures spread over A and B, the 11th attempt is refused on both',
      !viaA && !viaB && failures >= 10,
      `A ${viaA ? 'let in' : 'refused'}, B ${viaB ? 'let in' : 'refused'}, ${failures} failures recorded`,
    );

    // Twenty officers approve one accepted application at once, half through each instance.
    const actors = await signInBoth(lb.base);
    const load = new Workload({ bases: [lb.base], distDir: ctx.distDir, actors, fixture: f, sql: pg.sql, tag: 'two' });
    const key = `drill-${randomUUID()}`;
    const sub = await load.action('submit', `/products/${f.product.id}/apply`, load.ids.submit, actors.sme, {
      productId: f.product.id,
      needId: '',
      amountWan: f.product.amountWan,
      termMonths: String(f.product.term),
      ipAssetIds: [],
      idempotencyKey: key,
    });
    const appId = String(sub.result?.data?.id);
    await load.action('accept', `/institution/applications/${appId}`, load.ids.decide, actors.bank, { applicationId: appId, action: 'accept' });
    const cookies = await Promise.all(officers.map((email, i) => signIn(i % 2 ? b.base : a.base, email, PASSWORD)));
    const racers = cookies.map(
      (c, i) =>
        new Workload({ bases: [i % 2 ? b.base : a.base], distDir: ctx.distDir, actors: { sme: actors.sme, bank: c }, fixture: f, sql: pg.sql, tag: 'race' }),
    );
    const results = await Promise.all(
      racers.map((w, i) =>
        w.action('approve', `/institution/applications/${appId}`, w.ids.decide, cookies[i], {
          applicationId: appId,
          action: 'approve',
          approvedAmountWan: f.product.amountWan,
          approvedRate: f.product.rate,
          approvedTermMonths: String(f.product.term),
        }),
      ),
    );
    const wins = results.filter((r) => r.ok).length;
    const losers = results.filter((r) => !r.ok).map((r) => r.error ?? '');
    const [{ audits, events, status }] = await pg.sql<{ audits: number; events: number; status: string }[]>`
      select (select count(*)::int from audit_events where entity = 'application' and entity_id = ${appId} and after->>'status' = 'approved') audits,
             (select count(*)::int from application_events where application_id = ${appId} and to_status = 'approved') events,
             (select status::text from applications where id = ${appId}) status`;
    ctx.check(
      'twenty officers approving one application across both instances: exactly one wins, the others are told it changed',
      sub.ok && wins === 1 && audits === 1 && events === 1 && status === 'approved' && losers.every((e) => !/^(generic|db_)/.test(e)),
      `${wins} won, audit rows ${audits}, events ${events}, status ${status}; losers: ${[...new Set(losers)].join(', ')}`,
    );

    // Suspending a product: the catalogue page, its API and the landing page's product count agree on both instances within a second.
    const [p] = await pg.sql<
      { id: string; name: string }[]
    >`select id, name from products where institution_id = ${f.institutionId} and status = 'published' and id <> ${f.product.id} order by id limit 1`;
    const views = async () => {
      const rows = await Promise.all(
        [a.base, b.base].map(async (base) => {
          const [cat, api, home] = await Promise.all(
            [`/products?q=${encodeURIComponent(p.name)}`, `/api/v1/products/${p.id}`, '/'].map((path) => fetch(base + path)),
          );
          const html = await home.text();
          const count = /data-testid="figure-products"[^>]*>(?:<[^>]+>)*\s*([\d,]+)/.exec(html)?.[1] ?? '?';
          return { cat: (await cat.text()).includes(p.id), api: api.status === 200, count };
        }),
      );
      return rows;
    };
    const before = await views();
    const t0 = Date.now();
    const sus = await load.action('suspend', `/institution/products/${p.id}`, load.ids.productTransition, actors.bank, { productId: p.id, action: 'suspend' });
    const ackAt = Date.now();
    let agreedMs = -1;
    let last = before;
    const lags: number[] = [];
    for (let i = 0; i < 40 && Date.now() - ackAt < 5_000; i++) {
      const round = Date.now() - ackAt;
      last = await views();
      lags.push(Date.now() - ackAt - round);
      const gone = last.every((v) => !v.cat && !v.api);
      const counts = new Set(last.map((v) => v.count));
      if (gone && counts.size === 1 && !counts.has(before[0].count)) {
        agreedMs = round;
        break;
      }
      await sleep(100);
    }
    ctx.check(
      'after a product is suspended, catalogue, API and landing page agree on both instances within a second',
      sus.ok && before.every((v) => v.cat && v.api) && agreedMs >= 0 && agreedMs <= 1_000,
      `suspend answered in ${ackAt - t0} ms; all views agreed ${agreedMs < 0 ? 'not within 5 s' : `${agreedMs} ms after the answer`} (one round of 6 requests takes ~${percentile(lags, 50)} ms); before ${JSON.stringify(before)}, last ${JSON.stringify(last)}`,
    );

    // Journeys and reads through nginx, then every acknowledged write in the database.
    await load.run({ writers: 2, readers: 2, maxMs: 10_000 });
    const s = load.summary();
    ctx.check(`requests through nginx answered (${s.total - s.failed} of ${s.total})`, s.total > 20 && s.failed === 0, errorDigest(s.failures));
    const served = new Map<string, number>();
    for (const line of fs.readFileSync(lb.accessLog, 'utf8').split('\n')) {
      const up = / (\d+\.\d+\.\d+\.\d+:\d+) [\d.]+$/.exec(line)?.[1];
      if (up) served.set(up, (served.get(up) ?? 0) + 1);
    }
    ctx.check('nginx spread the requests over both instances', served.size === 2, JSON.stringify(Object.fromEntries(served)));
    load.acked.applications.push({ id: appId, key });
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
