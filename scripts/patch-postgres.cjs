// postinstall: a fix for postgres.js 3.4.x (porsager/postgres#1154, #1208; fixes proposed in #1168,
// #1209, #1215, not released). When PostgreSQL ends a session while a transaction holds its
// connection (pg_ctl restart -m fast, a crash, a failover), the transaction's next statement or
// postgres.js's own ROLLBACK is written to the closed socket from a setImmediate callback: an
// uncaught TypeError that stops the whole app server. And the closed connection kept its stale
// query and write buffer, so its reconnect failed (CONNECT_TIMEOUT). The fix: a statement on a
// connection without a socket fails with CONNECTION_CLOSED; a close forgets the in-flight query
// and the unsent buffer. Drill pg-restart and db/client-resilience.int.test.ts exercise it.
// Idempotent; fails loudly if a new postgres.js no longer has the code it patches.
const fs = require('node:fs');
const path = require('node:path');

const MARK = '/* kerongtong: closed-socket fix */';
const root = path.join(__dirname, '..', 'node_modules', 'postgres');
const edits = [
  [
    `  function execute(q) {
    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))
`,
    `  function execute(q) {
    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))

    ${MARK}
    if (!socket)
      return queryError(q, Errors.connection('CONNECTION_CLOSED', options))
`,
  ],
  [
    `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    `  function nextWrite(fn) {
    if (!socket) {
      chunk = nextWriteTimer = null
      return false
    }
    const x = socket.write(chunk, fn)`,
  ],
  [
    `    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))
    closedTime = performance.now()`,
    `    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))
    query = null
    chunk = nextWriteTimer = null
    closedTime = performance.now()`,
  ],
];

if (!fs.existsSync(root)) process.exit(0); // not installed (yet)
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
for (const dir of ['cjs/src', 'src', 'cf/src']) {
  const file = path.join(root, dir, 'connection.js');
  if (!fs.existsSync(file)) continue;
  let text = fs.readFileSync(file, 'utf8');
  if (text.includes(MARK)) continue;
  for (const [from, to] of edits) {
    if (!text.includes(from)) {
      console.error(
        `[patch-postgres] postgres ${version}: ${dir}/connection.js has changed; check whether the closed-socket fix is released and drop scripts/patch-postgres.cjs`,
      );
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(file, text);
  console.log(`[patch-postgres] patched postgres ${version} ${dir}/connection.js`);
}
