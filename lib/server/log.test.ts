import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, logLevel } from './log';
import { runWithRequest } from './log-context';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), logger: (level = 'info') => createLogger({ level, destination }) };
}

describe('the JSON log', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const c = capture();
    c.logger().info({ route: '/products', status: 200, durationMs: 12 }, 'request');
    const [line] = c.json();
    expect(line).toMatchObject({ level: 'info', msg: 'request', route: '/products', status: 200, durationMs: 12 });
    expect(typeof line.time).toBe('string');
  });

  it("LOG_LEVEL: pino's names, anything else is info", () => {
    expect(['debug', 'WARN', 'silent', 'verbose', '', undefined].map(logLevel)).toEqual(['debug', 'warn', 'silent', 'info', 'info', 'info']);
  });

  it('LOG_LEVEL filters', () => {
    const c = capture();
    const l = c.logger('warn');
    l.info('hidden');
    l.warn('shown');
    expect(c.json().map((x) => x.msg)).toEqual(['shown']);
  });

  it('redacts passwords, tokens, cookies, credit codes and financial figures wherever they sit', () => {
    const c = capture();
    c.logger().info(
      {
        password: 'kerongtong-demo',
        input: {
          password: 'kerongtong-demo',
          newPassword: 'n3w-secret',
          uscc: '91440605MA4W0EX01X',
          annualRevenueFen: '123456700',
          email: 'sme@kerongtong.demo',
        },
        req: { headers: { cookie: 'next-auth.session-token=eyJabc', authorization: 'Bearer t0ken' } },
        headers: { cookie: 'x=1' },
        token: 'abc',
      },
      'with secrets',
    );
    const text = c.lines.join('\n');
    for (const secret of ['kerongtong-demo', 'n3w-secret', '91440605MA4W0EX01X', '123456700', 'sme@kerongtong.demo', 'eyJabc', 't0ken', 'x=1'])
      expect(text).not.toContain(secret);
    expect(c.json()[0]).toMatchObject({ password: '[redacted]', input: { uscc: '[redacted]' } });
  });

  it('carries the request id and the signed-in user of the request it runs for', () => {
    const c = capture();
    const l = c.logger();
    runWithRequest({ requestId: 'req-12345678', userId: 'u-1' }, () => l.info('inside'));
    l.info('outside');
    const [inside, outside] = c.json();
    expect(inside).toMatchObject({ reqId: 'req-12345678', userId: 'u-1' });
    expect(outside.reqId).toBeUndefined();
  });
});

describe('errorFields', () => {
  it("drops drizzle's query parameters from the message and the stack, and PostgreSQL's detail", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "enterprises_uscc_key"'), {
      code: '23505',
      detail: 'Key (uscc)=(91440605MA4W0EX01X) already exists.',
    });
    const e = new Error('Failed query: insert into "enterprises" ("uscc", "revenue") values ($1, $2)\nparams: 91440605MA4W0EX01X,123456700', { cause });
    const out = errorFields(e);
    const text = JSON.stringify(out);
    expect(text).not.toContain('91440605MA4W0EX01X');
    expect(text).not.toContain('123456700');
    expect(out.message).toBe('Failed query: insert into "enterprises" ("uscc", "revenue") values ($1, $2)');
    expect(out.cause).toMatchObject({ code: '23505', message: 'duplicate key value violates unique constraint "enterprises_uscc_key"' });
    expect(String(out.stack)).toContain('at ');
  });

  it('logs an error passed as err through the same reduction', () => {
    const c = capture();
    c.logger().error({ err: new Error('Failed query: select 1\nparams: kerongtong-demo') }, 'boom');
    expect(c.lines.join('')).not.toContain('kerongtong-demo');
    expect(c.json()[0]).toMatchObject({ err: { type: 'Error', message: 'Failed query: select 1' } });
  });

  it('reduces a thrown non-error to its text', () => {
    expect(errorFields('plain')).toEqual({ message: 'plain' });
  });
});
