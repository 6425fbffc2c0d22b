// The production server's V8 heap limit. Left to itself V8 lets the old space grow towards a
// quarter of the machine's memory before it collects in earnest (4 GB on a 23 GB machine), so the
// app's RSS climbed to 870 MB under the M bench although what it kept alive stayed under 250 MB
// (bench/README.md). With a limit the collector works sooner: 410 MB at most with 320 MB. V8 fixes
// the limit when the process starts, so `npm start` runs the server in a child process that has it
// (scripts/start.ts) unless NODE_OPTIONS or node's own flags already give one.

/** SERVER_HEAP_MB, else 320 (MB of old space). */
export function serverHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.SERVER_HEAP_MB);
  return Number.isFinite(mb) && mb >= 64 ? Math.floor(mb) : 320;
}

const GIVEN = /--max[-_]old[-_]space[-_]size/;

/**
 * The environment to run the server under so that it gets the heap limit: NODE_OPTIONS with
 * `--max-old-space-size` added; null when NODE_OPTIONS or `execArgv` already set one.
 */
export function heapLimitedEnv(env: NodeJS.ProcessEnv = process.env, execArgv: string[] = process.execArgv): NodeJS.ProcessEnv | null {
  if (GIVEN.test(env.NODE_OPTIONS ?? '') || execArgv.some((a) => GIVEN.test(a))) return null;
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${serverHeapMb(env)}`.trim() };
}
