/**
 * Builds web/ once per test run for the browser tests. Vitest runs test files side by side,
 * and Vite refuses a second build of the same project while one is running (or a rebuild
 * would empty web/build under another file's server). So the first file to ask builds; the
 * others of the same run (same vitest process: same parent pid) wait for it and use its build.
 *
 * Always the current sources: a new run builds again. Built for production: vitest's
 * NODE_ENV=test would make Vite bundle Svelte's development build.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../functions/local/platform';

const base = join(tmpdir(), `latih-web-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`);
const lockFile = `${base}.lock`;
const doneFile = `${base}.done.json`;

type Done = { run: number; ok: boolean; error?: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

const read = <T>(file: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};

/** This run's build, if one finished. */
function finished(): Done | undefined {
  const done = read<Done>(doneFile);
  return done?.run === process.ppid ? done : undefined;
}

/** Takes the lock atomically (a hard link fails if it exists), with our pid inside. */
function tryLock(): boolean {
  const mine = `${base}.${process.pid}.tmp`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid }));
  try {
    linkSync(mine, lockFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    rmSync(mine, { force: true });
  }
}

export async function buildWebOnce(timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const done = finished();
    if (done?.ok) return;
    if (done && !done.ok) throw new Error(`web build failed (in another test file):\n${done.error}`);
    if (tryLock()) break;
    const holder = read<{ pid: number }>(lockFile)?.pid;
    if (holder !== undefined && !alive(holder)) rmSync(lockFile, { force: true }); // left by a killed run
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for another web build (${lockFile})`);
    await sleep(250);
  }
  try {
    execSync('npm run web:build', { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
    writeFileSync(doneFile, JSON.stringify({ run: process.ppid, ok: true } satisfies Done));
  } catch (err) {
    const error = String((err as { stderr?: Buffer }).stderr ?? err).slice(-4000);
    writeFileSync(doneFile, JSON.stringify({ run: process.ppid, ok: false, error } satisfies Done));
    throw err;
  } finally {
    rmSync(lockFile, { force: true });
  }
}
