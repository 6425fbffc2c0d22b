// Enterprises, their users and IP assets. Enterprise n (1-based) registers on a working day that
// grows with n (a launch wave, then a steady stream; the last 1 % register in the final days and
// wait for verification), so "the enterprises verified before day d" is a prefix 1..N(d) and later
// phases pick a verified enterprise with one random number. Ids, names and codes are permuted
// from n, so the order does not show.
import { createdDaySql, type Ctx } from './context';
import {
  APPRAISERS,
  GIVEN_NAMES,
  ENTERPRISE_REJECT_NOTE,
  INVENTIONS,
  SOFTWARE_TITLES,
  SUFFIXES,
  SURNAMES,
  TRADE_CHARS,
  TRADEMARK_CLASSES,
  UTILITY_MODELS,
} from './vocab';
import { base31, DAY, K, lognormalWan, pickText, q, textArray, ts, u, ui, uid, dt } from './sql';

const T = TRADE_CHARS.length;
const NAME_SPACE = T * T * T * SUFFIXES.length;

/**
 * Enterprise name of number n: m = (7919·n + 104729) mod (48³·26) is a bijection, m mod 26 the line
 * of business and m div 26 the three characters of the trade name, so no two names are alike.
 */
export function enterpriseNameFunctionSql(slotDistrict: string[]): string {
  return `create or replace function pg_temp.ename(n bigint) returns text language sql immutable parallel safe as
    $$ select '佛山市' || ${pickText(slotDistrict, '((n - 1) % 20)::int')} || pg_temp.etrade(n)
         || ${pickText(
           SUFFIXES.map((s) => s.suffix),
           `(m % ${SUFFIXES.length})::int`,
         )} || '有限公司'
       from (select (n * 7919 + 104729) % ${NAME_SPACE} as m) x $$`;
}

export function tradeFunctionSql(): string {
  const c = (e: string) => `substr(${q(TRADE_CHARS.join(''))}, (${e})::int + 1, 1)`;
  return `create or replace function pg_temp.etrade(n bigint) returns text language sql immutable parallel safe as
    $$ select ${c(`t % ${T}`)} || ${c(`(t / ${T}) % ${T}`)} || ${c(`(t / ${T * T}) % ${T}`)}
       from (select (n * 7919 + 104729) % ${NAME_SPACE} / ${SUFFIXES.length} as t) x $$`;
}

/** Chinese patent number of global asset number g: (type, filing year, serial) is a bijection of g. */
export function patentSql(g: string): { digits: string; kind: string; year: string } {
  const off = `(${g} % 11)`;
  const year = `(case when ${off} < 9 then 2012 + ${off} else 2013 + ${off} end)::int`;
  const serial = `(4000000 + ((${g} / 11) * 7919 + 12345) % 6000000)`;
  return {
    digits: `${year}::text || (case when ${off} < 9 then '1' else '2' end) || lpad(${serial}::text, 7, '0')`,
    kind: `(case when ${off} < 9 then 'invention' else 'utility_model' end)`,
    year,
  };
}

