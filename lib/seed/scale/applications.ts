// Applications, one batch of row numbers k at a time, with everything that hangs off them: the need
// behind a third of them (posted a little before, matched by the engine, an institution or the
// enterprise), IP offered for IP-pledge products, the timeline (application_events), the loan of
// every disbursed one, pledges, scheme enrolments and claims, and an audit row per transition.
//
// Statuses repeat in blocks of 1000 (k · 7919 mod 1000): 30 % disbursed, 37.4 % rejected, 30 %
// withdrawn and a few in progress, so a tier's loan count is exact. An application in progress was
// submitted in the last days (its institution has not finished with it); a closed one any time
// after its product was published that lets its own timeline end before now. Timestamps follow the
// machine in office hours:
// submitted ≤ first action ≤ decided ≤ (pledge registered ≤) disbursed.
import { verifiedByDaySql, type Ctx } from './context';
import { patentSql } from './enterprises';
import { linkedNeeds } from './tiers';
import { APPRAISERS, INVENTIONS, PURPOSE_TEXT, REJECT_REASONS, UTILITY_MODELS } from './vocab';
import { DAY, dt, K, lognormalWan, NOW_WM, pickText, q, textArray, TODAY, ts, u, ui, uid, zoned } from './sql';

const NOW = NOW_WM;
const AUDIT_COLS = '(actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)';

export interface SlotCounts {
  nsp: number;
  nspe: number;
}

