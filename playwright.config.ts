import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Debian's chromium, never a downloaded browser. One worker: the machine has two cores and the
// embedded database serialises queries anyway. The server is a production build (`next build` runs
// first, in scripts/test.ts) on a fresh PGlite folder that it seeds on start, served by the app's
// own server (scripts/server.ts, what `npm start` runs) so client addresses come from the socket.
// TRUST_PROXY_HOPS=1: the tests play the proxy where they need a client address of their own (the
// lock-out test sends X-Forwarded-For); every other request has none and counts as the socket's.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
// Everything the server prints, kept for `tsx scripts/check-server-log.ts FILE` (no secrets in logs);
// scripts/test.ts gives each run a fresh file and runs the check after the tests.
const serverLog = process.env.SERVER_LOG_FILE || path.resolve('test-results', `server-${port}.log`);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  // One retry: a test that fails and then passes is reported as flaky, by name, under the summary of
  // `npm test` (scripts/test.ts) — visible, but it does not turn a whole CI run red. A test that fails
  // twice fails the run.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A trace of the retry of a failed test (its first run records none). 'retain-on-failure'
    // recorded every test's DOM snapshots and screenshots and threw them away when it passed: the
    // whole run took 521 s with it and 448 s without.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node_modules/.bin/tsx scripts/server.ts',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // scripts/server.ts finishes requests in flight and closes the database on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // One JSON line per request: kept in the server log file (serverLog), not in the test output.
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...(process.env as Record<string, string>),
      NEXTAUTH_URL: baseURL,
      PORT: String(port),
      TRUST_PROXY_HOPS: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      SERVER_LOG_FILE: serverLog,
    },
  },
});
