/**
 * Temporary copies of the project for the benchmarks, so they never touch the real dist/,
 * .astro/ or node_modules/.astro (Astro's content-layer cache): the copy gets its own
 * node_modules/ directory whose entries are symlinks to the real ones, except `.astro`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'bench-results']);

/** Copy `root` (without build output or caches) to `target`; link node_modules entries. */
export function makeProject(root: string, target: string): string {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry) || entry.startsWith('dist')) continue;
    cpSync(join(root, entry), join(target, entry), { recursive: true });
  }
  const modules = join(target, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    symlinkSync(resolve(root, 'node_modules', entry), join(modules, entry));
  }
  return target;
}

export interface RunResult {
  code: number;
  wallMs: number;
  /** Peak resident set size of the whole process tree, in bytes (polled from /proc). */
  peakRss: number;
  /** Peak of the tree's Pagefind processes together, and of everything else (Astro's Node). */
  peakPagefindRss: number;
  peakOtherRss: number;
  /**
   * CPU time (user + system) of the command and the child processes it waited for, in ms, from
   * GNU time where /usr/bin/time exists. Unlike wall time it barely moves when other work
   * shares the machine, so it is what compares two variants of the build.
   */
  cpuMs: number | undefined;
  /** Stopped after `timeoutMs` (the figures are then lower bounds). */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Resident set size of `pid` and its descendants (Linux /proc), in bytes: in all, and of Pagefind's processes. */
function treeRss(pid: number): { total: number; pagefind: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, { bytes: number; pagefind: boolean }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(entry), { bytes: pages * 4096, pagefind: name.startsWith('pagefind') });
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  let pagefind = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    const process = rss.get(current);
    total += process?.bytes ?? 0;
    if (process?.pagefind) pagefind += process.bytes;
    stack.push(...(children.get(current) ?? []));
  }
  return { total, pagefind };
}

/**
 * Run a command, timing it and polling the peak memory of its process tree every 100 ms
 * (GNU time's "maximum resident set size" only sees the largest single process; Astro and
 * Pagefind run a child process each, so the tree sum is the honest figure).
 */
export function run(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    quiet?: boolean;
    onPoll?: (rss: number, stdout: string) => void;
    timeoutMs?: number;
  },
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const timeFile = existsSync(GNU_TIME) ? join(tmpdir(), `apec-bench-time-${process.pid}-${(runs += 1)}`) : undefined;
    const [program, argv] = timeFile
      ? [GNU_TIME, ['--format', '%U %S', '--output', timeFile, command, ...args]]
      : [command, args];
    // Its own process group, so a timeout can stop it and its children (by this group id only).
    const child = spawn(program, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let timedOut = false;
    const deadline =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) {
              try {
                process.kill(-child.pid, 'SIGKILL');
              } catch {
                // Already gone.
              }
            }
          }, options.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    let peakRss = 0;
    let peakPagefindRss = 0;
    let peakOtherRss = 0;
    const poll = () => {
      if (child.pid === undefined) return;
      const { total, pagefind } = treeRss(child.pid);
      peakRss = Math.max(peakRss, total);
      peakPagefindRss = Math.max(peakPagefindRss, pagefind);
      peakOtherRss = Math.max(peakOtherRss, total - pagefind);
      options.onPoll?.(total, stdout);
    };
    const timer = setInterval(poll, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(deadline);
      fail(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      let cpuMs: number | undefined;
      if (timeFile) {
        const seconds = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(readFileSync(timeFile, 'utf8'));
        if (seconds) cpuMs = Math.round((Number(seconds[1]) + Number(seconds[2])) * 1000);
        rmSync(timeFile, { force: true });
      }
      done({
        cpuMs,
        code: code ?? 1,
        wallMs: performance.now() - started,
        peakRss,
        peakPagefindRss,
        peakOtherRss,
        stdout,
        stderr,
        timedOut,
      });
    });
  });
}

const GNU_TIME = '/usr/bin/time';
let runs = 0;

/** PATH with the project's node_modules/.bin first (Node 24 and the tool binaries). */
export const toolPath = (root: string) => `${join(root, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`;

export const exists = existsSync;
