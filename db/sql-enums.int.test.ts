// The enum values written into raw SQL from db/enums.ts: the same text as typed by hand, and values
// the database's own enum types accept.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client';
import { APPLICATION_STATES, PLEDGE_STATES } from './enums';
import { rowsOf } from './rows';
import { sqlList, sqlValue } from './sql-enums';
import { openTestDb, testDbKind } from './testing';

const text = (q: SQL) => new PgDialect().sqlToQuery(q);

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.close());

describe(`enum values in raw SQL (${testDbKind()})`, () => {
  it('are literals in the query text, as if typed by hand, with no bound parameter', () => {
    expect(text(sql`a.status = ${sqlValue(APPLICATION_STATES, 'rejected')}`)).toEqual({ sql: "a.status = 'rejected'", params: [] });
    expect(text(sql`p.status in ${sqlList(PLEDGE_STATES, ['registered', 'released', 'enforced'])}`)).toEqual({
      sql: "p.status in ('registered', 'released', 'enforced')",
      params: [],
    });
  });

  it('are values of the database enum', async () => {
    const q = sql`select ${sqlValue(APPLICATION_STATES, 'materials_requested')}::application_status::text as one,
      ${sqlValue(APPLICATION_STATES, 'materials_requested')}::application_status in ${sqlList(APPLICATION_STATES, ['approved', 'materials_requested'])} as found`;
    expect(rowsOf(await h.db.execute(q))).toEqual([{ one: 'materials_requested', found: true }]);
  });

  it('refuse a value that is not in the list (a state renamed under a cast)', () => {
    expect(() => sqlValue(APPLICATION_STATES, 'approvd' as never)).toThrow(/not a value/);
    expect(() => sqlList(PLEDGE_STATES, ['registered', "x') or ('1" as never])).toThrow(/not a value/);
    expect(() => sqlList(PLEDGE_STATES, [])).toThrow();
  });
});