export async function applications(c: Ctx, slots: SlotCounts, k0: number, k1: number): Promise<void> {
  const A = c.tier.applications;
  const NL = linkedNeeds(c.tier);
  const eh = c.eh;
  const rid = q(c.requestId);
  const admin = `${q(c.adminId)}::uuid`;
  const today = `${q(TODAY)}::date`;

  await c.r.stage(`drop table if exists krt_ab, krt_lb, krt_plb`);
  await c.r.stage(`create temp table krt_ab as
    with a0 as (
      select k, (k * 7919 + 13) % 1000 as r, ${ui('k', 1001, slots.nsp)} as s1, ${ui('k', 1002, slots.nspe)} as s2
      from generate_series(${k0}::bigint, ${k1 - 1}) k
    ), a1 as (
      select a0.k, ps1.p as p1, ps2.p as p2,
        case when r < 300 then 'disbursed' when r < 674 then 'rejected' when r < 974 then 'withdrawn'
             when r < 980 then 'submitted' when r < 992 then 'accepted' else 'approved' end as st
      from a0 join krt_ps ps1 on ps1.slot = a0.s1 join krt_pse ps2 on ps2.slot = a0.s2
      offset 0
    ), a2 as (
      select a1.*,
        case st when 'submitted' then ${NOW - 2 * DAY} when 'accepted' then ${NOW - 12 * DAY} when 'approved' then ${NOW - 22 * DAY} else ${c.loWm} end as wlo,
        case st when 'disbursed' then ${NOW - 30 * DAY} when 'rejected' then ${NOW - 16 * DAY} when 'withdrawn' then ${NOW - 20 * DAY}
                when 'submitted' then ${NOW - 30} when 'accepted' then ${NOW - DAY} else ${NOW - 6 * DAY} end as whi
      from a1 offset 0
    ), a3 as (
      select a2.k, a2.st, a2.wlo, a2.whi, case when greatest(a2.wlo, p.pub + ${DAY}) <= a2.whi then a2.p1 else a2.p2 end as p
      from a2 join krt_p p on p.idx = a2.p1 offset 0
    ), a4 as (
      select a3.k, a3.st, a3.p, a3.whi, p.inst, p.iid, p.id as pid, p.cat, p.rtype, p.rmin, p.rmax, p.amin, p.amax, p.terms, p.repay,
        p.gmethods, p.scheme, p.pslots, p.resp, p.officers, p.pub, greatest(a3.wlo, p.pub + ${DAY}) as lo
      from a3 join krt_p p on p.idx = a3.p offset 0
    ), a5 as (
      -- The steps' durations first (office minutes), so a closed application can be submitted as
      -- late as its own timeline still ends before now.
      select a4.*,
        case when st = 'withdrawn' then case when ${u('k', 1007)} < 0.35 then 'submitted' when ${u('k', 1007)} < 0.75 then 'accepted' else 'approved' end end as wfrom,
        case when st = 'rejected' then case when ${u('k', 1008)} < 0.6 then 'accepted' else 'submitted' end end as rejfrom,
        greatest(10, floor(60 * resp * (0.3 + 1.7 * ${u('k', 1010)})))::int as lag1,
        ${2 * DAY} + ${ui('k', 1011, 8 * DAY)} as lag2,
        case when cat = 'ip_pledge' then ${3 * DAY} + ${ui('k', 1012, 5 * DAY)} else 0 end as lag3,
        case when cat = 'ip_pledge' then ${DAY} + ${ui('k', 1013, 2 * DAY)} else ${DAY} + ${ui('k', 1013, 4 * DAY)} end as lag4,
        100 + ${ui('k', 1014, 2000)} as lagw,
        60 + ${ui('k', 1004, 5340)} as lagn
      from a4 offset 0
    ), a6 as (
      select a5.*,
        case st when 'disbursed' then ${NOW - 30} - lag1 - lag2 - lag3 - lag4
                when 'rejected' then ${NOW - 30} - lag1 - case when rejfrom = 'accepted' then lag2 else 0 end
                when 'withdrawn' then ${NOW - 30} - lagw - case wfrom when 'approved' then lag1 + lag2 when 'accepted' then lag1 else 0 end
                else whi end as hi
      from a5 offset 0
    ), a7 as (
      select a6.*,
        lo + floor((hi - lo) * case when st in ('disbursed', 'rejected', 'withdrawn') then power(${u('k', 1003)}, 0.8) else ${u('k', 1003)} end)::int as s_wm
      from a6 offset 0
    ), a8 as (
      select a7.*, s_wm - lagn as c_wm, ${verifiedByDaySql(`((s_wm - lagn) / ${DAY} - 4)`, eh)} as nmax from a7 offset 0
    ), a9 as (
      select a8.*, 1 + floor(${u('k', 1005)} * nmax)::int as n0 from a8 offset 0
    ), a10 as (
      select a9.*, case when cardinality(pslots) = 0 then n0 else ((n0 - 1) / 20) * 20 + pslots[1 + ${ui('k', 1006, 'cardinality(pslots)')}] + 1 end as n1
      from a9 offset 0
    ), a11 as (
      select a10.*, case when n1 > nmax then n1 - 20 else n1 end as n2,
        case when st = 'submitted' or wfrom = 'submitted' then null
             when st = 'accepted' then s_wm + least(lag1, floor((${NOW} - s_wm - 30) * 0.9)::int)
             when st = 'approved' then s_wm + least(lag1, floor((${NOW} - s_wm) * 0.4)::int)
             else s_wm + lag1 end as f_wm
      from a10 offset 0
    ), a12 as (
      select a11.*, case when (n2 - 1) % 40 = 39 then n2 - 20 else n2 end as n,
        case when st = 'approved' then f_wm + least(lag2, floor((${NOW} - f_wm - 30) * 0.9)::int)
             when st = 'disbursed' or wfrom = 'approved' or rejfrom = 'accepted' then f_wm + lag2
             when st = 'rejected' then f_wm end as d_wm
      from a11 offset 0
    ), a13 as (
      select a12.*,
        case when cat = 'ip_pledge' and d_wm is not null and st <> 'rejected' then d_wm + lag3 end as r_wm
      from a12 offset 0
    ), a14 as (
      select a13.*,
        case when st = 'disbursed' then coalesce(r_wm, d_wm) + lag4 end as x_wm,
        case when st = 'withdrawn' then coalesce(d_wm, f_wm, s_wm) + lagw end as w_wm,
        least(greatest(${lognormalWan('k', 1020, 200, 1.0, 10, 5000)}, amin), amax) as amount,
        terms[1 + ${ui('k', 1025, 'cardinality(terms)')}] as term,
        (d_wm is not null and st <> 'rejected') as ever_approved,
        case when ${u('k', 1030)} < 0.45 then 'engine' when ${u('k', 1030)} < 0.75 then 'institution' else 'enterprise' end as src0,
        (k * ${NL}::bigint + ${A - 1}) / ${A} as ni
      from a13 offset 0
    ), a15 as (
      select a14.*,
        case when ever_approved then case when ${u('k', 1021)} < 0.7 then amount
             else least(amount, greatest(amin, pg_temp.nice_wan(amount * (0.7 + 0.25 * ${u('k', 1022)})))) end end as appr,
        case when ever_approved then rmin + round(${u('k', 1023)} * (rmax - rmin) / 5)::int * 5
             + case when rtype = 'lpr_spread' then ${c.lprSql(dt('d_wm'))} else 0 end end as rate,
        (ni < ${NL} and (ni * ${A}) / ${NL} = k) as linked,
        case when src0 = 'engine' and pub >= c_wm then 'enterprise' else src0 end as src
      from a14 offset 0
    )
    select k, ${uid(K.application, 'k')} as id, st, wfrom, rejfrom, p, pid, inst, iid, cat, scheme, rtype, rmin, rmax, amin, gmethods, pub,
      n, ${uid(K.enterprise, 'n')} as eid, ${uid(K.entOwner, 'n')} as owner,
      ${uid(K.instUser, `inst * 1000 + ${ui('k', 1027, 'officers')}`)} as officer,
      s_wm, f_wm, d_wm, r_wm, x_wm, w_wm, c_wm,
      case when st in ('accepted', 'approved', 'disbursed') or rejfrom = 'accepted' or wfrom in ('accepted', 'approved') then f_wm end as acc_wm,
      case when ever_approved then d_wm end as appr_wm,
      case when st = 'rejected' then d_wm end as rej_wm,
      coalesce(w_wm, x_wm, d_wm, f_wm, s_wm) as last_wm,
      amount, appr, rate, term, ever_approved,
      repay[1 + ${ui('k', 1026, 'cardinality(repay)')}] as repay_method,
      case when st = 'rejected' then (${textArray(REJECT_REASONS)})[case when cat = 'ip_pledge' and ${u('k', 1028)} < 0.5 then ${REJECT_REASONS.length} else 1 + ${ui('k', 1029, REJECT_REASONS.length - 1)} end] end as reason,
      case when linked then ${uid(K.need, 'ni')} end as need_id, ni, linked, src,
      case src when 'engine' then c_wm + 1
               when 'institution' then greatest(c_wm + floor((s_wm - c_wm) * (0.2 + 0.6 * ${u('k', 1031)}))::int, pub + 60)
               else s_wm - 10 end as m_wm,
      case when st in ('submitted', 'accepted', 'approved') then 'matched'
           when st = 'disbursed' then case when appr = amount then 'fulfilled' else 'matched' end
           when st = 'rejected' then case when ${u('k', 1032)} < 0.5 then 'withdrawn' else 'matched' end
           else case when ${u('k', 1032)} < 0.7 then 'withdrawn' else 'matched' end end as need_st,
      ${u('k', 1033)} as un, ${u('k', 1034)} as un2,
      case when cat = 'ip_pledge' then 1 + (${u('k', 1035)} < 0.4)::int else 0 end as ipc,
      0.3 + 0.25 * ${u('k', 1036)} as ltv,
      50 + ${ui('k', 1037, 46)} as score
    from a15`);
  await c.r.stage(`analyze krt_ab`);

  // ---- the loans of the disbursed ones, as of the demo's today
  await c.r.stage(`create temp table krt_lb as
    with l0 as (
      select a.k, a.id as app_id, ${uid(K.loan, 'a.k')} as id, a.eid, a.iid, a.pid, a.officer, a.scheme, a.appr, a.rate, a.term, a.repay_method, a.x_wm,
        ${dt('a.x_wm')} as d_on, (${dt('a.x_wm')} + make_interval(months => a.term))::date as m_on,
        ${u('a.k', 3001)} as lu, ${u('a.k', 3002)} as lu2, ${u('a.k', 3003)} as lu3
      from krt_ab a where a.st = 'disbursed' offset 0
    ), l1 as (
      select l0.*, (extract(year from age(${today}, d_on)) * 12 + extract(month from age(${today}, d_on)))::int as me, m_on <= ${today} as mt
      from l0 offset 0
    ), l2 as (
      select l1.*, (lu < case when mt then 0.025 else 0.012 end and least(me, term) >= 7) as bad from l1 offset 0
    ), l3 as (
      select l2.*, (not bad and not mt and lu < 0.032 and me >= 2) as od_now,
        case when bad then 3 + floor(lu2 * (least(me, term) - 6))::int end as od_m
      from l2 offset 0
    ), l4 as (
      select l3.*,
        case when bad then (d_on + make_interval(months => od_m))::date when od_now then (d_on + make_interval(months => me))::date end as od_on,
        case when bad then (d_on + make_interval(months => od_m + 2))::date end as df_on
      from l3 offset 0
    ), l5 as (
      select l4.*,
        case when not bad then null
             when scheme is not null then case when ${today} - df_on >= 90 and lu3 < 0.7 then 'compensated' else 'defaulted' end
             else case when ${today} - df_on > 60 and lu3 < 0.5 then 'written_off' else 'defaulted' end end as bad_end,
        (bad and scheme is not null and ${today} - df_on > 10) as claimed
      from l4 offset 0
    ), l6 as (
      select l5.*,
        coalesce(bad_end, case when od_now then 'overdue' when mt then 'repaid' else 'active' end) as status,
        case when bad then od_m when od_now then me - 1 when mt then term else me end as pm
      from l5 offset 0
    )
    select l6.*, appr::bigint * 1000000 as principal,
      case when status = 'repaid' then 0
           when repay_method in ('equal_installment', 'equal_principal') then (appr::bigint * 1000000 * (term - pm)) / term
           else appr::bigint * 1000000 end as outstanding,
      case when status = 'repaid' then ${zoned('m_on', 570)} end as repaid_at,
      case when od_on is not null then ${zoned('od_on', 570)} end as od_at,
      case when bad then ${zoned('df_on', 570)} end as df_at,
      case when bad_end = 'written_off' then ${zoned('df_on + 60', 570)} end as wo_at,
      case when claimed then ${zoned('df_on + 10', 600)} end as filed_at,
      case when bad_end = 'compensated' then ${zoned('df_on + 40', 600)} end as approved_at,
      case when bad_end = 'compensated' then ${zoned('df_on + 55', 600)} end as paid_at,
      -- Enrolled (报项目) in the disbursement's transaction, as the app does (DESIGN §4: enrolment happens at disbursement).
      case when scheme is not null then ${ts('x_wm')} end as enrolled_at
    from l6`);
  // ---- pledges: approved IP-pledge applications (registered once the IP office has it) and the loans'
  await c.r.stage(`create temp table krt_plb as
    select a.k, ${uid(K.pledge, 'a.k')} as id, a.id as app_id, l.id as loan_id, a.officer, a.eid, a.iid, a.r_wm, a.d_wm,
      case when a.st = 'approved' then case when a.r_wm < ${NOW - 30} then 'registered' else 'pending_registration' end
           when l.status = 'repaid' then 'released' when l.status in ('compensated', 'written_off') then 'enforced' else 'registered' end as status,
      case when l.status = 'repaid' then l.repaid_at when l.status = 'compensated' then l.paid_at when l.status = 'written_off' then l.wo_at end as ended_at,
      a.ipc * ceil(a.amount / a.ltv / a.ipc)::bigint * 1000000 as value
    from krt_ab a left join krt_lb l on l.k = a.k
    where a.cat = 'ip_pledge' and a.st in ('approved', 'disbursed')`);

  // ---- the needs behind linked applications, and their matches
  const purpose = `case a.cat when 'equipment' then 'equipment'
      when 'ip_pledge' then case when a.un < 0.5 then 'rnd' else 'working_capital' end
      when 'guarantee' then case when a.un < 0.7 then 'working_capital' else 'project' end
      else case when a.un < 0.75 then 'working_capital' else 'rnd' end end`;
  const needEnd = `case a.need_st when 'fulfilled' then a.x_wm
      when 'withdrawn' then case when a.st = 'rejected' then least(a.rej_wm + ${DAY} + ${ui('a.k', 1040, 5 * DAY)}, ${NOW - 30})
                                 else least(a.w_wm + 10 + ${ui('a.k', 1040, 200)}, ${NOW - 30}) end
      else a.s_wm end`;
  await c.r.stage(`alter table krt_ab add column need_end bigint`);
  await c.r.stage(`update krt_ab a set need_end = ${needEnd} where a.linked`);
  await c.r.insert(
    'financing_needs',
    `insert into financing_needs (id, enterprise_id, amount_fen, term_months, purpose, guarantee_methods, max_rate_bp,
      wanted_by, description, status, first_institution_action_at, created_at, updated_at)
    select a.need_id, a.eid, a.amount::bigint * 1000000, a.term, p.purpose::need_purpose,
      (case when a.un2 < 0.3 and not ('credit' = any(a.gmethods)) then a.gmethods || 'credit'::text else a.gmethods end)::guarantee_method[],
      case when a.un2 >= 0.3 and a.un2 < 0.7 then null
           else a.rmax + (case when a.rtype = 'lpr_spread' then ${c.lprSql(dt('a.c_wm'))} else 0 end) + ${ui('a.k', 1041, 5)} * 10 end,
      ${dt('a.c_wm')} + 30 + ${ui('a.k', 1042, 90)},
      (${`jsonb_build_object(${Object.entries(PURPOSE_TEXT)
        .map(([k, v]) => `${q(k)}, ${q(v)}`)
        .join(', ')})`}) ->> p.purpose,
      a.need_st::need_status, case when a.src = 'institution' then ${ts('a.m_wm')} end, ${ts('a.c_wm')}, ${ts('a.need_end')}
    from krt_ab a cross join lateral (select ${purpose} as purpose) p
    where a.linked order by a.k`,
  );
  const reasons = (score: string) => `jsonb_build_array(
      jsonb_build_object('code', 'rate_fit', 'points', (${score}) * 4 / 10),
      jsonb_build_object('code', 'amount_headroom', 'points', (${score}) * 35 / 100),
      jsonb_build_object('code', 'response_time', 'points', (${score}) - (${score}) * 4 / 10 - (${score}) * 35 / 100))`;
  await c.r.insert(
    'matches',
    `insert into matches (id, need_id, product_id, source, score, reasons, status, created_by, created_at, updated_at)
    select ${uid(K.match, 'a.k * 4')}, a.need_id, a.pid, a.src::match_source, a.score, ${reasons('a.score')}, 'applied'::match_status,
      case a.src when 'institution' then a.officer when 'enterprise' then a.owner end, ${ts('a.m_wm')}, ${ts('a.s_wm')}
    from krt_ab a where a.linked
    union all
    select ${uid(K.match, 'a.k * 4 + 1')}, a.need_id, x.id, 'engine'::match_source, a.score - 12, ${reasons('a.score - 12')}, 'suggested'::match_status, null, ${ts('a.c_wm + 1')}, ${ts('a.c_wm + 1')}
    from krt_ab a
    join krt_pcc cc on cc.cat = a.cat
    join krt_pcs cs on cs.cat = a.cat and cs.slot = floor(${u('a.k', 1043)} * cc.n)::int
    join krt_p x on x.idx = cs.p
    where a.linked and ${u('a.k', 1044)} < 0.5 and x.idx <> a.p and x.pub < a.c_wm`,
  );

  // ---- IP offered for IP-pledge products: patents of the applicant, valued to cover the amount
  const g = '(2 * a.k + j)';
  const pat = patentSql(g);
  const filed = `make_date(${pat.year}, 1, 1) + ${ui(g, 1050, 360)}`;
  await c.r.insert(
    'ip_assets',
    `insert into ip_assets (id, enterprise_id, kind, number, title, owners, grant_date, expiry_date, in_force, fees_paid,
      valuation_fen, appraiser, valued_on, status, created_at, updated_at)
    select ${uid(K.ip, g)}, a.eid, ${pat.kind}::ip_kind, pg_temp.patent(${pat.digits}),
      case when ${pat.kind} = 'invention' then ${pickText(INVENTIONS, ui(g, 1051, INVENTIONS.length))} else ${pickText(UTILITY_MODELS, ui(g, 1051, UTILITY_MODELS.length))} end,
      array[pg_temp.ename(a.n)],
      least(${filed} + (case when ${pat.kind} = 'invention' then 480 + ${ui(g, 1052, 720)} else 150 + ${ui(g, 1052, 210)} end), ${dt('a.c_wm')} - 60),
      (${filed} + make_interval(years => case when ${pat.kind} = 'invention' then 20 else 10 end))::date,
      true, true, ceil(a.amount / a.ltv / a.ipc)::bigint * 1000000, ${pickText(APPRAISERS, ui(g, 1053, APPRAISERS.length))},
      ${dt('a.c_wm')} - (10 + ${ui(g, 1054, 30)}),
      (case when pl.status in ('pending_registration', 'registered') then 'pledged' else 'free' end)::ip_status,
      ${ts('a.c_wm')}, coalesce(pl.ended_at, ${ts('a.c_wm')})
    from krt_ab a cross join lateral generate_series(0, a.ipc - 1) j
    left join krt_plb pl on pl.k = a.k
    where a.ipc > 0`,
  );

  // ---- the applications and their timelines
  await c.r.insert(
    'applications',
    `insert into applications (id, enterprise_id, product_id, institution_id, need_id, amount_fen, term_months, status,
      approved_amount_fen, approved_rate_bp, approved_term_months, reject_reason, idempotency_key, request_hash,
      submitted_at, first_action_at, decided_at, disbursed_at, created_by, updated_at)
    select id, eid, pid, iid, need_id, amount::bigint * 1000000, term, st::application_status,
      appr::bigint * 1000000, rate, case when ever_approved then term end, reason, 'scale-' || k, md5('scale:' || k),
      ${ts('s_wm')}, ${ts('f_wm')}, ${ts('d_wm')}, ${ts('x_wm')}, owner, ${ts('last_wm')}
    from krt_ab order by k`,
  );
  await c.r.insert(
    'application_ip_assets',
    `insert into application_ip_assets (application_id, ip_asset_id)
    select a.id, ${uid(K.ip, g)} from krt_ab a cross join lateral generate_series(0, a.ipc - 1) j where a.ipc > 0`,
  );
  const steps = `(values
      (null::application_status, 'submitted'::application_status, a.s_wm, a.owner, 'enterprise', a.eid, 'submit', 'submitted',
        '申请' || a.amount || '万元，期限' || a.term || '个月'),
      ('submitted', 'accepted', a.acc_wm, a.officer, 'institution', a.iid, 'accept', 'accept', null),
      ('accepted', 'approved', a.appr_wm, a.officer, 'institution', a.iid, 'approve', 'approve',
        '授信' || a.appr || '万元，年利率' || to_char(a.rate / 100.0, 'FM990.00') || '%，期限' || a.term || '个月'),
      ('approved', 'disbursed', a.x_wm, a.officer, 'institution', a.iid, 'disburse', 'disburse', null),
      (a.rejfrom::application_status, 'rejected', a.rej_wm, a.officer, 'institution', a.iid, 'reject', 'reject', a.reason),
      (a.wfrom::application_status, 'withdrawn', a.w_wm, a.owner, 'enterprise', a.eid, 'withdraw', 'withdraw', null)
    ) v(from_st, to_st, wm, actor, role, org, action, reason_code, note)`;
  await c.r.insert(
    'application_events',
    `insert into application_events (application_id, actor_user_id, from_status, to_status, reason_code, note, at)
    select a.id, v.actor, v.from_st, v.to_st, v.reason_code, v.note, ${ts('v.wm')}
    from krt_ab a cross join lateral ${steps}
    where v.wm is not null order by a.k, v.wm`,
  );

  // ---- loans, pledges, enrolments, claims
  await c.r.insert(
    'loans',
    `insert into loans (id, application_id, enterprise_id, institution_id, product_id, principal_fen, annual_rate_bp, term_months,
      repayment_method, disbursed_on, matures_on, disbursed_at, status, outstanding_fen, created_at, updated_at)
    select id, app_id, eid, iid, pid, principal, rate, term, repay_method::repayment_method, d_on, m_on, ${ts('x_wm')}, status::loan_status, outstanding,
      ${ts('x_wm')}, greatest(${ts('x_wm')}, coalesce(paid_at, wo_at, df_at, od_at, repaid_at, ${ts('x_wm')}))
    from krt_lb order by k`,
  );
  await c.r.insert(
    'pledges',
    `insert into pledges (id, application_id, loan_id, registration_number, registered_on, pledged_value_fen, status, created_at, updated_at)
    select id, app_id, loan_id,
      case when status <> 'pending_registration' then 'Y' || extract(year from ${dt('r_wm')}) || '44' || lpad((k % 10000000)::text, 7, '0') end,
      case when status <> 'pending_registration' then ${dt('r_wm')} end,
      value, status::pledge_status, ${ts('d_wm')},
      coalesce(ended_at, case when status = 'registered' then ${ts('r_wm')} else ${ts('d_wm')} end)
    from krt_plb order by k`,
  );
  await c.r.insert(
    'pledge_assets',
    `insert into pledge_assets (pledge_id, ip_asset_id)
    select pl.id, ${uid(K.ip, '(2 * a.k + j)')} from krt_plb pl join krt_ab a on a.k = pl.k cross join lateral generate_series(0, a.ipc - 1) j`,
  );
  await c.r.insert(
    'scheme_enrolments',
    `insert into scheme_enrolments (id, scheme_id, loan_id, enrolled_at, enrolled_by)
    select ${uid(K.enrolment, 'k')}, scheme, id, enrolled_at, officer from krt_lb where scheme is not null order by k`,
  );
  await c.r.insert(
    'claims',
    `insert into claims (id, enrolment_id, loss_fen, compensation_fen, status, filed_by, filed_at, decided_by, decided_at, paid_at)
    select ${uid(K.claim, 'l.k')}, ${uid(K.enrolment, 'l.k')}, l.outstanding,
      least(l.outstanding * s.share_fund_bp / 10000, s.cap_per_loan_fen),
      (case when l.status = 'compensated' then 'paid' else 'filed' end)::claim_status, l.officer, l.filed_at,
      case when l.status = 'compensated' then ${admin} end, l.approved_at, l.paid_at
    from krt_lb l join risk_schemes s on s.id = l.scheme where l.claimed order by l.k`,
  );
  const paid = await c.r.query<{
    scheme: string;
    total: string;
  }>(`select l.scheme::text as scheme, sum(least(l.outstanding * s.share_fund_bp / 10000, s.cap_per_loan_fen))::text as total
    from krt_lb l join risk_schemes s on s.id = l.scheme where l.status = 'compensated' group by 1`);
  for (const p of paid) c.paidByScheme.set(p.scheme, (c.paidByScheme.get(p.scheme) ?? 0n) + BigInt(p.total));

  // ---- the audit trail of all of it
  const j = (pairs: string) => `jsonb_build_object(${pairs})`;
  await c.r.insert(
    'audit_events',
    `insert into audit_events ${AUDIT_COLS}
    select v.actor, v.role, v.org, 'application.' || v.action, 'application', a.id::text,
      case when v.from_st is not null then ${j(`'status', v.from_st`)} end,
      case v.action
        when 'submit' then ${j(`'id', a.id, 'status', 'submitted', 'enterpriseId', a.eid, 'productId', a.pid, 'institutionId', a.iid, 'needId', a.need_id, 'amountFen', (a.amount::bigint * 1000000)::text, 'termMonths', a.term`)}
        when 'approve' then ${j(`'status', 'approved', 'approvedAmountFen', (a.appr::bigint * 1000000)::text, 'approvedRateBp', a.rate, 'approvedTermMonths', a.term`)}
        when 'reject' then ${j(`'status', 'rejected', 'rejectReason', a.reason`)}
        else ${j(`'status', v.to_st`)} end,
      ${rid}, ${ts('v.wm')}
    from krt_ab a cross join lateral ${steps}
    where v.wm is not null
    union all
    select v.actor, v.role, v.org, v.action, v.entity, v.entity_id, v.before, v.after, ${rid}, ${ts('v.wm')}
    from krt_ab a cross join lateral (values
      (a.c_wm, a.owner, 'enterprise', a.eid, 'financing_need.create', 'financing_need', a.need_id::text, null::jsonb,
        ${j(`'id', a.need_id, 'status', 'open', 'amountFen', (a.amount::bigint * 1000000)::text, 'termMonths', a.term`)}),
      (case when a.src = 'institution' then a.m_wm end, a.officer, 'institution', a.iid, 'match.create', 'match', ${uid(K.match, 'a.k * 4')}::text, null::jsonb,
        ${j(`'needId', a.need_id, 'productId', a.pid, 'source', 'institution', 'status', 'contacted'`)}),
      (case when a.src = 'enterprise' then a.m_wm end, a.owner, 'enterprise', a.eid, 'match.create', 'match', ${uid(K.match, 'a.k * 4')}::text, null::jsonb,
        ${j(`'needId', a.need_id, 'productId', a.pid, 'source', 'enterprise', 'status', 'applied'`)}),
      (case when a.src <> 'enterprise' then a.s_wm end, a.owner, 'enterprise', a.eid, 'match.apply', 'match', ${uid(K.match, 'a.k * 4')}::text,
        ${j(`'status', case when a.src = 'institution' then 'contacted' else 'suggested' end`)}, '{"status":"applied"}'::jsonb),
      (a.s_wm, a.owner, 'enterprise', a.eid, 'financing_need.match', 'financing_need', a.need_id::text, '{"status":"open"}'::jsonb, '{"status":"matched"}'::jsonb),
      (case when a.need_st = 'fulfilled' then a.need_end end, a.officer, 'institution', a.iid, 'financing_need.fulfil', 'financing_need', a.need_id::text,
        '{"status":"matched"}'::jsonb, '{"status":"fulfilled"}'::jsonb),
      (case when a.need_st = 'withdrawn' then a.need_end end, a.owner, 'enterprise', a.eid, 'financing_need.withdraw', 'financing_need', a.need_id::text,
        '{"status":"matched"}'::jsonb, '{"status":"withdrawn"}'::jsonb),
      (case when a.wfrom = 'approved' and a.cat = 'ip_pledge' then a.w_wm end, a.owner, 'enterprise', a.eid, 'pledge.cancel', 'pledge', ${uid(K.pledge, 'a.k')}::text,
        '{"status":"pending_registration"}'::jsonb, '{"status":"released","removed":true}'::jsonb)
    ) v(wm, actor, role, org, action, entity, entity_id, before, after)
    where v.wm is not null and (a.linked or v.entity = 'pledge')
    union all
    select v.actor, v.role, v.org, v.action, v.entity, v.entity_id, v.before, v.after, ${rid}, v.at
    from krt_lb l cross join lateral (values
      (${ts('l.x_wm')}, l.officer, 'institution', l.iid, 'loan.create', 'loan', l.id::text, null::jsonb,
        ${j(`'id', l.id, 'applicationId', l.app_id, 'status', 'active', 'principalFen', l.principal::text, 'annualRateBp', l.rate, 'termMonths', l.term, 'disbursedOn', l.d_on, 'maturesOn', l.m_on`)}),
      (l.repaid_at, l.officer, 'institution', l.iid, 'loan.repay', 'loan', l.id::text, '{"status":"active"}'::jsonb, '{"status":"repaid"}'::jsonb),
      (l.od_at, l.officer, 'institution', l.iid, 'loan.mark_overdue', 'loan', l.id::text, '{"status":"active"}'::jsonb, '{"status":"overdue"}'::jsonb),
      (l.df_at, l.officer, 'institution', l.iid, 'loan.default', 'loan', l.id::text, '{"status":"overdue"}'::jsonb, '{"status":"defaulted"}'::jsonb),
      (l.paid_at, ${admin}, 'admin', null::uuid, 'loan.compensate', 'loan', l.id::text, '{"status":"defaulted"}'::jsonb, '{"status":"compensated"}'::jsonb),
      (l.wo_at, l.officer, 'institution', l.iid, 'loan.write_off', 'loan', l.id::text, '{"status":"defaulted"}'::jsonb, '{"status":"written_off"}'::jsonb),
      (l.filed_at, l.officer, 'institution', l.iid, 'claim.file', 'claim', ${uid(K.claim, 'l.k')}::text, null::jsonb,
        ${j(`'status', 'filed', 'lossFen', l.outstanding::text`)}),
      (l.approved_at, ${admin}, 'admin', null::uuid, 'claim.approve', 'claim', ${uid(K.claim, 'l.k')}::text, '{"status":"filed"}'::jsonb, '{"status":"approved"}'::jsonb),
      (l.paid_at, ${admin}, 'admin', null::uuid, 'claim.pay', 'claim', ${uid(K.claim, 'l.k')}::text, '{"status":"approved"}'::jsonb, '{"status":"paid"}'::jsonb)
    ) v(at, actor, role, org, action, entity, entity_id, before, after)
    where v.at is not null
    union all
    select v.actor, 'institution', pl.iid, v.action, 'pledge', pl.id::text, v.before, v.after, ${rid}, v.at
    from krt_plb pl cross join lateral (values
      (case when pl.status <> 'pending_registration' then ${ts('pl.r_wm')} end, pl.officer, 'pledge.register', '{"status":"pending_registration"}'::jsonb, '{"status":"registered"}'::jsonb),
      (case when pl.status = 'released' then pl.ended_at end, pl.officer, 'pledge.release', '{"status":"registered"}'::jsonb, '{"status":"released"}'::jsonb),
      (case when pl.status = 'enforced' then pl.ended_at end, pl.officer, 'pledge.enforce', '{"status":"registered"}'::jsonb, '{"status":"enforced"}'::jsonb)
    ) v(at, actor, action, before, after)
    where v.at is not null`,
  );
  c.r.advance(k1 - k0);
}
