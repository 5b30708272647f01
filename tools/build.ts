/**
 * `npm run build`: builds the site into a staging folder and swaps it into `dist/` only
 * when the whole build (pages, link checks, search index) succeeded. A failed build leaves
 * the previous dist/ untouched, so a deploy never picks up half a site.
 *
 *   tsx tools/build.ts [--out dist]
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { takeContentProblems } from '../src/lib/content-problems';
import { isRunAsScript } from './run-as-script';

/** The build's environment (`npm run bench` builds with it too). */
export const BUILD_ENV = { ASTRO_TELEMETRY_DISABLED: '1' } as const;
for (const [name, value] of Object.entries(BUILD_ENV)) process.env[name] ??= value;

export async function buildSite(outDir: string): Promise<void> {
  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}-staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}-previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const { build } = await import('astro');
  try {
    await build({ outDir: staging, logLevel: process.env['ASTRO_LOG_LEVEL'] === 'error' ? 'error' : 'info' });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}

/** `file:line: message` where Astro or the Markdown pipeline know the place. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { loc, id } = error as Error & { loc?: { file?: string; line?: number }; id?: string };
  const file = loc?.file ?? id;
  const where = file ? `${relative(process.cwd(), file)}${loc?.line ? `:${loc.line}` : ''}: ` : '';
  return `${where}${error.message}`;
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const outDir = at === -1 ? 'dist' : args[at + 1]!;
  try {
    await buildSite(outDir);
  } catch (error) {
    // Problems recorded while rendering come first: they name the file and line.
    const problems = [...takeContentProblems(), describeError(error)];
    console.error(`\nBuild failed; ${outDir}/ was left as it was.\n${problems.join('\n')}`);
    process.exit(1);
  }
}
