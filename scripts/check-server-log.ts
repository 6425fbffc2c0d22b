// Scans the app server's log of an e2e run (SERVER_LOG_FILE, written by scripts/server.ts) for
// secrets and personal financial data (lib/server/log-scan.ts); exits 1 when it finds any, or when the log
// holds no request lines (then it proves nothing).
//   tsx scripts/check-server-log.ts FILE       NEXTAUTH_SECRET from the environment is looked for too
import fs from 'node:fs';
import { requestLines, scanLog } from '../lib/server/log-scan';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(`check-server-log: no log file ${file ?? '(none given)'}`);
  process.exit(1);
}
const text = fs.readFileSync(file, 'utf8');
const secrets = [
  { what: 'demo password', value: 'kerongtong-demo' },
  { what: 'e2e password', value: 'e2e-password-123' },
  { what: 'e2e wrong password', value: 'wrong-password' },
  ...(process.env.NEXTAUTH_SECRET ? [{ what: 'NEXTAUTH_SECRET', value: process.env.NEXTAUTH_SECRET }] : []),
  ...(process.env.METRICS_TOKEN ? [{ what: 'METRICS_TOKEN', value: process.env.METRICS_TOKEN }] : []),
];
const requests = requestLines(text);
const findings = scanLog(text, secrets);
for (const f of findings.slice(0, 50)) console.error(`  ${file}:${f.line}: ${f.what}: …${f.excerpt}…`);
console.log(`log scan: ${text.split('\n').length} lines, ${requests} request lines, ${findings.length} finding(s)`);
process.exit(findings.length === 0 && requests > 0 ? 0 : 1);
