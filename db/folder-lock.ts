// A lock file beside a PGlite data folder. PGlite has no multi-process safety: a second process on
// the same folder (a seed run while the server runs, say) would silently lose writes.
import fs from 'node:fs';
import os from 'node:os';

export interface FolderLock {
  path: string;
  release(): void;
}

export class FolderInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database folder ${dir} is in use by process ${pid} on this machine. ` +
        `Stop that process (e.g. the running app server) before running this command, ` +
        `or point DATABASE_URL at a PostgreSQL server to run several processes at once.`,
    );
    this.name = 'FolderInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who holds the lock. A lock file is created empty and written a moment later, so an empty or
 * half-written one may be a holder starting at this very moment: read again for up to two seconds
 * before calling it stale (two processes starting together must not both take the folder).
 */
function readHolder(lockPath: string): { pid: number; host?: string } | undefined {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 40; i++) {
    try {
      const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: string };
      if (typeof holder.pid === 'number') return { pid: holder.pid, host: holder.host };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // released meanwhile
    }
    Atomics.wait(pause, 0, 0, 50);
  }
  return undefined; // still unreadable after two seconds: a holder that died while writing it
}

export function acquireFolderLock(dir: string): FolderLock {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { path: lockPath, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && (holder.host === undefined || holder.host === os.hostname()) && isAlive(holder.pid)) {
        throw new FolderInUseError(dir, holder.pid);
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
