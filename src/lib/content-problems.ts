/**
 * Problems found while rendering content. Astro's content layer logs a page that fails to
 * render and carries on, so plugins also record each problem here (`file:line: problem`);
 * the build fails on any (src/integrations/content-checks.ts, tools/build.ts). Kept on
 * globalThis so every copy of this module in the build process shares one list.
 */
import { relative } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

const KEY = Symbol.for('apec.contentProblems');
const store = globalThis as typeof globalThis & { [KEY]?: string[] };

const list = (): string[] => (store[KEY] ??= []);

/** Record a problem in `file` at `node` and stop processing that file. */
export function failContent(file: VFile, node: Node | undefined, reason: string): never {
  const name = file.path ? relative(process.cwd(), file.path) : '(unknown file)';
  const line = node?.position?.start.line;
  list().push(`${name}${line ? `:${line}` : ''}: ${reason}`);
  return file.fail(reason, node);
}

/** The problems recorded so far, emptying the list. */
export const takeContentProblems = (): string[] => list().splice(0);
