// The scale generator (lib/seed/scale) at tier XS on top of the demo data, on the test database of
// either kind (PGlite by default, PostgreSQL under TEST_DB=postgres): the tier's counts, valid and
// unique codes, timelines that follow the state machines, audit trails that end in the current
// status, the zone's figures over the result, and the same rows on a second database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client';
import { openTestDb } from '../../db/testing';
import { rowsOf } from '../../db/rows';
import { checkUscc } from '../enterprises/uscc';
import { checkPatentNumber } from '../ip/patent-number';
import { zoneFigures } from '../figures/service';
import { seedDemoData } from './index';
import { SCALE_USCC_PATTERN, seedScale, TIERS, type ScaleResult } from './scale';

const TIER = TIERS.XS;
const RID = `scale-${TIER.name}`;
const DEMO_NOW = '2026-11-20T02:00:00Z';

async function q<T>(db: Db, text: string): Promise<T[]> {
  return rowsOf<T>(await db.execute(sql.raw(text)));
}
async function one<T>(db: Db, text: string): Promise<T> {
  return (await q<T>(db, text))[0];
}
const n = async (db: Db, text: string) => (await one<{ n: number }>(db, text)).n;

/** Scale rows: applications by their idempotency key, organisations by their USCC range. */
const SCALE_APPS = `(select * from applications where idempotency_key like 'scale-%') a`;
const SCALE_ENTS = `(select * from enterprises where uscc ~ '${SCALE_USCC_PATTERN}') e`;
const SCALE_INSTS = `(select * from institutions where uscc ~ '${SCALE_USCC_PATTERN}') i`;

/** A digest of the generated rows (everything but serial ids), to compare two loads. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const digest = async (text: string) =>
    (await one<{ d: string }>(db, `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from (${text}) x`)).d;
  return {
    institutions: await digest(`select id, name, uscc, status, created_at, updated_at from ${SCALE_INSTS}`),
    enterprises: await digest(
      `select id, uscc, name, park_id, industry, founded_on, revenue_fen, verification_status, created_at, verified_at from ${SCALE_ENTS}`,
    ),
    users: await digest(`select u.id, u.email, u.name, u.status, u.password_hash, u.created_at from users u where u.email like '%@scale.kerongtong.example'`),
    products: await digest(
      `select p.id, p.name, p.status, p.amount_min_fen, p.amount_max_fen, p.rate_min_bp, p.published_at from products p join ${SCALE_INSTS} on i.id = p.institution_id`,
    ),
    applications: await digest(
      `select a.id, a.enterprise_id, a.product_id, a.need_id, a.status, a.amount_fen, a.approved_amount_fen, a.approved_rate_bp, a.submitted_at, a.first_action_at, a.decided_at, a.disbursed_at, a.last_event_at from ${SCALE_APPS}`,
    ),
    events: await digest(
      `select ev.application_id, ev.from_status, ev.to_status, ev.at from application_events ev join ${SCALE_APPS} on a.id = ev.application_id`,
    ),
    loans: await digest(
      `select l.id, l.status, l.principal_fen, l.outstanding_fen, l.disbursed_on, l.matures_on from loans l join ${SCALE_APPS} on a.id = l.application_id`,
    ),
    needs: await digest(`select f.id, f.status, f.amount_fen, f.created_at, f.updated_at from financing_needs f join ${SCALE_ENTS} on e.id = f.enterprise_id`),
    matches: await digest(
      `select m.id, m.need_id, m.product_id, m.status, m.score from matches m join financing_needs f on f.id = m.need_id join ${SCALE_ENTS} on e.id = f.enterprise_id`,
    ),
    ip: await digest(`select ip.id, ip.number, ip.status, ip.valuation_fen from ip_assets ip join ${SCALE_ENTS} on e.id = ip.enterprise_id`),
    audit: await digest(`select actor_user_id, action, entity, entity_id, before, after, at from audit_events where request_id = '${RID}'`),
    schemes: await digest(`select code, balance_fen from risk_schemes`),
  };
}

/** Every index of the public schema, by its definition. */
async function indexDefinitions(db: Db): Promise<string[]> {
  return (await q<{ d: string }>(db, `select indexdef as d from pg_indexes where schemaname = current_schema() order by indexname`)).map((r) => r.d);
}

