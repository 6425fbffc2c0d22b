// The demo data seeder on a fresh in-memory PGlite: the shape the demo promises, the invariants the
// database cannot check alone, and determinism across two independent databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { financingNeeds, institutions, matches, products } from '../../db/schema';
import type { Db, DbHandle } from '../../db/client';
import { openTestDb } from '../../db/testing';
import { rowsOf } from '../../db/rows';
import { checkUscc } from '../enterprises/uscc';
import { checkPatentNumber } from '../ip/patent-number';
import { verifyPassword } from '../auth/password';
import { isDatabaseEmpty, seedDemoData, type SeedSummary } from './index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/accounts';
import { INSTITUTIONS } from './data/institutions';
import { eligibilityFactsFor } from '../../db/queries/matching';
import { lprOn } from '../../db/queries/lpr';
import { zoneDay } from '../core/dates';
import { scoreMatch } from '../matching/engine';

async function q<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Figures that must be identical on every run (ids and password hashes are not compared). */
async function figures(db: Db): Promise<Record<string, unknown>> {
  const one = async (query: ReturnType<typeof sql>) => (await q<{ v: string }>(db, query))[0]?.v;
  return {
    loanPrincipal: await one(sql`select sum(principal_fen)::text as v from loans`),
    loanOutstanding: await one(sql`select sum(outstanding_fen)::text as v from loans`),
    needAmount: await one(sql`select sum(amount_fen)::text as v from financing_needs`),
    repayments: await one(sql`select sum(principal_fen + interest_fen)::text as v from loan_repayments`),
    schemeBalances: await q(db, sql`select code, balance_fen::text as balance from risk_schemes order by code`),
    appsPerStatus: await q(db, sql`select status, count(*)::int as n, sum(amount_fen)::text as amount from applications group by status order by status`),
    needsPerStatus: await q(db, sql`select status, count(*)::int as n from financing_needs group by status order by status`),
    loansPerStatus: await q(db, sql`select status, count(*)::int as n from loans group by status order by status`),
    scores: await one(sql`select sum(total)::text as v from innovation_scores`),
    enterprises: await q(db, sql`select uscc, name, revenue_fen::text as revenue from enterprises order by uscc`),
    matches: await one(sql`select sum(score)::text as v from matches`),
    lastEvent: await one(sql`select max("at")::text as v from application_events`),
  };
}