export async function enterprises(c: Ctx, from: number, to: number): Promise<void> {
  const E = c.tier.enterprises;
  const eh = c.eh;
  const A = c.tier.applications;
  const parkIds = c.slotPark.map((p) => p.id);
  const districts = c.slotPark.map((p) => p.districtCode);
  const rid = q(c.requestId);
  const admin = `${q(c.adminId)}::uuid`;
  await c.r.stage(`drop table if exists krt_e`);
  await c.r.stage(`create temp table krt_e as
    with e0 as (
      select n, ((n - 1) % 20)::int as slot, (n * 387420489::bigint + 77777) % 887503681 as pm,
        (case when n > ${eh} then 511 + floor((n - ${eh} - 1) * 8.0 / ${Math.max(1, E - eh)})::int else ${createdDaySql('n', eh)} end) * ${DAY} + ${ui('n', 301, DAY)} as created,
        case when n > ${eh} then 'unverified' when (n - 1) % 40 = 39 then 'rejected' else 'verified' end as vst,
        ((n * 7919 + 104729) % ${NAME_SPACE}) % ${SUFFIXES.length} as sfx
      from generate_series(${from}::bigint, ${to}) n
    ), e1 as (
      select e0.*, case when vst <> 'unverified' then created + 30 + ${ui('n', 302, 1500)} end as verified from e0 offset 0
    )
    select n, ${uid(K.enterprise, 'n')} as id, ${uid(K.entOwner, 'n')} as owner, created, verified, vst,
      case when vst = 'rejected' and ((n - 1) / 40) % 2 = 0 then verified + ${DAY} + ${ui('n', 303, 5 * DAY)} end as disabled,
      case when vst = 'verified' and n % 10 = 3 then verified + 60 + ${ui('n', 304, 2 * DAY)} end as officer_at,
      (${`ARRAY[${parkIds.join(',')}]::int[]`})[slot + 1] as park_id,
      pg_temp.ename(n) as name, pg_temp.etrade(n) as trade,
      pg_temp.uscc('91' || ${pickText(districts, 'slot')} || 'MAC' || ${base31('pm', 6)}) as uscc,
      (${textArray(SUFFIXES.map((s) => s.industry))})[sfx + 1] as industry,
      ${pickText(SURNAMES, ui('n', 305, SURNAMES.length))} || ${pickText(GIVEN_NAMES, ui('n', 306, GIVEN_NAMES.length))} as owner_name,
      ${dt('created')} - (30 + floor(exp(${u('n', 307)} * ln(9000))))::int as founded,
      ${lognormalWan('n', 308, 500, 1.0, 10, 100000)} as capital,
      least(5000, greatest(3, round(exp(ln(60) + 1.0 * sqrt(-2 * ln(greatest(${u('n', 310)}, 1e-12))) * cos(2 * pi() * ${u('n', 311)})))))::int as employees,
      ${u('n', 312)} as ur, ${u('n', 313)} as ud, ${u('n', 316)} as ux
    from e1`);
  await c.r.insert(
    'enterprises',
    `insert into enterprises (id, uscc, name, park_id, industry, founded_on, registered_capital_fen, employees,
      revenue_fen, rnd_expense_fen, verification_status, verification_note, verified_at, verified_by, created_at, updated_at)
    select id, uscc, name, park_id, industry, founded, capital::bigint * 1000000, employees,
      rev * 10000, (rev * (0.02 + 0.13 * ux))::bigint * 10000,
      vst::verification_status, case when vst = 'rejected' then ${q(ENTERPRISE_REJECT_NOTE)} end,
      ${ts('verified')}, case when verified is not null then ${admin} end, ${ts('created')}, ${ts('coalesce(verified, created)')}
    from (select e.*, (employees * exp(ln(60) + 0.5 * sqrt(-2 * ln(greatest(ur, 1e-12))) * cos(2 * pi() * ud)))::bigint * 100 as rev from krt_e e) x
    order by n`,
  );
  await c.r.insert(
    'users',
    `insert into users (id, name, email, password_hash, role, enterprise_id, member_role, status, created_at, updated_at)
    select owner, owner_name, 'e' || n || '@scale.kerongtong.example', ${q(c.passwordHash)}, 'enterprise'::user_role, id, 'owner'::member_role,
      (case when disabled is null then 'active' else 'disabled' end)::user_status, ${ts('created')}, ${ts('coalesce(disabled, created)')}
    from krt_e
    union all
    select ${uid(K.entOfficer, 'n')}, ${pickText(SURNAMES, ui('n', 314, SURNAMES.length))} || ${pickText(GIVEN_NAMES, ui('n', 315, GIVEN_NAMES.length))},
      'e' || n || '.o1@scale.kerongtong.example', ${q(c.passwordHash)}, 'enterprise'::user_role, id, 'officer'::member_role, 'active'::user_status, ${ts('officer_at')}, ${ts('officer_at')}
    from krt_e where officer_at is not null`,
  );
  await c.r.insert(
    'audit_events',
    `insert into audit_events (actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)
    select v.actor, v.role, v.org, v.action, v.entity, v.entity_id, v.before, v.after, ${rid}, ${ts('v.wm')}
    from krt_e e cross join lateral (values
      (e.created, e.owner, 'enterprise', e.id, 'enterprise.register', 'enterprise', e.id::text, null::jsonb,
        jsonb_build_object('id', e.id, 'uscc', e.uscc, 'name', e.name, 'parkId', e.park_id, 'verificationStatus', 'unverified')),
      (e.verified, ${admin}, 'admin', null::uuid, case when e.vst = 'rejected' then 'enterprise.reject' else 'enterprise.verify' end, 'enterprise', e.id::text,
        '{"verificationStatus":"unverified"}'::jsonb, jsonb_build_object('verificationStatus', e.vst)),
      (e.disabled, ${admin}, 'admin', null::uuid, 'user.disable', 'user', e.owner::text, '{"status":"active"}'::jsonb, '{"status":"disabled"}'::jsonb),
      (e.officer_at, e.owner, 'enterprise', e.id, 'user.invite', 'user', ${uid(K.entOfficer, 'e.n')}::text, null::jsonb,
        jsonb_build_object('email', 'e' || e.n || '.o1@scale.kerongtong.example', 'memberRole', 'officer'))
    ) v(wm, actor, role, org, action, entity, entity_id, before, after)
    where v.wm is not null`,
  );
  // IP the enterprise holds (not pledged): up to a patent, a trademark and a software copyright.
  const g = `(${2 * A}::bigint + 3 * (e.n - 1))`;
  const pat = patentSql(g);
  const filed = `make_date(${pat.year}, 1, 1) + ${ui('e.n', 320, 360)}`;
  await c.r.insert(
    'ip_assets',
    `insert into ip_assets (id, enterprise_id, kind, number, title, owners, grant_date, expiry_date, in_force, fees_paid,
      valuation_fen, appraiser, valued_on, status, created_at, updated_at)
    select ${uid(K.ip, `${g} + j`)}, e.id, x.kind::ip_kind, x.number, x.title, array[e.name], x.granted, x.expiry, true, true,
      case when x.valued then ${lognormalWan('e.n * 3 + j', 330, 300, 0.9, 50, 3000)}::bigint * 1000000 end,
      case when x.valued then ${pickText(APPRAISERS, ui('e.n * 3 + j', 332, APPRAISERS.length))} end,
      case when x.valued then ${dt('e.verified')} - ${ui('e.n * 3 + j', 333, 60)} end,
      'free', ${ts('e.verified + 30 + j * 7')}, ${ts('e.verified + 30 + j * 7')}
    from krt_e e cross join lateral generate_series(0, ${ui('e.n', 321, 4)} - 1) j
    cross join lateral (select
      case j when 0 then ${pat.kind} when 1 then 'trademark' else 'software_copyright' end as kind,
      case j when 0 then pg_temp.patent(${pat.digits})
             when 1 then '第' || (80000000 + e.n) || '号'
             else to_char(${dt('e.verified')} - (30 + ${ui('e.n', 328, 900)}), 'YYYY') || 'SR' || lpad((2000000 + e.n)::text, 7, '0') end as number,
      case j when 0 then case when ${pat.kind} = 'invention' then ${pickText(INVENTIONS, ui('e.n', 323, INVENTIONS.length))} else ${pickText(UTILITY_MODELS, ui('e.n', 323, UTILITY_MODELS.length))} end
             when 1 then e.trade || '（第' || ${pickText(TRADEMARK_CLASSES.map(String), ui('e.n', 324, TRADEMARK_CLASSES.length))} || '类）'
             else e.trade || ${pickText(SOFTWARE_TITLES, ui('e.n', 325, SOFTWARE_TITLES.length))} || 'V1.0' end as title,
      case j when 0 then least(${filed} + (case when ${pat.kind} = 'invention' then 480 + ${ui('e.n', 326, 720)} else 150 + ${ui('e.n', 326, 210)} end), ${dt('e.verified')} - 30)
             when 1 then ${dt('e.verified')} - (365 + ${ui('e.n', 327, 2600)})
             else ${dt('e.verified')} - (30 + ${ui('e.n', 328, 900)}) end as granted,
      case j when 0 then (${filed} + make_interval(years => case when ${pat.kind} = 'invention' then 20 else 10 end))::date
             when 1 then (${dt('e.verified')} - (365 + ${ui('e.n', 327, 2600)}) + interval '20 years' - interval '1 day')::date
             else make_date(extract(year from ${dt('e.verified')} - (30 + ${ui('e.n', 328, 900)}))::int + 50, 12, 31) end as expiry,
      (j < 2 and ${u('e.n * 3 + j', 329)} < 0.3) as valued
    ) x
    where e.vst = 'verified'`,
  );
  c.r.advance(to - from + 1);
}
