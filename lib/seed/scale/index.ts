// Scale data for performance work (issue 10): `seedScale(db, 'S' | 'M' | 'L')` adds a tier's rows
// on top of the demo data, through the same schema, triggers and constraints the app uses. Every
// row comes from set-based INSERT … SELECT over generate_series, in batches, on one connection and
// in one transaction (a failed load leaves nothing behind); same tier → same rows.
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { DEMO_PASSWORD } from '../data/accounts';
import { applications, type SlotCounts } from './applications';
import { lowestSubmission, lprCase, parkSlots, type Ctx, type ParkRow, type SchemeRow } from './context';
import { enterpriseNameFunctionSql, enterprises, tradeFunctionSql } from './enterprises';
import { standaloneNeeds, standaloneRange } from './needs';
import { BULK_TABLES, restoreIndexes, setIndexesAside } from './indexes';
import { institutions, products } from './organisations';
import { isTimeOnly, Runner, type RunnerOptions, type TableStat } from './runner';
import { DAY, functionsSql, K, q, ts, uid, workdayOf, zoned } from './sql';
import { tierOf, type Tier, type TierName } from './tiers';

export { TIERS, type TierName } from './tiers';

export const SCALE_MARKER = 'scale.tier';
/** USCCs of generated organisations: 91 + district + MA + C (enterprises) or D (institutions). */
export const SCALE_USCC_PATTERN = '^91[0-9]{6}MA[CD]';

export interface ScaleResult {
  tier: TierName;
  seconds: number;
  rows: number;
  tables: TableStat[];
  summary: string[];
}

// argon2id of the demo password under a fixed salt: the same hash on every run.
const SALT = Buffer.from('krt-scale-seed-v1');
async function passwordHash(): Promise<string> {
  return hash(DEMO_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1, salt: SALT });
}

export async function seedScale(db: Db, tierName: string, opts: RunnerOptions = {}): Promise<ScaleResult> {
  const tier = tierOf(tierName);
  const pw = await passwordHash();
  const units = tier.institutions + tier.products + tier.enterprises + tier.applications + tier.needs;
  let result: ScaleResult | undefined;
  await db.transaction(async (tx) => {
    const r = new Runner(tx, units, opts);
    await r.exec(`set local statement_timeout = 0`);
    await r.exec(`set local work_mem = '64MB'`);
    // generate_series per row makes the planner guess huge costs and JIT-compile for seconds.
    await r.exec(`set local jit = off`);
    await r.exec(`set local maintenance_work_mem = '512MB'`);
    const c = await context(r, tier, pw);
    const setAside = await setIndexesAside(r);
    for (const f of functionsSql()) await r.exec(f);
    await r.exec(tradeFunctionSql());
    await r.exec(enterpriseNameFunctionSql(c.slotDistrict));

    r.setPhase('institutions');
    await institutions(c);
    r.setPhase('products');
    await products(c);
    const [{ nsp }] = await r.query<{ nsp: number }>(`select count(*)::int as nsp from krt_ps`);
    const [{ nspe }] = await r.query<{ nspe: number }>(`select count(*)::int as nspe from krt_pse`);
    const slots: SlotCounts = { nsp, nspe };

    r.setPhase('enterprises');
    for (let n = 1; n <= tier.enterprises; n += tier.batch) await enterprises(c, n, Math.min(tier.enterprises, n + tier.batch - 1));
    r.setPhase('applications');
    for (let k = 0; k < tier.applications; k += tier.batch) await applications(c, slots, k, Math.min(tier.applications, k + tier.batch));
    r.setPhase('needs');
    const [from, to] = standaloneRange(c);
    r.advance(from); // the needs behind applications came with them
    for (let i = from; i < to; i += tier.batch) await standaloneNeeds(c, slots, i, Math.min(to, i + tier.batch));
    r.setPhase('schemes');
    await schemeFunds(c);
    await r.insert('app_settings', `insert into app_settings (key, value, updated_at) values (${q(SCALE_MARKER)}, ${q(tier.name)}, ${ts(String(NOW_MARK))})`);
    await restoreIndexes(r, setAside);
    r.finish();
    result = {
      tier: tier.name,
      seconds: r.elapsedMs / 1000,
      rows: r.rows,
      tables: [...r.stats.values()].filter((s) => !isTimeOnly(s.table)),
      summary: r.summary(),
    };
  });
  return result!;
}

const NOW_MARK = 519 * DAY;

