// Enum values in raw SQL, taken from the lists in db/enums.ts: a renamed or removed state fails the
// type check at the query instead of silently matching no row. The values are written into the
// query text as literals (not bound parameters), so the text, the plans and the partial indexes
// they match stay what they were with the values typed by hand.
import { sql, type SQL } from 'drizzle-orm';

function literal(list: readonly string[], value: string): string {
  // The lists hold snake_case words; anything else (a quote above all) never reaches the text.
  if (!list.includes(value) || !/^[a-z][a-z0-9_]*$/.test(value)) throw new Error(`not a value of the enum: ${value}`);
  return `'${value}'`;
}

/** `sqlValue(APPLICATION_STATES, 'rejected')` → `'rejected'`. */
export function sqlValue<const L extends readonly string[]>(list: L, value: L[number]): SQL {
  return sql.raw(literal(list, value));
}

/** `sqlList(PLEDGE_STATES, ['registered', 'released'])` → `('registered', 'released')`, for `in`. */
export function sqlList<const L extends readonly string[]>(list: L, values: readonly L[number][]): SQL {
  if (values.length === 0) throw new Error('an empty list');
  return sql.raw(`(${values.map((v) => literal(list, v)).join(', ')})`);
}
