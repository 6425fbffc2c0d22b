// The big tables' secondary indexes are set aside while the generator loads and built again at the
// end, in the load's transaction: a row inserted into a table with its indexes in place updates each
// index at a random page (audit_events' four indexes made 500,000 inserts take 34 s on the M data;
// without them 3.7 s), while building an index afterwards is one sort. Unique indexes and those
// behind a constraint stay (they keep the rows honest, and `on conflict` needs them); the others are
// dropped and recreated from their own definitions (pg_get_indexdef), so the schema after the load
// is exactly the one before, and a failed load rolls back to it.
import type { Runner } from './runner';

/** The tables the generator fills by the hundred thousand. */
export const BULK_TABLES = [
  'enterprises',
  'users',
  'ip_assets',
  'financing_needs',
  'matches',
  'applications',
  'application_ip_assets',
  'application_events',
  'loans',
  'pledges',
  'pledge_assets',
  'scheme_enrolments',
  'audit_events',
] as const;

export interface SetAside {
  name: string;
  definition: string;
}

const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');

/** Drops the plain secondary indexes of `tables` and answers how to build them again. */
export async function setIndexesAside(r: Runner, tables: readonly string[] = BULK_TABLES): Promise<SetAside[]> {
  const rows = await r.query<SetAside>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema() and t.relname in (${inList(tables)})
        and not i.indisunique and not i.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by t.relname, c.relname`,
  );
  for (const ix of rows) await r.exec(`drop index ${quoteIdent(ix.name)}`, '(building indexes)');
  return rows;
}

/** Builds the set-aside indexes again, each from its definition. */
export async function restoreIndexes(r: Runner, set: readonly SetAside[]): Promise<void> {
  for (const [i, ix] of set.entries()) {
    r.setPhase(`index ${i + 1}/${set.length}`);
    await r.exec(ix.definition, '(building indexes)');
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
