// The app's structured log: one JSON object per line on stdout (pino), for the request lines that
// scripts/server.ts writes and for unexpected errors. LOG_LEVEL (trace … fatal, silent; default
// info) sets what is written; LOG_PRETTY=1 prints readable lines instead (for a person at a
// terminal, not for collection).
//
// Nothing personal, financial or secret belongs in a log line: fields with such names are
// replaced by "[redacted]" wherever they appear (REDACT_PATHS), and errors are reduced to their
// type, message, code and stack, without drizzle's query parameters or PostgreSQL's `detail`
// (which quote the values of a row). The e2e run's server log is scanned for the demo secrets
// afterwards (lib/server/log-scan.ts).
//
// One logger per process, on globalThis: Next bundles pages, actions and routes separately, and
// scripts/server.ts loads this module outside the bundles.
import os from 'node:os';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentRequest } from './log-context';

const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'sessionToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'uscc',
  'email',
  'phone',
  'contactPhone',
  'idNumber',
  'revenue',
  'revenueFen',
  'registeredCapitalFen',
  'rndExpenseFen',
  'annualRevenueFen',
  'netProfitFen',
  'totalAssetsFen',
  'totalLiabilitiesFen',
  'amountFen',
  'params',
  'parameters',
  'detail',
];

/** Each sensitive key at the top level, one level down and in request/response headers. */
export const REDACT_PATHS = [
  ...SENSITIVE_KEYS.map((k) => (k.includes('-') ? `["${k}"]` : k)),
  ...SENSITIVE_KEYS.map((k) => (k.includes('-') ? `*["${k}"]` : `*.${k}`)),
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
];

const MAX_MESSAGE = 2_000;

/**
 * An error as a log may show it. drizzle's "Failed query: … params: …" message (and the stack that
 * repeats it) loses its parameters, which carry the row's values; PostgreSQL's detail ("Key
 * (uscc)=(…) already exists") is left out; causes are followed three deep.
 */
export function errorFields(e: unknown, depth = 0): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: withoutParams(String(e)).slice(0, MAX_MESSAGE) };
  const message = withoutParams(e.message).slice(0, MAX_MESSAGE);
  const out: Record<string, unknown> = { type: e.name, message };
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (e.stack) {
    const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l));
    out.stack = [`${e.name}: ${message.split('\n')[0]}`, ...frames.slice(0, 15)].join('\n');
  }
  if (e.cause !== undefined && depth < 3) out.cause = errorFields(e.cause, depth + 1);
  return out;
}

function withoutParams(message: string): string {
  const cut = message.search(/\n\s*params:/);
  return cut >= 0 ? message.slice(0, cut) : message;
}

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (default process.stdout, so a test or the server log file sees them). */
  destination?: NodeJS.WritableStream;
}

/** LOG_LEVEL as pino knows it; an unknown value is `info` (a typo must not stop the server). */
export function logLevel(value: string | undefined): string {
  const v = value?.trim().toLowerCase();
  return v && (v === 'silent' || v in pino.levels.values) ? v : 'info';
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    level: logLevel(opts.level),
    // Which instance wrote the line, when several run behind a load balancer.
    base: { pid: process.pid, host: os.hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errorFields, error: errorFields },
    formatters: { level: (label) => ({ level: label }) },
    // The request this line belongs to, when there is one (lib/server/log-context.ts).
    mixin: () => {
      const r = currentRequest();
      return r ? { reqId: r.requestId, ...(r.userId ? { userId: r.userId } : {}) } : {};
    },
  };
  const destination = opts.destination ?? process.stdout;
  if (opts.pretty) return pino(options, pretty({ colorize: false, destination }));
  return pino(options, destination);
}

const g = globalThis as unknown as { __krtLogger?: Logger };

/** The process's logger, from LOG_LEVEL and LOG_PRETTY. */
export function log(): Logger {
  g.__krtLogger ??= createLogger({ level: process.env.LOG_LEVEL, pretty: process.env.LOG_PRETTY === '1' || process.env.LOG_PRETTY === 'true' });
  return g.__krtLogger;
}

/** An unexpected error where it was caught (`where`: 'action', 'api', 'export', …). */
export function logError(where: string, e: unknown, extra: Record<string, unknown> = {}): void {
  log().error({ where, err: e, ...extra }, `${where}: unexpected error`);
}