/** Fresh statistics for the planner after a bulk load (outside the load's transaction). */
export async function analyzeScaleTables(db: Db): Promise<void> {
  // The bulk tables and the smaller ones the load also fills.
  for (const t of ['institutions', 'products', 'organisation_usccs', 'claims', ...BULK_TABLES]) {
    await db.execute(sql.raw(`analyze ${t}`));
  }
}

async function context(r: Runner, tier: Tier, pw: string): Promise<Ctx> {
  const [marker] = await r.query<{ value: string }>(`select value from app_settings where key = ${q(SCALE_MARKER)}`);
  if (marker) throw new Error(`this database already holds scale data (tier ${marker.value}); load into a fresh one`);
  const parks = (
    await r.query<{ id: number; code: string; district_code: string; name: string }>(`select id, code, district_code, name from parks order by sort_order, id`)
  ).map((p): ParkRow => ({ id: p.id, code: p.code, districtCode: p.district_code, name: p.name }));
  const [admin] = await r.query<{ id: string }>(`select id::text as id from users where role = 'admin' order by created_at, id limit 1`);
  if (parks.length === 0 || !admin) throw new Error('the scale data goes on top of the demo data: run `npm run db:seed` first');
  const [{ clash }] = await r.query<{ clash: number }>(`select count(*)::int as clash from organisation_usccs where uscc ~ ${q(SCALE_USCC_PATTERN)}`);
  if (clash > 0) throw new Error(`${clash} organisation(s) already use USCCs of the generator's range (${SCALE_USCC_PATTERN}); load into a fresh database`);
  const schemes = await r.query<{ id: string; code: string; kind: string; created: string }>(
    `select id::text as id, code, kind::text as kind, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as created from risk_schemes order by created_at, code`,
  );
  const scheme = (kind: string): SchemeRow | null => {
    const s = schemes.find((x) => x.kind === kind);
    return s ? { id: s.id, code: s.code, minWm: (workdayOf(s.created) + 2) * DAY } : null;
  };
  const lpr = await r.query<{ effective_on: string; one_year_bp: number }>(`select effective_on::text as effective_on, one_year_bp from lpr_rates`);
  const { slotPark, slotDistrict } = parkSlots(parks);
  const eh = tier.enterprises - Math.ceil(tier.enterprises / 100);
  return {
    r,
    tier,
    adminId: admin.id,
    passwordHash: pw,
    requestId: `scale-${tier.name}`,
    slotPark,
    slotDistrict,
    schemeFor: { ip_pledge: scheme('ip_pledge_compensation'), guarantee: scheme('guarantee_fund') },
    lprSql: lprCase(lpr.map((x) => ({ effectiveOn: x.effective_on, oneYearBp: x.one_year_bp }))),
    eh,
    loWm: lowestSubmission(eh),
    paidByScheme: new Map(),
  };
}

/**
 * The funds behind the generated claims: one contribution per scheme, dated two weeks after the
 * scheme was set up, covering every claim the generator paid (and 10 million yuan more), so the
 * balance never goes negative at any date; today's balance is what is left.
 */
async function schemeFunds(c: Ctx): Promise<void> {
  const schemes = await c.r.query<{ id: string; created: string }>(
    `select id::text as id, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as created from risk_schemes order by created_at, code`,
  );
  let i = 0;
  for (const s of schemes) {
    const total = c.paidByScheme.get(s.id) ?? 0n;
    if (total === 0n) continue;
    const unit = 1_000_000_000n; // 1000万元
    const amount = ((total + unit - 1n) / unit) * unit + unit;
    const id = uid(K.contribution, String(i++));
    const on = `${q(s.created)}::date + 14`;
    await c.r.insert(
      'scheme_contributions',
      `insert into scheme_contributions (id, scheme_id, amount_fen, contributed_on, note, recorded_by, created_at)
      values (${id}, ${q(s.id)}::uuid, ${amount}, ${on}, '省级财政风险补偿资金注资（规模测试数据）', ${q(c.adminId)}::uuid, ${zoned(on, 16 * 60)})`,
    );
    await c.r.insert(
      'audit_events',
      `insert into audit_events (actor_user_id, actor_role, organisation_id, action, entity, entity_id, before, after, request_id, at)
      values (${q(c.adminId)}::uuid, 'admin', null, 'risk_scheme.contribute', 'risk_scheme', ${q(s.id)},
        null, jsonb_build_object('amountFen', ${q(amount.toString())}, 'contributedOn', (${on})::text), ${q(c.requestId)}, ${zoned(on, 16 * 60)})`,
    );
    await c.r.exec(`update risk_schemes set balance_fen = balance_fen + ${amount - total} where id = ${q(s.id)}::uuid`);
  }
}
