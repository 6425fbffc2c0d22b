import { describe, expect, it } from 'vitest';
import { requestLines, scanLog } from './log-scan';
import { withUsccCheckChar } from '../enterprises/uscc';

const clean = [
  '{"level":"info","time":"2026-11-30T12:00:00.000Z","pid":1,"reqId":"0b6c1c3e-2f7a-4a38-9d0e-6f3f1c7b9a10","userId":"5d1f0a4e-1b2c-4d3e-8f90-123456789abc","method":"GET","route":"/enterprise/applications/:id","path":"/enterprise/applications/5d1f0a4e-1b2c-4d3e-8f90-123456789abc","status":200,"durationMs":41.2,"msg":"request"}',
  '{"level":"error","where":"action","err":{"type":"Error","message":"Failed query: select \\"uscc\\" from \\"enterprises\\" where \\"id\\" = $1"},"msg":"action: unexpected error"}',
  '   ▲ Next.js 16.4.6',
  '{"level":"info","route":"/_next/static/*","path":"/_next/static/chunks/ABCDEFGHJK12345678.js","status":200,"msg":"request"}',
].join('\n');

describe('scanLog', () => {
  it('finds nothing in request lines and reduced errors', () => {
    expect(scanLog(clean, [{ what: 'demo password', value: 'kerongtong-demo' }])).toEqual([]);
    expect(requestLines(clean)).toBe(1);
  });

  it('finds each kind of secret, with its line', () => {
    const uscc = withUsccCheckChar('91440605MA4W0EX01');
    const leaky = [
      'signing in with {"email":"sme@kerongtong.demo","password":"kerongtong-demo"}',
      `cookie: next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abcDEF1234567890.zzzzzzzzzzzzzzzzzz.qqqqqqqqqqqq`,
      'secret e2e-secret-not-for-production-0123456789 loaded',
      'user row {"passwordHash":"$argon2id$v=19$m=19456,t=2,p=1$abc$def"}',
      'Failed query: insert into "enterprises" ("uscc", "revenue_fen") values ($1, $2)\\nparams: 91440605MA4W0EX01X,123456700',
      `enterprise ${uscc} revenue 123456700`,
      'Set-Cookie: krt-device=abcdefghijklmnop.123',
    ].join('\n');
    const found = scanLog(leaky, [
      { what: 'demo password', value: 'kerongtong-demo' },
      { what: 'NEXTAUTH_SECRET', value: 'e2e-secret-not-for-production-0123456789' },
    ]);
    const kinds = found.map((f) => `${f.line}:${f.what}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        '1:demo password',
        '2:session cookie',
        '2:session token',
        '3:NEXTAUTH_SECRET',
        '4:password hash',
        '5:query parameters',
        '6:credit code (USCC)',
        '7:device cookie',
      ]),
    );
    expect(found.find((f) => f.what === 'credit code (USCC)')?.excerpt).toContain(uscc);
  });

  it('a code with a wrong check character is not taken for a credit code', () => {
    const valid = withUsccCheckChar('91440605MA4W0EX01');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(scanLog(`id ${wrong}`)).toEqual([]);
  });

  it('counts only well-formed request lines', () => {
    expect(requestLines('{"msg":"request"}\nnot json\n{"msg":"request","reqId":"r","route":"/","status":200}')).toBe(1);
  });
});
