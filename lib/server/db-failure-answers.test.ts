// A database that is down, too slow or read-only is answered clearly: the action's result names
// it (and the form shows a message in both languages), the public API answers 503 with it, never
// the generic "something went wrong" of a bug.
import { describe, expect, it } from 'vitest';
import { dbFailureOf } from '../../db/failures';
import { toActionError } from './actions';
import { errorText, makeTranslate } from '../i18n/translate';

/** A driver error as drizzle hands it on: wrapped, the driver's code on its cause. */
const wrapped = (code: string) => Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error(code), { code }) });

describe('database failures at the edge', () => {
  it.each([
    ['ECONNREFUSED', 'db_unavailable'], // the server is down (restart)
    ['57P03', 'db_unavailable'], // starting up
    ['CONNECTION_CLOSED', 'db_unavailable'], // the connection was lost
    ['57P01', 'db_unavailable'], // the server ended the session (pg_ctl restart -m fast)
    ['57014', 'db_busy'], // statement_timeout
    ['55P03', 'db_busy'], // lock_timeout on a hot row
    ['DB_POOL_TIMEOUT', 'db_busy'], // no pooled connection in time
    ['25006', 'db_read_only'], // default_transaction_read_only
    ['53100', 'db_read_only'], // disk full
  ])('%s → %s', (code, key) => {
    expect(toActionError(wrapped(code))).toEqual({ ok: false, error: key });
    for (const locale of ['zh', 'en'] as const) {
      const text = errorText(makeTranslate(locale), key);
      expect(text).not.toBe(errorText(makeTranslate(locale), 'invalid'));
      expect(text).not.toBe(errorText(makeTranslate(locale), 'generic'));
    }
  });

  it('leaves other errors alone: a unique violation or a bug is not the database being unavailable', () => {
    expect(dbFailureOf(wrapped('23505'))).toBeUndefined();
    expect(dbFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(toActionError(new TypeError('x is undefined'))).toEqual({ ok: false, error: 'generic' });
  });
});
