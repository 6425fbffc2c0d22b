// postinstall: two fixes for postgres.js 3.4.x. First (porsager/postgres#1154, #1208; fixes proposed in #1168,
// #1209, #1215, not released). When PostgreSQL ends a session while a transaction holds its
// connection (pg_ctl restart -m fast, a crash, a failover), the transaction's next statement or
// postgres.js's own ROLLBACK is written to the closed socket from a setImmediate callback: an
// uncaught TypeError that stops the whole app server. And the closed connection kept its stale
// query and write buffer, so its reconnect failed (CONNECT_TIMEOUT). The fix: a statement on a
// connection without a socket fails with CONNECTION_CLOSED; a close forgets the in-flight query
// and the unsent buffer. Drill pg-restart and db/client-resilience.int.test.ts exercise it.
//
// Second fix (porsager/postgres#1119, #1181; fixes proposed in #1120, #1190, not released): the row
// counter of a connection is reset only when a statement completes, so a statement that fails after
// sending some rows (a statement timeout on a long aggregate, a division by zero on row 4) leaves it
// at that count and the connection's next statement — another request's — resolves with that many
// holes before its own rows: `rows[0]` is undefined (a user "not found", a count read as a crash).
// The fix: ReadyForQuery, which ends every statement, resets it too. db/client-resilience.int.test.ts
// tests it.
//
// Idempotent (an edit already in place is skipped, so a new fix reaches an old install); fails
// loudly if a new postgres.js no longer has the code it patches.
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
  [
    `    query = results = errorResponse = null
    result = new Result()
    connectTimer.cancel()`,
    `    query = results = errorResponse = null
    result = new Result()
    rows = 0
    connectTimer.cancel()`,
  ],
];

if (!fs.existsSync(root)) process.exit(0); // not installed (yet)
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
for (const dir of ['cjs/src', 'src', 'cf/src']) {
  const file = path.join(root, dir, 'connection.js');
  if (!fs.existsSync(file)) continue;
  let text = fs.readFileSync(file, 'utf8');
  let changed = 0;
  for (const [from, to] of edits) {
    if (text.includes(to)) continue; // applied by an earlier install
    if (!text.includes(from)) {
      console.error(
        `[patch-postgres] postgres ${version}: ${dir}/connection.js has changed; check whether the fixes are released and drop scripts/patch-postgres.cjs`,
      );
      process.exit(1);
    }
    text = text.replace(from, to);
    changed++;
  }
  if (changed === 0) continue;
  fs.writeFileSync(file, text);
  console.log(`[patch-postgres] patched postgres ${version} ${dir}/connection.js`);
}
