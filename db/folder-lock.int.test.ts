import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './client';
import { acquireFolderLock, FolderInUseError } from './folder-lock';

describe('PGlite folder lock', () => {
  it('refuses a second process on a folder in use, with a clear message', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'krt-lock-')), 'pglite');
    // A child process holds the lock the way a running server would.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(dir + '.lock')}, JSON.stringify({pid: process.pid, host: require('os').hostname()})); setInterval(() => {}, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    try {
      for (let i = 0; i < 100 && !fs.existsSync(`${dir}.lock`); i++) await new Promise((r) => setTimeout(r, 50));
      expect(() => acquireFolderLock(dir)).toThrow(FolderInUseError);
      expect(() => acquireFolderLock(dir)).toThrow(new RegExp(`in use by process ${child.pid}`));
      await expect(openDb({ pgliteDir: dir })).rejects.toThrow(FolderInUseError);
    } finally {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    }
    // The holder died: its lock is stale and is taken over.
    const lock = acquireFolderLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('waits for a lock file that is still being written, and takes over one left empty', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'krt-lock-')), 'pglite');
    // A holder starting this very moment: its file exists, empty, and gets its content a little later.
    fs.writeFileSync(`${dir}.lock`, '');
    const child = spawn(
      process.execPath,
      [
        '-e',
        `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(dir + '.lock')}, JSON.stringify({pid: process.pid, host: require('os').hostname()})), 300); setInterval(() => {}, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    try {
      expect(() => acquireFolderLock(dir)).toThrow(FolderInUseError);
    } finally {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    }
    // An empty file nobody writes: stale after the wait.
    fs.writeFileSync(`${dir}.lock`, '');
    const lock = acquireFolderLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
