/**
 * A throw-away copy of the project (sources, content, config; node_modules linked) in
 * which a test can break something and run the real build, without touching the tree.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'tools', 'content', 'public'];

/**
 * The environment without what Vitest adds (NODE_ENV=test, and Vite's BASE_URL, MODE, DEV,
 * PROD, SSR): a build started from a test must see what `npm run build` would.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)) delete env[key];
  }
  return env;
}

export interface ProjectCopy {
  dir: string;
  /** Runs `npm run build`'s script (tsx tools/build.ts) with extra environment. */
  build(env?: Record<string, string>): Promise<{ ok: boolean; output: string }>;
  remove(): Promise<void>;
}

/** A copy in a new temporary folder whose name starts with `prefix` (a space in it tests paths that URLs escape). */
export async function copyProject(prefix = 'apec-site-'): Promise<ProjectCopy> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await Promise.all(COPIED.map((name) => cp(join(root, name), join(dir, name), { recursive: true })));
  // Link each package, but give the copy its own caches and temp files (.astro, .vite,
  // .vite-temp …): builds running side by side must share nothing they write.
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return {
    dir,
    async build(env = {}) {
      try {
        const { stdout, stderr } = await run(join(root, 'node_modules/.bin/tsx'), ['tools/build.ts'], {
          cwd: dir,
          env: { ...cleanEnv(), PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, ...env },
          maxBuffer: 64 * 1024 * 1024,
        });
        return { ok: true, output: stdout + stderr };
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string };
        return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