describe(`seedScale tier ${TIER.name} on top of the demo data`, () => {
  let handle: DbHandle;
  let db: Db;
  let result: ScaleResult;
  let before: Record<string, number>;
  let indexesBefore: string[];

  const TABLES = [
    'institutions',
    'products',
    'enterprises',
    'users',
    'financing_needs',
    'matches',
    'applications',
    'application_events',
    'loans',
    'pledges',
    'ip_assets',
    'audit_events',
  ];
  const counts = async () => one<Record<string, number>>(db, `select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`);

  beforeAll(async () => {
    handle = await openTestDb();
    db = handle.db;
    await seedDemoData(db);
    before = await counts();
    indexesBefore = await indexDefinitions(db);
    result = await seedScale(db, TIER.name, { out: null });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('adds the tier: its counts, and what it reports is what the tables gained', async () => {
    expect(await n(db, `select count(*)::int as n from ${SCALE_INSTS}`)).toBe(TIER.institutions);
    expect(await n(db, `select count(*)::int as n from ${SCALE_ENTS}`)).toBe(TIER.enterprises);
    expect(await n(db, `select count(*)::int as n from products p join ${SCALE_INSTS} on i.id = p.institution_id`)).toBe(TIER.products);
    expect(await n(db, `select count(*)::int as n from ${SCALE_APPS}`)).toBe(TIER.applications);
    expect(await n(db, `select count(*)::int as n from financing_needs f join ${SCALE_ENTS} on e.id = f.enterprise_id`)).toBe(TIER.needs);
    // 30 % of the applications are disbursed, exactly, and each has its loan.
    expect(await n(db, `select count(*)::int as n from loans l join ${SCALE_APPS} on a.id = l.application_id`)).toBe(TIER.applications * 0.3);
    const after = await counts();
    const reported = new Map(result.tables.map((t) => [t.table, t.rows]));
    for (const t of TABLES) expect(after[t] - before[t], t).toBe(reported.get(t) ?? 0);
    expect(await n(db, `select count(*)::int as n from audit_events where request_id = '${RID}'`)).toBe(reported.get('audit_events'));
    expect(result.rows).toBeGreaterThan(10_000);
    expect(result.summary.at(-1)).toMatch(/^total .* rows\/s$/);
  });

  it("sets the big tables' secondary indexes aside during the load and leaves the schema's indexes as they were", async () => {
    const after = await indexDefinitions(db);
    expect(after).toEqual(indexesBefore);
    // The load did set some aside (the covering indexes of applications among them) and built them again.
    expect(after.filter((d) => d.includes('applications_submitted_cov'))).toHaveLength(1);
    expect(result.summary.some((l) => l.startsWith('(building indexes)'))).toBe(true);
  });

  it('gives every organisation a valid USCC of its own, and the registry holds each once', async () => {
    const codes = await q<{ uscc: string }>(db, `select uscc from ${SCALE_ENTS} union all select uscc from ${SCALE_INSTS}`);
    expect(codes).toHaveLength(TIER.enterprises + TIER.institutions);
    for (const { uscc } of codes) expect(checkUscc(uscc), uscc).toMatchObject({ ok: true });
    expect(await n(db, `select count(*)::int as n from (select uscc from enterprises union all select uscc from institutions) x`)).toBe(
      await n(db, `select count(distinct uscc)::int as n from (select uscc from enterprises union all select uscc from institutions) x`),
    );
    expect(await n(db, `select count(*)::int as n from organisation_usccs`)).toBe(
      await n(db, `select ((select count(*) from enterprises) + (select count(*) from institutions))::int as n`),
    );
    // The district in positions 3–8 is the enterprise's park's.
    expect(await n(db, `select count(*)::int as n from ${SCALE_ENTS} join parks p on p.id = e.park_id where substr(e.uscc, 3, 6) <> p.district_code`)).toBe(0);
  });

  it('gives IP assets valid, unique patent numbers', async () => {
    const patents = await q<{ number: string }>(
      db,
      `select ip.number from ip_assets ip join ${SCALE_ENTS} on e.id = ip.enterprise_id where ip.kind in ('invention', 'utility_model')`,
    );
    expect(patents.length).toBeGreaterThan(100);
    for (const { number } of patents) expect(checkPatentNumber(number), number).toMatchObject({ ok: true });
    expect(await n(db, `select count(*)::int as n from (select number from ip_assets where number like 'ZL%' group by number having count(*) > 1) x`)).toBe(0);
  });

  it('has every application, need, loan and pledge state, and skewed, bounded amounts', async () => {
    const states = async (text: string) => (await q<{ s: string }>(db, text)).map((r) => r.s).sort();
    expect(await states(`select distinct a.status::text as s from ${SCALE_APPS}`)).toEqual([
      'accepted',
      'approved',
      'disbursed',
      'rejected',
      'submitted',
      'withdrawn',
    ]);
    expect(await states(`select distinct f.status::text as s from financing_needs f join ${SCALE_ENTS} on e.id = f.enterprise_id`)).toEqual([
      'expired',
      'fulfilled',
      'matched',
      'open',
      'withdrawn',
    ]);
    expect(await states(`select distinct l.status::text as s from loans l join ${SCALE_APPS} on a.id = l.application_id`)).toEqual(
      expect.arrayContaining(['active', 'overdue', 'repaid']),
    );
    expect(await states(`select distinct e.verification_status::text as s from ${SCALE_ENTS}`)).toEqual(['rejected', 'unverified', 'verified']);
    const amounts = await one<{ lo: string; hi: string; med: number }>(
      db,
      `select min(a.amount_fen)::text as lo, max(a.amount_fen)::text as hi, percentile_cont(0.5) within group (order by a.amount_fen)::float8 as med from ${SCALE_APPS}`,
    );
    expect(BigInt(amounts.lo)).toBeGreaterThanOrEqual(10_000_000n); // 10万元
    expect(BigInt(amounts.hi)).toBeLessThanOrEqual(5_000_000_000n); // 5000万元
    expect(amounts.med).toBeGreaterThan(50_000_000);
    expect(amounts.med).toBeLessThan(1_000_000_000);
    // A few big banks: the largest has twice an even share of the applications, the top three most of them.
    const perInst = await q<{ c: number }>(db, `select count(*)::int as c from ${SCALE_APPS} group by a.institution_id order by 1 desc`);
    expect(perInst[0].c).toBeGreaterThan((2 * TIER.applications) / TIER.institutions);
    expect(perInst[0].c + perInst[1].c + perInst[2].c).toBeGreaterThan(TIER.applications / 2);
  });

  it('applies only to published products, from verified enterprises of an eligible park, in office hours, before the demo now', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `select
        count(*) filter (where p.status <> 'published' or p.published_at >= a.submitted_at)::int as product,
        count(*) filter (where e.verification_status <> 'verified' or e.verified_at >= a.submitted_at)::int as enterprise,
        count(*) filter (where cardinality(p.eligible_park_ids) > 0 and not (e.park_id = any(p.eligible_park_ids)))::int as park,
        count(*) filter (where a.amount_fen < p.amount_min_fen or a.amount_fen > p.amount_max_fen or a.term_months < p.term_min_months or a.term_months > p.term_max_months)::int as range,
        count(*) filter (where extract(isodow from a.submitted_at at time zone 'Asia/Shanghai') > 5
          or extract(hour from a.submitted_at at time zone 'Asia/Shanghai') not between 9 and 17)::int as hours,
        count(*) filter (where a.updated_at >= '${DEMO_NOW}'::timestamptz)::int as future
      from ${SCALE_APPS} join products p on p.id = a.product_id join enterprises e on e.id = a.enterprise_id`,
    );
    expect(bad).toEqual({ product: 0, enterprise: 0, park: 0, range: 0, hours: 0, future: 0 });
  });

  it('keeps each application status consistent with its timestamps and amounts', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `select
        count(*) filter (where not (a.submitted_at <= coalesce(a.first_action_at, a.submitted_at)
          and coalesce(a.first_action_at, a.submitted_at) <= coalesce(a.decided_at, a.first_action_at, a.submitted_at)
          and coalesce(a.decided_at, a.submitted_at) <= coalesce(a.disbursed_at, a.decided_at, a.submitted_at)
          and greatest(a.submitted_at, a.first_action_at, a.decided_at, a.disbursed_at) <= a.updated_at))::int as order,
        count(*) filter (where a.status = 'submitted' and (a.first_action_at is not null or a.decided_at is not null))::int as submitted,
        count(*) filter (where a.status = 'accepted' and (a.first_action_at is null or a.decided_at is not null))::int as accepted,
        count(*) filter (where a.status in ('approved', 'disbursed') and (a.decided_at is null or a.approved_amount_fen is null or a.approved_rate_bp is null))::int as approved,
        count(*) filter (where (a.status = 'disbursed') <> (a.disbursed_at is not null))::int as disbursed,
        count(*) filter (where a.status = 'rejected' and (a.reject_reason is null or a.decided_at is null or a.approved_amount_fen is not null))::int as rejected,
        count(*) filter (where a.status = 'withdrawn' and ((a.approved_amount_fen is not null) <> (a.decided_at is not null)))::int as withdrawn,
        count(*) filter (where a.approved_amount_fen > a.amount_fen)::int as over
      from ${SCALE_APPS}`,
    );
    expect(bad).toEqual({ order: 0, submitted: 0, accepted: 0, approved: 0, disbursed: 0, rejected: 0, withdrawn: 0, over: 0 });
    expect(await n(db, `select count(*)::int as n from ${SCALE_APPS} where a.status = 'withdrawn' and a.approved_amount_fen is not null`)).toBeGreaterThan(0);
  });

  it('records each application step as a timeline event that follows the machine', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `with ev as (
        select ev.application_id, ev.from_status::text as f, ev.to_status::text as t, ev.at,
          lag(ev.to_status::text) over (partition by ev.application_id order by ev.at, ev.id) as prev,
          row_number() over (partition by ev.application_id order by ev.at desc, ev.id desc) as last
        from application_events ev join ${SCALE_APPS} on a.id = ev.application_id)
      select
        count(*) filter (where f is distinct from prev)::int as chain,
        count(*) filter (where (f, t) not in (('submitted','accepted'), ('accepted','approved'), ('approved','disbursed'), ('submitted','rejected'),
          ('accepted','rejected'), ('submitted','withdrawn'), ('accepted','withdrawn'), ('approved','withdrawn')) and not (f is null and t = 'submitted'))::int as illegal,
        (select count(*)::int from ${SCALE_APPS} where a.status::text <> (select e.t from ev e where e.application_id = a.id and e.last = 1)) as last_state,
        (select count(*)::int from ${SCALE_APPS} where a.last_event_at is distinct from (select e.at from ev e where e.application_id = a.id and e.last = 1)) as queue_time
      from ev`,
    );
    expect(bad).toEqual({ chain: 0, illegal: 0, last_state: 0, queue_time: 0 });
  });

  it('gives every disbursed application one loan of its approved terms, and every IP-pledge loan a registered pledge', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `select
        (select count(*)::int from ${SCALE_APPS} where a.status = 'disbursed' and not exists (select 1 from loans l where l.application_id = a.id)) as missing,
        count(*) filter (where a.status <> 'disbursed' or l.principal_fen <> a.approved_amount_fen or l.annual_rate_bp <> a.approved_rate_bp
          or l.term_months <> a.approved_term_months or l.disbursed_at <> a.disbursed_at or l.enterprise_id <> a.enterprise_id)::int as terms,
        count(*) filter (where (l.status = 'repaid') <> (l.outstanding_fen = 0) or l.matures_on <= l.disbursed_on)::int as balance,
        count(*) filter (where p.category = 'ip_pledge' and not exists (select 1 from pledges pl where pl.loan_id = l.id and pl.application_id = a.id
          and pl.status in ('registered', 'released', 'enforced') and pl.registered_on <= l.disbursed_on))::int as pledge,
        count(*) filter (where p.scheme_id is not null and not exists (select 1 from scheme_enrolments se where se.loan_id = l.id and se.scheme_id = p.scheme_id))::int as enrolment
      from loans l join ${SCALE_APPS} on a.id = l.application_id join products p on p.id = l.product_id`,
    );
    expect(bad).toEqual({ missing: 0, terms: 0, balance: 0, pledge: 0, enrolment: 0 });
    // An asset is pledged exactly while it is in a live pledge, and in one at most.
    const assets = await one<Record<string, number>>(
      db,
      `select count(*) filter (where (ip.status = 'pledged') <> exists (select 1 from pledge_assets pa where pa.ip_asset_id = ip.id and pa.live))::int as status,
        (select count(*)::int from (select ip_asset_id from pledge_assets where live group by 1 having count(*) > 1) x) as twice
      from ip_assets ip join ${SCALE_ENTS} on e.id = ip.enterprise_id`,
    );
    expect(assets).toEqual({ status: 0, twice: 0 });
    expect(await n(db, `select count(*)::int as n from risk_schemes where balance_fen < 0`)).toBe(0);
  });

  it('links needs and applications of the same enterprise, in order, with matches', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `select
        count(*) filter (where f.enterprise_id <> a.enterprise_id or f.created_at >= a.submitted_at)::int as link,
        count(*) filter (where f.status = 'fulfilled' and (a.status <> 'disbursed' or a.approved_amount_fen < f.amount_fen))::int as fulfilled,
        count(*) filter (where not exists (select 1 from matches m where m.need_id = f.id and m.product_id = a.product_id and m.status = 'applied'))::int as matched
      from financing_needs f join ${SCALE_APPS} on a.need_id = f.id`,
    );
    expect(bad).toEqual({ link: 0, fulfilled: 0, matched: 0 });
    // Open needs are still wanted; expired ones are past their date; stale ones exist (no action for days).
    const needs = await one<Record<string, number>>(
      db,
      `select count(*) filter (where f.status = 'open' and f.wanted_by < date '2026-11-20')::int as open_past,
        count(*) filter (where f.status = 'expired' and f.wanted_by >= date '2026-11-20')::int as expired_future,
        count(*) filter (where f.status = 'open' and f.first_institution_action_at is null and f.created_at < timestamptz '2026-11-14T00:00:00+08:00')::int as stale
      from financing_needs f join ${SCALE_ENTS} on e.id = f.enterprise_id`,
    );
    expect(needs.open_past).toBe(0);
    expect(needs.expired_future).toBe(0);
    expect(needs.stale).toBeGreaterThan(0);
  });

  it('writes audit trails whose status changes chain and end in every row’s current status', async () => {
    const bad = await q<{ entity: string; n: number }>(
      db,
      `with cur as (
        select 'institution' as entity, id::text as id, status::text as s from institutions
        union all select 'product', id::text, status::text from products
        union all select 'application', id::text, status::text from applications
        union all select 'loan', id::text, status::text from loans
        union all select 'pledge', id::text, status::text from pledges
        union all select 'claim', id::text, status::text from claims
        union all select 'financing_need', id::text, status::text from financing_needs
        union all select 'match', id::text, status::text from matches
        union all select 'user', id::text, status::text from users
        union all select 'enterprise', id::text, verification_status::text from enterprises
      ), ch as (
        select ae.entity, ae.entity_id, coalesce(ae.before->>'status', ae.before->>'verificationStatus') as b,
          coalesce(ae.after->>'status', ae.after->>'verificationStatus') as a,
          lag(coalesce(ae.after->>'status', ae.after->>'verificationStatus')) over w as prev,
          row_number() over (partition by ae.entity, ae.entity_id order by ae.at desc, ae.id desc) as last
        from audit_events ae where ae.request_id = '${RID}' and coalesce(ae.after->>'status', ae.after->>'verificationStatus') is not null
        window w as (partition by ae.entity, ae.entity_id order by ae.at, ae.id)
      )
      select ch.entity, count(*)::int as n from ch left join cur on cur.entity = ch.entity and cur.id = ch.entity_id
      where (ch.prev is not null and ch.b is distinct from ch.prev)
         or (ch.last = 1 and cur.id is not null and ch.a <> cur.s)
         or (ch.last = 1 and cur.id is null and ch.entity <> 'pledge')
      group by 1`,
    );
    expect(bad).toEqual([]);
    // Every scale institution and product that ever left its first state has that history.
    const missing = await one<Record<string, number>>(
      db,
      `select
        (select count(*)::int from ${SCALE_INSTS} where i.status <> 'pending' and not exists (select 1 from audit_events ae where ae.entity = 'institution' and ae.entity_id = i.id::text and ae.action = 'institution.approve')) as institutions,
        (select count(*)::int from products p join ${SCALE_INSTS} on i.id = p.institution_id where p.published_at is not null and not exists (select 1 from audit_events ae where ae.entity = 'product' and ae.entity_id = p.id::text and ae.action = 'product.publish')) as products,
        (select count(*)::int from users u where u.status = 'disabled' and u.email like '%@scale.kerongtong.example' and not exists (select 1 from audit_events ae where ae.entity = 'user' and ae.entity_id = u.id::text and ae.action = 'user.disable')) as users,
        (select count(*)::int from ${SCALE_APPS} where (select count(*) from audit_events ae where ae.entity = 'application' and ae.entity_id = a.id::text) <> (select count(*) from application_events ev where ev.application_id = a.id)) as applications`,
    );
    expect(missing).toEqual({ institutions: 0, products: 0, users: 0, applications: 0 });
  });

  it('answers the zone’s figures over the data, and they see the scale rows', async () => {
    const all = await zoneFigures(db, { from: '2024-11-01', to: '2026-11-20' });
    expect(all.applications).toBeGreaterThanOrEqual(TIER.applications);
    expect(all.loans).toBeGreaterThanOrEqual(TIER.applications * 0.3);
    expect(all.institutions).toBe(await n(db, `select count(*)::int as n from institutions where status = 'active'`));
    expect(all.products).toBe(
      await n(db, `select count(*)::int as n from products p join institutions i on i.id = p.institution_id where p.status = 'published'`),
    );
    expect(all.approvalRate).toBeGreaterThan(0);
    expect(all.medianResponseHours).toBeGreaterThan(0);
    expect(all.ipPledgeProjects).toBeGreaterThan(0);
    // As at the end of the first quarter: fewer institutions and products than today, from their history.
    const early = await zoneFigures(db, { from: '2025-01-01', to: '2025-03-31', parkId: 2 });
    expect(early.institutions).toBeLessThan(all.institutions);
    expect(early.products).toBeLessThanOrEqual(all.products);
    const [cat] = await q<{ c: string }>(db, `select category::text as c from products p join ${SCALE_INSTS} on i.id = p.institution_id limit 1`);
    await zoneFigures(db, { from: '2026-01-01', to: '2026-06-30', category: cat.c });
  });

  it('refuses a second load into the same database', async () => {
    await expect(seedScale(db, TIER.name, { out: null })).rejects.toThrow(/already holds scale data/);
    expect(await indexDefinitions(db)).toEqual(indexesBefore);
  });

  it('makes the same rows on another database', async () => {
    const other = await openTestDb();
    try {
      await seedDemoData(other.db);
      await seedScale(other.db, TIER.name, { out: null });
      expect(await fingerprint(other.db)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
    }
  });
});
