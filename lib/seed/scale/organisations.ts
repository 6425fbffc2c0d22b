// Institutions (a few big banks, Zipf-like) with their officers, and their products, with the
// audit trail of every status change: the figures read institution and product status at the end
// of a period from it (db/queries/figures.ts stateAt).
import type { Ctx } from './context';
import { BANKS, CATEGORIES, CATEGORY, CITIES, GIVEN_NAMES, NON_BANK_WORDS, PRODUCT_PREFIXES, SURNAMES } from './vocab';
import { base31, DAY, intArray, K, NOW_WM, pickText, q, textArray, ts, u, ui, uid } from './sql';

const NOW = NOW_WM;

export async function institutions(c: Ctx): Promise<void> {
  const I = c.tier.institutions;
  const banks = Math.ceil(I * 0.8);
  const pendingFrom = I - Math.max(1, Math.floor(I / 20));
  const early = Math.max(3, Math.ceil(I / 4));
  await c.r.stage(`drop table if exists krt_i`);
  await c.r.stage(`create temp table krt_i as
    with i0 as (
      select r, power(r, -1.1) as w,
        case when r <= ${banks} then 'bank' when r % 2 = 0 then 'guarantee' else 'other' end as kind,
        (r - 1) % 20 as bank_i,
        case when r <= ${banks} then ((r - 1) / 20) % 20 else (r * 7) % 20 end as city_i,
        r % ${NON_BANK_WORDS.length} as word_i,
        case when r > ${pendingFrom} and r > 3 then 'pending'
             when r > 5 and ${u('r', 101)} < 0.08 then 'suspended'
             when r > 5 and ${u('r', 101)} < 0.14 then 'reactivated'
             else 'active' end as st0,
        (r * 387420489::bigint + 5555) % 887503681 as pm
      from generate_series(1::bigint, ${I}) r
    ), i1 as (
      select i0.*,
        (case when st0 = 'pending' then 505 + ${ui('r', 102, 13)}
              when r <= ${early} then ${ui('r', 102, 20)}
              else 20 + floor(460.0 * r / ${I} * (0.6 + 0.4 * ${u('r', 103)}))::int end) * ${DAY} + ${ui('r', 104, DAY)} as joined
      from i0 offset 0
    ), i2 as (
      select i1.*, case when st0 <> 'pending' then joined + 60 + ${ui('r', 105, 1440)} end as activated from i1 offset 0
    ), i3 as (
      select i2.*,
        case when st0 = 'reactivated' and activated < ${NOW - 45 * DAY} then 'reactivated'
             when st0 = 'reactivated' then 'active' else st0 end as st
      from i2 offset 0
    ), i4 as (
      select i3.*,
        case when st = 'suspended' then least(activated + greatest(${20 * DAY}, floor((${NOW} - activated) * (0.4 + 0.5 * ${u('r', 106)}))::int), ${NOW - DAY})
             when st = 'reactivated' then activated + ${5 * DAY} + ${ui('r', 106, 15 * DAY)} end as susp
      from i3 offset 0
    ), i5 as (
      select i4.*, case when st = 'reactivated' then susp + ${5 * DAY} + ${ui('r', 107, 15 * DAY)} end as react from i4 offset 0
    )
    select r as idx, ${uid(K.institution, 'r')} as id, w, kind, st, (case when st = 'reactivated' then 'active' else st end) as status,
      case when kind = 'bank' then ${pickText(
        BANKS.map((b) => b[0]),
        'bank_i',
      )} || ${pickText(
        CITIES.map((x) => x[0]),
        'city_i',
      )} || '分行'
           when kind = 'guarantee' then ${pickText(
             CITIES.map((x) => x[0]),
             'city_i',
           )} || '市' || ${pickText(NON_BANK_WORDS, 'word_i')} || '融资担保有限公司'
           else ${pickText(
             CITIES.map((x) => x[0]),
             'city_i',
           )} || '市' || ${pickText(NON_BANK_WORDS, 'word_i')} || '科技小额贷款有限公司' end as name,
      case when kind = 'bank' then ${pickText(
        BANKS.map((b) => b[1]),
        'bank_i',
      )} else ${pickText(NON_BANK_WORDS, 'word_i')} end as short,
      pg_temp.uscc('91' || ${pickText(
        CITIES.map((x) => x[1]),
        'city_i',
      )} || 'MAD' || ${base31('pm', 6)}) as uscc,
      ${pickText(SURNAMES, ui('r', 108, SURNAMES.length))} || ${pickText(GIVEN_NAMES, ui('r', 109, GIVEN_NAMES.length))} as contact_name,
      ${pickText(
        CITIES.map((x) => x[2]),
        'city_i',
      )} || '-' || (80000000 + ${ui('r', 110, 9999999)})::text as contact_phone,
      joined, activated, susp, react,
      2 + ${ui('r', 111, 22)} as resp,
      case when st = 'pending' then 1 else 1 + floor(19 * w)::int end as officers,
      ${uid(K.instUser, 'r * 1000')} as owner
    from i5`);
  await c.r.stage(`analyze krt_i`);

  await c.r.insert(
    'institutions',
    `insert into institutions (id, name, kind, uscc, contact_name, contact_phone, contact_email, status, created_at, updated_at)
    select id, name, kind::institution_kind, uscc, contact_name, contact_phone, 'kjjr@i' || idx || '.scale.example', status::institution_status,
      ${ts('joined')}, ${ts('coalesce(react, susp, activated, joined)')}
    from krt_i order by idx`,
  );
  await c.r.insert(
    'users',
    `insert into users (id, name, email, password_hash, role, institution_id, member_role, status, created_at, updated_at)
    select ${uid(K.instUser, 'i.idx * 1000 + j')},
      ${pickText(SURNAMES, ui('i.idx * 1000 + j', 112, SURNAMES.length))} || ${pickText(GIVEN_NAMES, ui('i.idx * 1000 + j', 113, GIVEN_NAMES.length))},
      'i' || i.idx || '.u' || j || '@scale.kerongtong.example', ${q(c.passwordHash)}, 'institution', i.id,
      (case when j = 0 then 'owner' else 'officer' end)::member_role, 'active',
      ${ts('case when j = 0 then i.joined else i.activated + 10 + 7 * j end')}, ${ts('case when j = 0 then i.joined else i.activated + 10 + 7 * j end')}
    from krt_i i, generate_series(0, i.officers - 1) j order by i.idx, j`,
  );
  const rid = q(c.requestId);
  await c.r.insert(
    'audit_events',
    `insert into audit_events (actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)
    select v.actor, v.role, v.org, v.action, v.entity, v.entity_id, v.before, v.after, ${rid}, ${ts('v.wm')}
    from krt_i i cross join lateral (values
      (i.joined, i.owner, 'institution', i.id, 'institution.register', 'institution', i.id::text, null::jsonb,
        jsonb_build_object('id', i.id, 'name', i.name, 'kind', i.kind, 'uscc', i.uscc, 'status', 'pending')),
      (i.activated, ${q(c.adminId)}::uuid, 'admin', null::uuid, 'institution.approve', 'institution', i.id::text, '{"status":"pending"}'::jsonb, '{"status":"active"}'::jsonb),
      (i.susp, ${q(c.adminId)}::uuid, 'admin', null::uuid, 'institution.suspend', 'institution', i.id::text, '{"status":"active"}'::jsonb, '{"status":"suspended"}'::jsonb),
      (i.react, ${q(c.adminId)}::uuid, 'admin', null::uuid, 'institution.reactivate', 'institution', i.id::text, '{"status":"suspended"}'::jsonb, '{"status":"active"}'::jsonb)
    ) v(wm, actor, role, org, action, entity, entity_id, before, after)
    where v.wm is not null
    union all
    select i.owner, 'institution', i.id, 'user.invite', 'user', ${uid(K.instUser, 'i.idx * 1000 + j')}::text, null,
      jsonb_build_object('email', 'i' || i.idx || '.u' || j || '@scale.kerongtong.example', 'memberRole', 'officer'), ${rid}, ${ts('i.activated + 10 + 7 * j')}
    from krt_i i, generate_series(1, i.officers - 1) j`,
  );
  // Zipf slots: products go to institutions by weight.
  await c.r.stage(`drop table if exists krt_is`);
  await c.r.stage(`create temp table krt_is as
    select (row_number() over (order by idx, g) - 1)::int as slot, idx
    from krt_i, generate_series(1, greatest(1, round(10000 * w / (select sum(w) from krt_i)))::int) g`);
  await c.r.stage(`create unique index on krt_is (slot)`);
  await c.r.stage(`analyze krt_is`);
  c.r.advance(I);
}