describe('seedDemoData', () => {
  let handle: DbHandle;
  let db: Db;
  let summary: SeedSummary;
  let emptyBefore: boolean;

  beforeAll(async () => {
    handle = await openTestDb();
    db = handle.db;
    emptyBefore = await isDatabaseEmpty(db);
    summary = await seedDemoData(db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('reports an empty database before and a seeded one after', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('returns counts that match the tables', async () => {
    const [row] = await q<Record<string, number>>(
      db,
      sql`select (select count(*)::int from parks) as parks, (select count(*)::int from institutions) as institutions,
                 (select count(*)::int from enterprises) as enterprises, (select count(*)::int from users) as users,
                 (select count(*)::int from products) as products, (select count(*)::int from applications) as applications,
                 (select count(*)::int from loans) as loans, (select count(*)::int from pledge_assets) as "pledgeAssets",
                 (select count(*)::int from notifications) as notifications, (select count(*)::int from audit_events) as "auditEvents"`,
    );
    for (const [k, v] of Object.entries(row)) expect(summary[k as keyof SeedSummary], k).toBe(v);
    // Every table gets rows except the three that only live traffic fills.
    for (const [k, v] of Object.entries(summary)) expect(v, k).toBeGreaterThan(0);
  });

  it('has the five parks of 一区五园', async () => {
    const parks = await q<{ code: string; name: string; district_code: string; sort_order: number }>(db, sql`select * from parks order by sort_order`);
    expect(parks.map((p) => [p.code, p.name, p.district_code, p.sort_order])).toEqual([
      ['chancheng', '禅城园', '440604', 1],
      ['nanhai', '南海园', '440605', 2],
      ['shunde', '顺德园', '440606', 3],
      ['gaoming', '高明园', '440608', 4],
      ['sanshui', '三水园', '440607', 5],
    ]);
  });

  it('has institutions in every status, with valid USCCs', async () => {
    const insts = await q<{ name: string; kind: string; status: string; uscc: string }>(db, sql`select name, kind, status, uscc from institutions`);
    expect(insts.length).toBeGreaterThanOrEqual(8);
    expect(insts.find((i) => i.name === '工商银行佛山分行')).toMatchObject({ kind: 'bank', status: 'active' });
    expect(insts.some((i) => i.kind === 'guarantee' && i.status === 'active')).toBe(true);
    expect(insts.filter((i) => i.status === 'pending')).toHaveLength(1);
    expect(insts.filter((i) => i.status === 'suspended')).toHaveLength(1);
    for (const i of insts) {
      const r = checkUscc(i.uscc);
      expect(r.ok, i.name).toBe(true);
      expect(i.uscc.slice(2, 6)).toBe('4406');
    }
  });

  it('publishes at least 24 products in every category, some zone-exclusive', async () => {
    const published = await q<{
      category: string;
      zone_exclusive: boolean;
      status: string;
      scheme_code: string | null;
      published_at: Date | null;
      inst_status: string;
    }>(
      db,
      sql`select p.category, p.zone_exclusive, p.status, s.code as scheme_code, p.published_at, i.status as inst_status
            from products p join institutions i on i.id = p.institution_id left join risk_schemes s on s.id = p.scheme_id
           where p.status = 'published'`,
    );
    expect(published.length).toBeGreaterThanOrEqual(24);
    expect(new Set(published.map((p) => p.category))).toEqual(new Set(['points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit']));
    expect(published.filter((p) => p.zone_exclusive).length).toBeGreaterThanOrEqual(4);
    for (const p of published) {
      expect(p.published_at).not.toBeNull();
      expect(p.inst_status).toBe('active');
      if (p.category === 'ip_pledge') expect(p.scheme_code).toBe('foshan-ip-compensation');
      if (p.category === 'guarantee') expect(p.scheme_code).toBe('foshan-hitech-rongdan');
    }
    const others = await q<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from products where status <> 'published' group by status`);
    const byStatus = Object.fromEntries(others.map((o) => [o.status, o.n]));
    expect(byStatus.draft).toBeGreaterThanOrEqual(2);
    expect(byStatus.suspended).toBeGreaterThanOrEqual(1);
    expect(byStatus.archived).toBeGreaterThanOrEqual(1);
  });

  it('has at least 40 enterprises in all five parks, USCC district matching the park', async () => {
    const ents = await q<{ uscc: string; uscc_check_overridden: boolean; verification_status: string; district_code: string; industry: string }>(
      db,
      sql`select e.uscc, e.uscc_check_overridden, e.verification_status, p.district_code, e.industry from enterprises e join parks p on p.id = e.park_id`,
    );
    expect(ents.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ents.map((e) => e.district_code)).size).toBe(5);
    const overridden = ents.filter((e) => e.uscc_check_overridden);
    expect(overridden).toHaveLength(1);
    expect(overridden[0].verification_status).toBe('unverified');
    expect(checkUscc(overridden[0].uscc)).toMatchObject({ ok: false, error: 'check' });
    for (const e of ents) {
      expect(e.uscc.slice(2, 8)).toBe(e.district_code);
      if (!e.uscc_check_overridden) expect(checkUscc(e.uscc).ok, e.uscc).toBe(true);
    }
    expect(ents.filter((e) => e.verification_status === 'rejected')).toHaveLength(1);
    expect(ents.filter((e) => e.verification_status === 'verified').length).toBeGreaterThanOrEqual(40);
  });

  it('gives every patent a valid application number', async () => {
    const patents = await q<{ number: string; kind: string; grant_date: string; expiry_date: string }>(
      db,
      sql`select number, kind, grant_date::text, expiry_date::text from ip_assets where kind in ('invention', 'utility_model', 'design')`,
    );
    expect(patents.length).toBeGreaterThan(100);
    const typeOf = { invention: '1', utility_model: '2', design: '3' } as Record<string, string>;
    for (const p of patents) {
      const r = checkPatentNumber(p.number);
      expect(r.ok, p.number).toBe(true);
      if (r.ok) {
        expect(r.type).toBe(typeOf[p.kind]);
        if (p.kind === 'invention') expect(Number(p.expiry_date.slice(0, 4))).toBe(r.year + 20);
      }
    }
  });

  it('has applications in every status with consistent timestamps', async () => {
    const apps = await q<{
      status: string;
      n: number;
      bad_inst: number;
      no_reason: number;
      no_decision: number;
      no_disbursed: number;
      out_of_range: number;
    }>(
      db,
      sql`select a.status, count(*)::int as n,
                 count(*) filter (where a.institution_id <> p.institution_id)::int as bad_inst,
                 count(*) filter (where a.status = 'rejected' and a.reject_reason is null)::int as no_reason,
                 count(*) filter (where a.status in ('approved', 'disbursed', 'rejected') and (a.decided_at is null or a.first_action_at is null or a.decided_at < a.first_action_at))::int as no_decision,
                 count(*) filter (where (a.status = 'disbursed') <> (a.disbursed_at is not null))::int as no_disbursed,
                 count(*) filter (where a.amount_fen < p.amount_min_fen or a.amount_fen > p.amount_max_fen
                                     or a.term_months < p.term_min_months or a.term_months > p.term_max_months)::int as out_of_range
            from applications a join products p on p.id = a.product_id group by a.status`,
    );
    const statuses = Object.fromEntries(apps.map((a) => [a.status, a]));
    for (const st of ['submitted', 'accepted', 'approved', 'disbursed', 'rejected', 'withdrawn']) expect(statuses[st]?.n, st).toBeGreaterThan(0);
    for (const a of apps) {
      expect(a.bad_inst, a.status).toBe(0);
      expect(a.no_reason, a.status).toBe(0);
      expect(a.no_decision, a.status).toBe(0);
      expect(a.no_disbursed, a.status).toBe(0);
      expect(a.out_of_range, a.status).toBe(0);
    }
    // The timeline: starts at submitted, ends at the application's status, never goes back in time.
    const timelines = await q<{ ok: boolean }>(
      db,
      sql`select bool_and(first.from_status is null and first.to_status = 'submitted' and last.to_status = a.status) as ok
            from applications a
            join lateral (select * from application_events e where e.application_id = a.id order by e.at, e.id limit 1) first on true
            join lateral (select * from application_events e where e.application_id = a.id order by e.at desc, e.id desc limit 1) last on true`,
    );
    expect(timelines[0].ok).toBe(true);
    // The queue's column (a trigger on application_events, migration 0015) agrees with the timeline.
    const [{ off }] = await q<{ off: number }>(
      db,
      sql`select count(*)::int as off from applications a where a.last_event_at is distinct from (select max(e.at) from application_events e where e.application_id = a.id)`,
    );
    expect(off).toBe(0);
    const [{ future }] = await q<{ future: number }>(db, sql`select count(*)::int as future from application_events where "at" > '2026-11-20T10:00:00+08:00'`);
    expect(future).toBe(0);
  });

  it('has exactly one loan per disbursed application, within the approved terms', async () => {
    const [r] = await q<{ disbursed: number; loans: number; matched: number; repaid_bad: number; bad_outstanding: number }>(
      db,
      sql`select (select count(*)::int from applications where status = 'disbursed') as disbursed,
                 (select count(*)::int from loans) as loans,
                 (select count(*)::int from loans l join applications a on a.id = l.application_id
                   where a.status = 'disbursed' and l.principal_fen = a.approved_amount_fen and l.product_id = a.product_id
                     and l.institution_id = a.institution_id and l.enterprise_id = a.enterprise_id) as matched,
                 (select count(*)::int from loans where status = 'repaid' and outstanding_fen <> 0) as repaid_bad,
                 (select count(*)::int from loans l where l.outstanding_fen <> l.principal_fen -
                    coalesce((select sum(principal_fen) from loan_repayments r where r.loan_id = l.id), 0)) as bad_outstanding`,
    );
    expect(r.loans).toBe(r.disbursed);
    expect(r.matched).toBe(r.loans);
    expect(r.repaid_bad).toBe(0);
    expect(r.bad_outstanding).toBe(0);
    const statuses = (await q<{ status: string }>(db, sql`select distinct status from loans`)).map((x) => x.status);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'repaid', 'overdue', 'defaulted']));
  });

  it('keeps every IP asset in at most one live pledge, and pledged assets marked pledged', async () => {
    const dup = await q<{ ip_asset_id: string }>(db, sql`select ip_asset_id from pledge_assets where live group by ip_asset_id having count(*) > 1`);
    expect(dup).toHaveLength(0);
    const [r] = await q<{
      live_not_pledged: number;
      pledged_not_live: number;
      pending: number;
      registered_ip_loans: number;
      ip_loans: number;
      expiring: number;
    }>(
      db,
      sql`select (select count(*)::int from pledge_assets pa join ip_assets a on a.id = pa.ip_asset_id where pa.live and a.status <> 'pledged') as live_not_pledged,
                 (select count(*)::int from ip_assets a where a.status = 'pledged' and not exists (select 1 from pledge_assets pa where pa.ip_asset_id = a.id and pa.live)) as pledged_not_live,
                 (select count(*)::int from pledges pl join applications ap on ap.id = pl.application_id where pl.status = 'pending_registration' and ap.status = 'approved') as pending,
                 (select count(*)::int from pledges where status = 'registered' and loan_id is not null) as registered_ip_loans,
                 (select count(*)::int from loans l join products p on p.id = l.product_id where p.category = 'ip_pledge') as ip_loans,
                 (select count(*)::int from pledge_assets pa join pledges pl on pl.id = pa.pledge_id join loans l on l.id = pl.loan_id
                    join ip_assets a on a.id = pa.ip_asset_id where pa.live and a.expiry_date <= l.matures_on) as expiring`,
    );
    expect(r.live_not_pledged).toBe(0);
    expect(r.pledged_not_live).toBe(0);
    expect(r.pending).toBeGreaterThanOrEqual(1);
    expect(r.registered_ip_loans).toBeGreaterThan(0);
    expect(r.expiring).toBe(0);
    const [{ without }] = await q<{ without: number }>(
      db,
      sql`select count(*)::int as without from loans l join products p on p.id = l.product_id
           where p.category = 'ip_pledge' and not exists (select 1 from pledges pl where pl.loan_id = l.id)`,
    );
    expect(without).toBe(0);
  });

  it('keeps each scheme balance = contributions − paid compensation ≥ 0', async () => {
    const schemes = await q<{ code: string; balance: string; contributed: string; paid: string; enrolled_banks: number; enrolled_smes: number }>(
      db,
      sql`select s.code, s.balance_fen::text as balance,
                 (select coalesce(sum(amount_fen), 0) from scheme_contributions c where c.scheme_id = s.id)::text as contributed,
                 (select coalesce(sum(c.compensation_fen), 0) from claims c join scheme_enrolments e on e.id = c.enrolment_id
                   where e.scheme_id = s.id and c.status = 'paid')::text as paid,
                 (select count(distinct l.institution_id)::int from scheme_enrolments e join loans l on l.id = e.loan_id where e.scheme_id = s.id) as enrolled_banks,
                 (select count(distinct l.enterprise_id)::int from scheme_enrolments e join loans l on l.id = e.loan_id where e.scheme_id = s.id) as enrolled_smes
            from risk_schemes s order by s.code`,
    );
    expect(schemes.map((x) => x.code)).toEqual(['foshan-hitech-rongdan', 'foshan-ip-compensation']);
    for (const sc of schemes) {
      expect(BigInt(sc.balance), sc.code).toBe(BigInt(sc.contributed) - BigInt(sc.paid));
      expect(BigInt(sc.balance) >= 0n).toBe(true);
    }
    const rongdan = schemes[0];
    expect(rongdan.enrolled_banks).toBeGreaterThanOrEqual(7);
    expect(rongdan.enrolled_smes).toBeGreaterThanOrEqual(9);
    const claims = await q<{ status: string; loss: string; comp: string; share: number; cap: string; loan_status: string }>(
      db,
      sql`select c.status, c.loss_fen::text as loss, c.compensation_fen::text as comp, s.share_fund_bp as share, s.cap_per_loan_fen::text as cap, l.status as loan_status
            from claims c join scheme_enrolments e on e.id = c.enrolment_id join risk_schemes s on s.id = e.scheme_id join loans l on l.id = e.loan_id`,
    );
    expect(claims.map((c) => c.status).sort()).toEqual(['filed', 'paid']);
    for (const c of claims) {
      const byShare = (BigInt(c.share) * BigInt(c.loss)) / 10_000n;
      expect(BigInt(c.comp) <= byShare && BigInt(c.comp) <= BigInt(c.cap)).toBe(true);
      expect(['defaulted', 'compensated']).toContain(c.loan_status);
    }
  });

  it('has the three demo accounts with the demo password', async () => {
    const users = await q<{
      email: string;
      role: string;
      member_role: string | null;
      password_hash: string;
      inst: string | null;
      ent: string | null;
      park: string | null;
      ent_status: string | null;
    }>(
      db,
      sql`select u.email, u.role, u.member_role, u.password_hash, i.name as inst, e.name as ent, p.code as park, e.verification_status as ent_status
            from users u left join institutions i on i.id = u.institution_id left join enterprises e on e.id = u.enterprise_id left join parks p on p.id = e.park_id
           where u.email in (${DEMO_ACCOUNTS.admin}, ${DEMO_ACCOUNTS.bank}, ${DEMO_ACCOUNTS.sme})`,
    );
    const by = Object.fromEntries(users.map((u) => [u.email, u]));
    expect(by[DEMO_ACCOUNTS.admin]).toMatchObject({ role: 'admin', inst: null, ent: null });
    expect(by[DEMO_ACCOUNTS.bank]).toMatchObject({ role: 'institution', member_role: 'officer', inst: '工商银行佛山分行' });
    expect(by[DEMO_ACCOUNTS.sme]).toMatchObject({ role: 'enterprise', member_role: 'owner', park: 'nanhai', ent_status: 'verified' });
    for (const u of users) expect(await verifyPassword(u.password_hash, DEMO_PASSWORD)).toBe(true);
    const [{ n }] = await q<{ n: number }>(db, sql`select count(*)::int as n from users where email <> lower(email) or email not like '%kerongtong.demo'`);
    expect(n).toBe(0);
  });

  it('gives the demo SME certifications, a free invention, open needs and applications', async () => {
    const [r] = await q<{ certs: number; free_inventions: number; open_needs: number; apps: number; statuses: string[] }>(
      db,
      sql`with e as (select enterprise_id as id from users where email = ${DEMO_ACCOUNTS.sme})
          select (select count(*)::int from certifications c, e where c.enterprise_id = e.id and c.verification_status = 'verified') as certs,
                 (select count(*)::int from ip_assets a, e where a.enterprise_id = e.id and a.kind = 'invention' and a.status = 'free') as free_inventions,
                 (select count(*)::int from financing_needs n, e where n.enterprise_id = e.id and n.status = 'open') as open_needs,
                 (select count(*)::int from applications a, e where a.enterprise_id = e.id) as apps,
                 (select array_agg(distinct a.status::text) from applications a, e where a.enterprise_id = e.id) as statuses`,
    );
    expect(r.certs).toBeGreaterThanOrEqual(2);
    expect(r.free_inventions).toBeGreaterThanOrEqual(1);
    expect(r.open_needs).toBeGreaterThanOrEqual(1);
    expect(r.apps).toBeGreaterThanOrEqual(3);
    const [bank] = await q<{ statuses: string[] }>(
      db,
      sql`select array_agg(distinct a.status::text) as statuses from applications a join users u on u.institution_id = a.institution_id where u.email = ${DEMO_ACCOUNTS.bank}`,
    );
    expect(bank.statuses.sort()).toEqual(['accepted', 'approved', 'disbursed', 'rejected', 'submitted', 'withdrawn']);
  });

  it('has stale needs and a consent for every enterprise–institution pair that applied', async () => {
    const [r] = await q<{ stale: number; open: number; total: number; pairs: number; consents: number }>(
      db,
      sql`select (select count(*)::int from financing_needs where status = 'open' and first_institution_action_at is null and created_at < '2026-11-13T00:00:00+08:00') as stale,
                 (select count(*)::int from financing_needs where status = 'open') as open,
                 (select count(*)::int from financing_needs) as total,
                 (select count(*)::int from (select distinct enterprise_id, institution_id from applications) x) as pairs,
                 (select count(*)::int from consents c where exists (select 1 from applications a where a.enterprise_id = c.enterprise_id and a.institution_id = c.institution_id)) as consents`,
    );
    expect(r.stale).toBeGreaterThanOrEqual(3);
    expect(r.open).toBeGreaterThan(r.total / 3);
    expect(r.total).toBeGreaterThanOrEqual(50);
    expect(r.consents).toBe(r.pairs);
  });

  it('is consistent across tables and never later than the demo "now"', async () => {
    const now = '2026-11-20T10:00:00+08:00';
    const checks: Record<string, ReturnType<typeof sql>> = {
      appliedBeforeVerified: sql`select count(*)::int as n from applications a join enterprises e on e.id = a.enterprise_id
                                  where e.verification_status <> 'verified' or a.submitted_at < e.verified_at`,
      appliedToUnpublished: sql`select count(*)::int as n from applications a join products p on p.id = a.product_id
                                 where p.status <> 'published' or a.submitted_at < p.published_at`,
      belowMinScore: sql`select count(*)::int as n from applications a join products p on p.id = a.product_id
                          join innovation_scores s on s.enterprise_id = a.enterprise_id where s.total < p.min_innovation_score`,
      wrongActor: sql`select count(*)::int as n from application_events ev join applications a on a.id = ev.application_id join users u on u.id = ev.actor_user_id
                       where (ev.to_status in ('submitted', 'withdrawn') and u.enterprise_id is distinct from a.enterprise_id)
                          or (ev.to_status not in ('submitted', 'withdrawn') and u.institution_id is distinct from a.institution_id)`,
      loanTermsOff: sql`select count(*)::int as n from loans l join applications a on a.id = l.application_id join products p on p.id = l.product_id
                         where l.annual_rate_bp <> a.approved_rate_bp or l.term_months <> a.approved_term_months
                            or not (l.repayment_method = any(p.repayment_methods))`,
      repaidEarly: sql`select count(*)::int as n from loans where (status = 'repaid' and matures_on > '2026-11-20') or (status = 'active' and matures_on < '2026-11-20')`,
      enrolmentOff: sql`select count(*)::int as n from loans l join products p on p.id = l.product_id
                         where (p.scheme_id is not null) <> exists (select 1 from scheme_enrolments e where e.loan_id = l.id and e.scheme_id = p.scheme_id)`,
      pledgeValueOff: sql`select count(*)::int as n from pledges pl where pledged_value_fen <> (select sum(a.valuation_fen) from pledge_assets pa
                           join ip_assets a on a.id = pa.ip_asset_id where pa.pledge_id = pl.id)`,
      needAfterApplication: sql`select count(*)::int as n from applications a join financing_needs n on n.id = a.need_id
                                 where n.created_at > a.submitted_at or n.enterprise_id <> a.enterprise_id`,
      needAmountRange: sql`select count(*)::int as n from financing_needs where amount_fen < 100000000 or amount_fen > 3000000000`,
      consentExpiry: sql`select count(*)::int as n from consents where expires_at <> granted_at + interval '1 year'`,
      future: sql`select ((select count(*) from applications where updated_at > ${now}) + (select count(*) from financing_needs where updated_at > ${now})
                        + (select count(*) from loans where updated_at > ${now}) + (select count(*) from loan_repayments where paid_on >= '2026-11-20')
                        + (select count(*) from notifications where created_at > ${now}) + (select count(*) from matches where updated_at > ${now})
                        + (select count(*) from scheme_enrolments where enrolled_at > ${now}) + (select count(*) from audit_events where "at" > ${now}))::int as n`,
    };
    for (const [name, query] of Object.entries(checks)) {
      const [{ n }] = await q<{ n: number }>(db, query);
      expect(n, name).toBe(0);
    }
  });

  it('scores every match with the matching engine, from what the database holds', async () => {
    const rows = await db
      .select({ id: matches.id, score: matches.score, reasons: matches.reasons, need: financingNeeds, product: products, institution: institutions.name })
      .from(matches)
      .innerJoin(financingNeeds, eq(financingNeeds.id, matches.needId))
      .innerJoin(products, eq(products.id, matches.productId))
      .innerJoin(institutions, eq(institutions.id, products.institutionId));
    expect(rows.length).toBeGreaterThan(20);
    const facts = await eligibilityFactsFor(db, [...new Set(rows.map((m) => m.need.enterpriseId))]);
    // The one input the database cannot give back: the seed scores as if each institution's median
    // response time were the one its demo history is generated around.
    const responseHours = new Map(INSTITUTIONS.map((i) => [i.name, i.responseHours]));
    let checked = 0;
    for (const m of rows) {
      const day = zoneDay(m.need.createdAt); // scored when the need was posted
      const lpr = m.product.rateType === 'lpr_spread' ? (await lprOn(db, day))!.oneYearBp : 0;
      const engine = scoreMatch(
        m.need,
        { ...m.product, effectiveRateMinBp: lpr + m.product.rateMinBp },
        facts.get(m.need.enterpriseId)!,
        day,
        responseHours.get(m.institution)!,
      );
      expect({ match: m.id, score: m.score, reasons: m.reasons }).toEqual({
        match: m.id,
        score: engine.score,
        reasons: JSON.parse(JSON.stringify(engine.reasons)),
      });
      checked++;
    }
    expect(checked).toBe(rows.length);
  });

  it('produces the same figures in a second, independent database', async () => {
    const other = await openTestDb();
    try {
      const otherSummary = await seedDemoData(other.db);
      expect(otherSummary).toEqual(summary);
      expect(await figures(other.db)).toEqual(await figures(db));
    } finally {
      await other.close();
    }
  });
});
