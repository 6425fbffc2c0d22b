// Needs posted on their own (no application behind them, yet): open ones (fresh, picked up by an
// institution, or stale: nobody acted for more than 3 working days), some an enterprise accepted
// an institution's interest in (matched), withdrawn and expired ones, with the engine's suggestions
// and the institutions' interest as matches, and the audit rows of every step.
import { verifiedByDaySql, type Ctx } from './context';
import type { SlotCounts } from './applications';
import { linkedNeeds } from './tiers';
import { PURPOSE_TEXT } from './vocab';
import { DAY, dt, K, lognormalWan, NOW_WM, q, ts, u, ui, uid, zoned } from './sql';

const NOW = NOW_WM;
/** Purposes by weight: working capital 5, equipment 2, R&D 2, projects 1, other 1. */
const PURPOSE_WEIGHTS = [
  'working_capital',
  'working_capital',
  'working_capital',
  'working_capital',
  'working_capital',
  'equipment',
  'equipment',
  'rnd',
  'rnd',
  'project',
  'other',
];

export async function standaloneNeeds(c: Ctx, slots: SlotCounts, i0: number, i1: number): Promise<void> {
  const eh = c.eh;
  const rid = q(c.requestId);
  await c.r.stage(`drop table if exists krt_nb`);
  await c.r.stage(`create temp table krt_nb as
    with n0 as (
      select i, case when ${u('i', 5001)} < 0.40 then 'expired' when ${u('i', 5001)} < 0.60 then 'withdrawn' when ${u('i', 5001)} < 0.78 then 'acted'
                     when ${u('i', 5001)} < 0.85 then 'accepted' when ${u('i', 5001)} < 0.95 then 'stale' else 'fresh' end as kind,
        ${ui('i', 5002, slots.nsp)} as s1
      from generate_series(${i0}::bigint, ${i1 - 1}) i
    ), n1 as (
      select n0.*,
        case kind when 'expired' then ${c.loWm} when 'withdrawn' then ${c.loWm} when 'stale' then ${NOW - 25 * DAY} when 'fresh' then ${NOW - 3 * DAY}
                  else ${NOW - 40 * DAY} end as lo,
        case kind when 'expired' then ${NOW - 90 * DAY} when 'withdrawn' then ${NOW - 3 * DAY} when 'stale' then ${NOW - 4 * DAY} when 'fresh' then ${NOW - 30}
                  else ${NOW - 3 * DAY} end as hi,
        p.idx as p, p.id as pid, p.cat, p.gmethods, p.rmax, p.rtype, p.pub, p.inst, p.iid, p.resp, p.officers
      from n0 join krt_ps s on s.slot = n0.s1 join krt_p p on p.idx = s.p offset 0
    ), n2 as (
      select n1.*, lo1 + floor((hi - lo1) * ${u('i', 5003)})::int as c_wm
      from (select n1.*, least(greatest(lo, ${c.loWm}), hi) as lo1 from n1 offset 0) n1 offset 0
    ), n3 as (
      select n2.*, ${verifiedByDaySql(`(c_wm / ${DAY} - 4)`, eh)} as nmax from n2 offset 0
    ), n4 as (
      select n3.*, 1 + floor(${u('i', 5004)} * nmax)::int as n0 from n3 offset 0
    ), n5 as (
      select n4.*, case when (n0 - 1) % 40 = 39 then n0 - 20 else n0 end as n,
        case kind when 'expired' then ${dt('c_wm')} + 30 + ${ui('i', 5005, 60)} else ${dt('c_wm')} + 60 + ${ui('i', 5005, 90)} end as wanted,
        greatest(c_wm + floor(60 * resp * (0.5 + 1.5 * ${u('i', 5006)}))::int, pub + 60) as m0,
        case when kind = 'withdrawn' then least(c_wm + ${DAY} + ${ui('i', 5007, 20 * DAY)}, ${NOW - 30}) end as w_wm,
        (kind in ('acted', 'accepted') or (kind = 'expired' and ${u('i', 5008)} < 0.4) or (kind = 'withdrawn' and ${u('i', 5008)} < 0.3)) as wants_interest
      from n4 offset 0
    ), n6 as (
      select n5.*, case when kind = 'expired' then ${zoned('wanted + 1', 5)} end as exp_at from n5 offset 0
    ), n7 as (
      select n6.*,
        (wants_interest and case kind when 'expired' then ${ts('m0')} < exp_at when 'withdrawn' then m0 < w_wm - 10 else m0 < ${NOW - 30} end) as interest
      from n6 offset 0
    ), n8 as (
      select n7.*,
        case when interest and kind = 'accepted' and m0 + 30 + ${ui('i', 5009, DAY)} < ${NOW - 10} then m0 + 30 + ${ui('i', 5009, DAY)} end as acc_wm,
        case when interest and kind = 'withdrawn' and ${u('i', 5010)} < 0.5 then (m0 + w_wm) / 2 end as decl_wm
      from n7 offset 0
    )
    select i, ${uid(K.need, 'i')} as id, kind, n, ${uid(K.enterprise, 'n')} as eid, ${uid(K.entOwner, 'n')} as owner,
      p, pid, cat, iid, ${uid(K.instUser, `inst * 1000 + ${ui('i', 5011, 'officers')}`)} as officer,
      c_wm, wanted, exp_at, w_wm, acc_wm, decl_wm, case when interest then m0 end as m_wm,
      case kind when 'expired' then 'expired' when 'withdrawn' then 'withdrawn' else case when acc_wm is not null then 'matched' else 'open' end end as status,
      ${lognormalWan('i', 5012, 200, 1.0, 10, 5000)} as amount,
      ('{6,12,12,24,24,36}'::int[])[1 + ${ui('i', 5014, 6)}] as term,
      (${`ARRAY[${PURPOSE_WEIGHTS.map(q).join(',')}]`})[1 + ${ui('i', 5015, PURPOSE_WEIGHTS.length)}] as purpose,
      (case when ${u('i', 5016)} < 0.3 and not ('credit' = any(gmethods)) then gmethods || 'credit'::text else gmethods end) as gm,
      case when ${u('i', 5017)} < 0.4 then null else rmax + (case when rtype = 'lpr_spread' then ${c.lprSql(dt('c_wm'))} else 0 end) + ${ui('i', 5018, 5)} * 10 end as max_rate,
      50 + ${ui('i', 5019, 46)} as score, ${u('i', 5020)} as us
    from n8`);
  await c.r.stage(`analyze krt_nb`);
  await c.r.insert(
    'financing_needs',
    `insert into financing_needs (id, enterprise_id, amount_fen, term_months, purpose, guarantee_methods, max_rate_bp,
      wanted_by, description, status, first_institution_action_at, created_at, updated_at)
    select id, eid, amount::bigint * 1000000, term, purpose::need_purpose, gm::guarantee_method[], max_rate, wanted,
      (${`jsonb_build_object(${Object.entries(PURPOSE_TEXT)
        .map(([k, v]) => `${q(k)}, ${q(v)}`)
        .join(', ')})`}) ->> purpose,
      status::need_status, ${ts('m_wm')}, ${ts('c_wm')},
      coalesce(exp_at, ${ts('coalesce(w_wm, acc_wm, m_wm, c_wm)')})
    from krt_nb order by i`,
  );
  const reasons = (score: string) => `jsonb_build_array(
      jsonb_build_object('code', 'rate_fit', 'points', (${score}) * 4 / 10),
      jsonb_build_object('code', 'amount_headroom', 'points', (${score}) * 35 / 100),
      jsonb_build_object('code', 'response_time', 'points', (${score}) - (${score}) * 4 / 10 - (${score}) * 35 / 100))`;
  // The institution's interest in its own product; up to two engine suggestions of the same category.
  await c.r.insert(
    'matches',
    `insert into matches (id, need_id, product_id, source, score, reasons, status, created_by, created_at, updated_at)
    select ${uid(K.match, `(${c.tier.applications}::bigint + n.i) * 4`)}, n.id, n.pid, 'institution'::match_source, n.score, ${reasons('n.score')},
      (case when n.decl_wm is not null then 'declined' else 'contacted' end)::match_status, n.officer, ${ts('n.m_wm')}, ${ts('coalesce(n.decl_wm, n.m_wm)')}
    from krt_nb n where n.m_wm is not null
    union all
    select ${uid(K.match, `(${c.tier.applications}::bigint + n.i) * 4 + 1 + j`)}, n.id, x.id, 'engine'::match_source, greatest(0, n.score - 8 - 6 * j), ${reasons('greatest(0, n.score - 8 - 6 * j)')},
      'suggested'::match_status, null::uuid, ${ts('n.c_wm + 1')}, ${ts('n.c_wm + 1')}
    from krt_nb n cross join lateral generate_series(0, case when n.kind = 'stale' then 0 else 1 end) j
    join krt_pcc cc on cc.cat = n.cat
    join krt_pcs cs on cs.cat = n.cat and cs.slot = floor(pg_temp.u(n.i * 2 + j, 5021) * cc.n)::int
    join krt_p x on x.idx = cs.p
    where pg_temp.u(n.i * 2 + j, 5022) < 0.6 and x.pub < n.c_wm and (n.m_wm is null or x.idx <> n.p)
      and (j = 0 or x.idx <> (select cs0.p from krt_pcs cs0 where cs0.cat = n.cat and cs0.slot = floor(pg_temp.u(n.i * 2, 5021) * cc.n)::int))
    on conflict (need_id, product_id) do nothing`,
  );
  const admin = 'null::uuid';
  await c.r.insert(
    'audit_events',
    `insert into audit_events (actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)
    select v.actor, v.role, v.org, v.action, v.entity, v.entity_id, v.before, v.after, ${rid}, v.at
    from krt_nb n cross join lateral (values
      (${ts('n.c_wm')}, n.owner, 'enterprise', n.eid, 'financing_need.create', 'financing_need', n.id::text, null::jsonb,
        jsonb_build_object('id', n.id, 'status', 'open', 'amountFen', (n.amount::bigint * 1000000)::text, 'termMonths', n.term)),
      (${ts('n.m_wm')}, n.officer, 'institution', n.iid, 'match.create', 'match', ${uid(K.match, `(${c.tier.applications}::bigint + n.i) * 4`)}::text, null::jsonb,
        jsonb_build_object('needId', n.id, 'productId', n.pid, 'source', 'institution', 'status', 'contacted')),
      (${ts('n.acc_wm')}, n.owner, 'enterprise', n.eid, 'match.accept', 'match', ${uid(K.match, `(${c.tier.applications}::bigint + n.i) * 4`)}::text,
        '{"status":"contacted"}'::jsonb, '{"status":"contacted","accepted":true}'::jsonb),
      (${ts('n.acc_wm')}, n.owner, 'enterprise', n.eid, 'financing_need.match', 'financing_need', n.id::text, '{"status":"open"}'::jsonb, '{"status":"matched"}'::jsonb),
      (${ts('n.decl_wm')}, n.owner, 'enterprise', n.eid, 'match.decline', 'match', ${uid(K.match, `(${c.tier.applications}::bigint + n.i) * 4`)}::text,
        '{"status":"contacted"}'::jsonb, '{"status":"declined"}'::jsonb),
      (${ts('n.w_wm')}, n.owner, 'enterprise', n.eid, 'financing_need.withdraw', 'financing_need', n.id::text, '{"status":"open"}'::jsonb, '{"status":"withdrawn"}'::jsonb),
      (n.exp_at, ${admin}, 'system', null::uuid, 'financing_need.expire', 'financing_need', n.id::text, '{"status":"open"}'::jsonb, '{"status":"expired"}'::jsonb)
    ) v(at, actor, role, org, action, entity, entity_id, before, after)
    where v.at is not null`,
  );
  c.r.advance(i1 - i0);
}

export function standaloneRange(c: Ctx): [number, number] {
  return [linkedNeeds(c.tier), c.tier.needs];
}