export async function products(c: Ctx): Promise<void> {
  const P = c.tier.products;
  const nsi = (await c.r.query<{ n: number }>(`select count(*)::int as n from krt_is`))[0].n;
  const bankCats = CATEGORIES.flatMap((cat) => Array<string>(CATEGORY[cat].weight / 20).fill(cat));
  const parkCase = `case ${[...new Set(c.slotPark.map((p) => p.id))]
    .map((id) => `when pk = ${id} then ${intArray(c.slotPark.flatMap((p, i) => (p.id === id ? [i] : [])))}`)
    .join(' ')} else '{}'::int[] end`;
  const catArr = (f: (cat: (typeof CATEGORIES)[number]) => string) => `(case cat ${CATEGORIES.map((cat) => `when '${cat}' then ${f(cat)}`).join(' ')} end)`;
  const termPairs = (cat: (typeof CATEGORIES)[number]) => CATEGORY[cat].terms;
  const ip = c.schemeFor.ip_pledge;
  const gf = c.schemeFor.guarantee;
  await c.r.stage(`drop table if exists krt_p`);
  await c.r.stage(`create temp table krt_p as
    with p0 as (
      select p, case when p <= 3 then least(p, ${c.tier.institutions}) else s.idx end as inst,
        ${u('p', 202)} as uc, ${u('p', 203)} as us, ${u('p', 204)} as ut
      from generate_series(1::bigint, ${P}) p
      left join krt_is s on s.slot = ${ui('p', 201, nsi)}
    ), p1 as (
      select p0.*, i.id as iid, i.kind, i.st as ist, i.short, i.joined, i.activated, i.susp, i.react, i.resp, i.officers, i.owner,
        case when p0.p <= 3 then (${textArray(['credit', 'ip_pledge', 'points'])})[p0.p]
             when i.kind = 'guarantee' then 'guarantee'
             when i.kind = 'other' then (${textArray(['credit', 'equipment', 'other'])})[1 + floor(uc * 3)::int]
             else (${textArray(bankCats)})[1 + floor(uc * ${bankCats.length})::int] end as cat
      from p0 join krt_i i on i.idx = p0.inst offset 0
    ), p2 as (
      select p1.*,
        case when ist = 'pending' then 'draft'
             when ist = 'suspended' then case when us < 0.9 then 'isusp' else 'draft' end
             when p <= 3 then 'published'
             when us < 0.82 then 'published' when us < 0.88 then 'draft' when us < 0.93 then 'suspended'
             when us < 0.97 then 'archived' else 'discarded' end as pst,
        greatest(case when ist = 'pending' then joined when ist = 'reactivated' then react else activated end,
          case when cat = 'ip_pledge' then ${ip?.minWm ?? 0} when cat = 'guarantee' then ${gf?.minWm ?? 0} else 0 end) as base
      from p1 offset 0
    ), p3 as (
      select p2.*,
        case when p <= 3 then base + 60 + ${ui('p', 205, 2 * DAY)}
             when ist = 'pending' then base + 1 + floor(${u('p', 205)} * (${NOW} - 60 - base - 1))::int
             when ist = 'suspended' then base + 60 + floor((susp - ${3 * DAY} - base) * power(${u('p', 205)}, 2.5))::int
             else base + 60 + floor((${NOW - 8 * DAY} - base) * power(${u('p', 205)}, 2.5))::int end as created
      from p2 offset 0
    ), p4 as (
      select p3.*,
        case when pst in ('published', 'suspended', 'archived') then created + 60 + ${ui('p', 206, 4 * DAY)}
             when pst = 'isusp' then created + 60 + ${ui('p', 206, 2 * DAY)} end as pub
      from p3 offset 0
    ), p5 as (
      select p4.*,
        case when pst in ('suspended', 'archived') then pub + 1 + floor((${NOW - 2 * DAY} - pub) * (0.3 + 0.6 * ${u('p', 207)}))::int
             when pst = 'isusp' then susp + 5 end as psusp
      from p4 offset 0
    ), p6 as (
      select p5.*,
        case when pst = 'archived' then psusp + 60 + floor((${NOW} - psusp - 120) * ${u('p', 208)})::int
             when pst = 'discarded' then created + 60 + floor((${NOW} - created - 120) * ${u('p', 208)})::int end as parch,
        (${textArray(['10', '20', '30', '50', '100'])})[1 + ${ui('p', 209, 5)}]::int as amin,
        ${ui('p', 211, 3)} as term_i,
        case when p > 3 and ${u('p', 212)} < 0.15 then (${intArray(c.slotPark.map((x) => x.id))})[1 + ${ui('p', 213, 20)}] end as pk,
        (cat <> 'ip_pledge' and ${u('p', 214)} < 0.15) as lpr
      from p5 offset 0
    ), p7 as (
      select p6.*,
        ${catArr((cat) => intArray(termPairs(cat).map((t) => t[0])))}[1 + term_i] as tmin,
        ${catArr((cat) => intArray(termPairs(cat).map((t) => t[1])))}[1 + term_i] as tmax,
        greatest(amin * 3, ${`pg_temp.nice_wan(least(greatest(exp(ln(1000) + 0.8 * sqrt(-2 * ln(greatest(${u('p', 215)}, 1e-12))) * cos(2 * pi() * ${u('p', 216)})), 300), case when cat = 'ip_pledge' then 3000 else 5000 end))`}) as amax,
        case when lpr then ${ui('p', 217, 16)} * 10 else 280 + ${ui('p', 217, 18)} * 10 end as rmin
      from p6 offset 0
    )
    select p as idx, ${uid(K.product, 'p')} as id, inst, iid, cat, pst,
      case pst when 'isusp' then 'suspended' when 'discarded' then 'archived' else pst end as status,
      short || (${textArray(PRODUCT_PREFIXES)})[1 + ${ui('p', 218, PRODUCT_PREFIXES.length)}] || ${catArr((cat) => q(CATEGORY[cat].name))} as name,
      ${catArr((cat) => q(CATEGORY[cat].summary))} as summary,
      created, pub, psusp, parch, amin, amax, tmin, tmax,
      array(select t from unnest('{3,6,12,18,24,36,48,60}'::int[]) t where t between tmin and tmax) as terms,
      case when lpr then 'lpr_spread' else 'fixed' end as rtype, rmin,
      least(3600, rmin + case when lpr then 100 + ${ui('p', 219, 20)} * 10 else 50 + ${ui('p', 219, 35)} * 10 end) as rmax,
      ${ui('p', 220, 6)} * 10 as fee,
      ${catArr((cat) => textArray(CATEGORY[cat].guarantee))} as gmethods,
      ${catArr((cat) => textArray(CATEGORY[cat].repayment))} as repay,
      ${catArr((cat) => textArray(CATEGORY[cat].documents))} as docs,
      case when pk is null then '{}'::int[] else array[pk] end as parks,
      case when pk is null then '{}'::int[] else ${parkCase} end as pslots,
      (p > 3 and ${u('p', 221)} < 0.1) as exclusive,
      case cat when 'ip_pledge' then ${ip ? `${q(ip.id)}::uuid` : 'null::uuid'} when 'guarantee' then ${gf ? `${q(gf.id)}::uuid` : 'null::uuid'} end as scheme,
      resp, officers, owner, 0.2 + 1.6 * ${u('p', 222)} as w, ist
    from p7`);
  await c.r.stage(`create unique index on krt_p (idx)`);
  await c.r.stage(`analyze krt_p`);

  await c.r.insert(
    'products',
    `insert into products (id, institution_id, name, category, summary, description, amount_min_fen, amount_max_fen,
      term_min_months, term_max_months, rate_type, rate_min_bp, rate_max_bp, fee_bp, subsidy_bp, guarantee_methods, repayment_methods,
      eligible_park_ids, zone_exclusive, required_documents, scheme_id, status, published_at, created_at, updated_at)
    select id, iid, name, cat, summary,
      summary || '额度' || amin || '万元至' || amax || '万元，期限' || tmin || '至' || tmax || '个月。',
      amin::bigint * 1000000, amax::bigint * 1000000, tmin, tmax, rtype::rate_type, rmin, rmax, fee,
      case when exclusive then 50 + ${ui('idx', 223, 11)} * 10 else 0 end,
      gmethods::guarantee_method[], repay::repayment_method[], parks, exclusive, docs, scheme, status::product_status,
      ${ts('pub')}, ${ts('created')}, ${ts('coalesce(parch, psusp, pub, created)')}
    from krt_p order by idx`,
  );
  const rid = q(c.requestId);
  const admin = `${q(c.adminId)}::uuid`;
  await c.r.insert(
    'audit_events',
    `insert into audit_events (actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)
    select v.actor, v.role, v.org, v.action, 'product', p.id::text, v.before, v.after, ${rid}, ${ts('v.wm')}
    from krt_p p cross join lateral (values
      (p.created, p.owner, 'institution', p.iid, 'product.create', null::jsonb,
        jsonb_build_object('id', p.id, 'name', p.name, 'category', p.cat, 'status', 'draft')),
      (p.pub, p.owner, 'institution', p.iid, 'product.publish', '{"status":"draft"}'::jsonb, '{"status":"published"}'::jsonb),
      (p.psusp, case when p.pst = 'isusp' then ${admin} else p.owner end, case when p.pst = 'isusp' then 'admin' else 'institution' end,
        case when p.pst = 'isusp' then null else p.iid end, 'product.suspend', '{"status":"published"}'::jsonb, '{"status":"suspended"}'::jsonb),
      (p.parch, p.owner, 'institution', p.iid, 'product.archive',
        case when p.pst = 'discarded' then '{"status":"draft"}'::jsonb else '{"status":"suspended"}'::jsonb end, '{"status":"archived"}'::jsonb)
    ) v(wm, actor, role, org, action, before, after)
    where v.wm is not null`,
  );

  // Application slots: published products of active institutions (a big bank has more of them, so
  // more applications), each with a weight of its own; the
  // early ones (published in the first 100 working days) are the fallback when a product was
  // published too late for an application's window; and per category, for the engine's picks.
  await c.r.stage(`drop table if exists krt_ps, krt_pse, krt_pcs, krt_pcc`);
  const slots = Math.max(10_000, 20 * P);
  await c.r.stage(`create temp table krt_ps as
    select (row_number() over (order by idx, g) - 1)::int as slot, idx as p
    from krt_p, generate_series(1, greatest(1, round(${slots} * w / (select sum(w) from krt_p where status = 'published' and ist in ('active', 'reactivated'))))::int) g
    where status = 'published' and ist in ('active', 'reactivated')`);
  await c.r.stage(`create temp table krt_pse as
    select (row_number() over (order by idx, g) - 1)::int as slot, idx as p
    from krt_p, generate_series(1, greatest(1, round(20 * w))::int) g
    where status = 'published' and ist in ('active', 'reactivated')
      and pub <= greatest(${100 * DAY}, (select min(pub) from krt_p where status = 'published' and ist in ('active', 'reactivated')))`);
  await c.r.stage(`create temp table krt_pcs as
    select k.cat, (row_number() over (partition by k.cat order by s.slot) - 1)::int as slot, s.p
    from krt_ps s join krt_p k on k.idx = s.p`);
  await c.r.stage(`create temp table krt_pcc as select cat, count(*)::int as n from krt_pcs group by cat`);
  for (const t of ['krt_ps', 'krt_pse']) await c.r.stage(`create unique index on ${t} (slot)`);
  await c.r.stage(`create unique index on krt_pcs (cat, slot)`);
  for (const t of ['krt_ps', 'krt_pse', 'krt_pcs', 'krt_pcc']) await c.r.stage(`analyze ${t}`);
  c.r.advance(P);
}
