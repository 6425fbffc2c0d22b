// Looks through a server log for what must never be in one: known secrets (the demo and test
// passwords, NEXTAUTH_SECRET), session tokens and cookies, password hashes, query parameters that
// drizzle prints with a failed query, and valid 统一社会信用代码 (credit codes, which identify the
// enterprise whose figures a line would carry). scripts/check-server-log.ts runs it on the server
// log of an e2e run.
import { checkUscc } from '../enterprises/uscc';

export interface LogFinding {
  line: number;
  what: string;
  excerpt: string;
}

const PATTERNS: { what: string; re: RegExp }[] = [
  { what: 'session cookie', re: /next-auth\.session-token=[^;\s"]{8,}/ },
  { what: 'device cookie', re: /krt-device=[^;\s"]{8,}/ },
  // A JWT or JWE (the session token) in any form.
  { what: 'session token', re: /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{10,}/ },
  { what: 'password hash', re: /\$argon2(id|i|d)\$/ },
  { what: 'query parameters', re: /(\\n|\n|^)\s*params: \S/ },
];

const USCC_LIKE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])/g;

export function scanLog(text: string, secrets: { what: string; value: string }[] = []): LogFinding[] {
  const findings: LogFinding[] = [];
  const known = secrets.filter((s) => s.value.length >= 6);
  text.split('\n').forEach((line, i) => {
    const add = (what: string, at: number) => findings.push({ line: i + 1, what, excerpt: line.slice(Math.max(0, at - 40), at + 40) });
    for (const s of known) {
      const at = line.indexOf(s.value);
      if (at >= 0) add(s.what, at);
    }
    for (const p of PATTERNS) {
      const m = p.re.exec(line);
      if (m) add(p.what, m.index);
    }
    for (const m of line.matchAll(USCC_LIKE)) if (checkUscc(m[0]).ok) add('credit code (USCC)', m.index ?? 0);
  });
  return findings;
}

/** The request lines a server log holds (scripts/server.ts): a log without them proves nothing. */
export function requestLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const o = JSON.parse(line) as { msg?: unknown; reqId?: unknown; route?: unknown; status?: unknown };
      if (o.msg === 'request' && typeof o.reqId === 'string' && typeof o.route === 'string' && typeof o.status === 'number') n++;
    } catch {
      // not a JSON line (Next's own output)
    }
  }
  return n;
}
