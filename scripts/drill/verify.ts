// After a drill: every acknowledged write is in the database exactly once, and nothing is half
// done anywhere (a state without its audit row, a loan without its disbursed application, a
// repayment without its balance change, a paid claim without its fund's balance change).
import type postgres from 'postgres';
import type { DrillContext } from './harness';
import type { Acked, Fixture } from './workload';

const REACHED: Record<string, string[]> = {
  accepted: ['accepted', 'approved', 'disbursed'],
  approved: ['approved', 'disbursed'],
  disbursed: ['disbursed'],
};

/** Ids in `want` whose count in `rows` is not exactly one. */
function notOnce(want: string[], rows: { id: string; n: number }[]): string[] {
  const got = new Map(rows.map((r) => [r.id, r.n]));
  return want.filter((id) => got.get(id) !== 1);
}

/** `since`: when the drill's load began (the demo seed writes its rows without audit rows). */
export async function verifyAcknowledged(ctx: DrillContext, sql: postgres.Sql, f: Fixture, acked: Acked, since: Date): Promise<void> {
  const n = (xs: unknown[]) => xs.length;
  // Needs: each posted need once, found by the unique tag in its description.
  const needRows = await sql<{ id: string; n: number }[]>`
    select d.tag id, count(fn.id)::int n from unnest(${acked.needs.map((x) => x.tag)}::text[]) d(tag)
    left join financing_needs fn on fn.description = '演练 ' || d.tag group by d.tag`;
  const needIds = await sql<{ id: string }[]>`select id::text from financing_needs where id = any(${acked.needs.map((x) => x.id)}::uuid[])`;
  const badNeeds = notOnce(
    acked.needs.map((x) => x.tag),
    needRows,
  );
  ctx.check(
    `acknowledged needs present exactly once (${n(acked.needs)})`,
    badNeeds.length === 0 && needIds.length === acked.needs.length,
    badNeeds.slice(0, 3).join(', '),
  );

  // Applications: one row per idempotency key, the one the action answered.
  const appRows = await sql<{ id: string; n: number; ids: string[] }[]>`
    select k.key id, count(a.id)::int n, array_agg(a.id::text) ids from unnest(${acked.applications.map((x) => x.key)}::text[]) k(key)
    left join applications a on a.enterprise_id = ${f.enterpriseId} and a.idempotency_key = k.key group by k.key`;
  const byKey = new Map(appRows.map((r) => [r.id, r]));
  const badApps = acked.applications.filter((a) => byKey.get(a.key)?.n !== 1 || byKey.get(a.key)?.ids[0] !== a.id);
  ctx.check(
    `acknowledged applications present exactly once, by idempotency key (${n(acked.applications)})`,
    badApps.length === 0,
    badApps
      .slice(0, 3)
      .map((a) => a.key)
      .join(', '),
  );

  // Each acknowledged decision: the application reached that state, with exactly one audit row for it.
  for (const [step, ids] of [
    ['accepted', acked.accepted],
    ['approved', acked.approved],
    ['disbursed', acked.disbursed],
  ] as const) {
    const rows = await sql<{ id: string; status: string; audits: number }[]>`
      select a.id::text, a.status::text, (select count(*)::int from audit_events e where e.entity = 'application' and e.entity_id = a.id::text and e.after->>'status' = ${step}) audits
      from applications a where a.id = any(${ids}::uuid[])`;
    const bad = ids.filter((id) => {
      const r = rows.find((x) => x.id === id);
      return !r || !REACHED[step].includes(r.status) || r.audits !== 1;
    });
    ctx.check(
      `acknowledged ${step} applications in that state with one audit row each (${n(ids)})`,
      bad.length === 0,
      bad
        .slice(0, 3)
        .map((id) => JSON.stringify(rows.find((x) => x.id === id) ?? id))
        .join(', '),
    );
  }
  const loans = await sql<
    { id: string; n: number }[]
  >`select application_id::text id, count(*)::int n from loans where application_id = any(${acked.disbursed}::uuid[]) group by 1`;
  const badLoans = notOnce(acked.disbursed, loans);
  ctx.check(`acknowledged disbursements made exactly one loan each (${n(acked.disbursed)})`, badLoans.length === 0, badLoans.slice(0, 3).join(', '));

  // Repayments: one row per acknowledged repayment (the drill records one per loan).
  const reps = await sql<
    { id: string; n: number }[]
  >`select loan_id::text id, count(*)::int n from loan_repayments where loan_id = any(${acked.repayments.map((r) => r.loanId)}::uuid[]) group by 1`;
  const badReps = notOnce(
    acked.repayments.map((r) => r.loanId),
    reps,
  );
  ctx.check(
    `acknowledged repayments present exactly once (${n(acked.repayments)})`,
    badReps.length === 0,
    badReps
      .slice(0, 3)
      .map((id) => `${id}: ${reps.find((r) => r.id === id)?.n ?? 0} rows`)
      .join(', '),
  );

  await verifyConsistent(ctx, sql, since);
}

/** Invariants over the whole database: nothing half-done, whoever wrote it. */
/** Over every row the drill's requests wrote or changed (since `since`). */
export async function verifyConsistent(ctx: DrillContext, sql: postgres.Sql, since: Date): Promise<void> {
  const [r] = await sql<{ unaudited: number; loan_app: number; no_loan: number; balance: number; repay_audit: number; claims: number }[]>`
    select
      -- an application past submitted without the audit row of its last move
      (select count(*)::int from applications a where a.status <> 'submitted' and a.updated_at >= ${since}
         and not exists (select 1 from audit_events e where e.entity = 'application' and e.entity_id = a.id::text and e.after->>'status' = a.status::text)) unaudited,
      -- a loan whose application is not disbursed
      (select count(*)::int from loans l join applications a on a.id = l.application_id where l.created_at >= ${since} and (a.status <> 'disbursed' or a.disbursed_at is null)) loan_app,
      -- a disbursed application without its loan
      (select count(*)::int from applications a where a.status = 'disbursed' and a.updated_at >= ${since} and not exists (select 1 from loans l where l.application_id = a.id)) no_loan,
      -- a repayment without its change to the outstanding balance (loans still running)
      (select count(*)::int from loans l where l.status = 'active' and l.updated_at >= ${since}
         and l.outstanding_fen <> l.principal_fen - coalesce((select sum(p.principal_fen) from loan_repayments p where p.loan_id = l.id), 0)) balance,
      -- a repayment without its audit row
      (select count(*)::int from loan_repayments p where p.created_at >= ${since}
         and not exists (select 1 from audit_events e where e.entity = 'loan' and e.entity_id = p.loan_id::text and e.action = 'loan.repayment')) repay_audit,
      -- a paid claim without its fund's balance change (an audit row of the payment)
      (select count(*)::int from claims c where c.status = 'paid' and c.paid_at >= ${since}
         and not exists (select 1 from audit_events e where e.entity = 'claim' and e.entity_id = c.id::text and e.after->>'status' = 'paid')) claims`;
  ctx.check('every application past submitted has the audit row of its state', r.unaudited === 0, `${r.unaudited} without`);
  ctx.check(
    'every loan has its disbursed application, every disbursed application its loan',
    r.loan_app === 0 && r.no_loan === 0,
    `${r.loan_app} loans without, ${r.no_loan} applications without`,
  );
  ctx.check(
    'every repayment changed its loan’s outstanding balance and has its audit row',
    r.balance === 0 && r.repay_audit === 0,
    `${r.balance} balances off, ${r.repay_audit} repayments without audit`,
  );
  ctx.check('every paid claim has its payment’s audit row', r.claims === 0, `${r.claims} without`);
}
