/**
 * Whether a module is the script Node was started with (`tsx tools/build.ts`) rather than
 * an import, for files that are both a CLI and a library.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `moduleUrl` is the caller's `import.meta.url`; `script` defaults to `process.argv[1]`.
 * Both are compared as file URLs, so a path that URLs escape (a space, Chinese characters)
 * still matches, and symlinks are resolved as Node resolves the main module's.
 */
export function isRunAsScript(moduleUrl: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  let path = resolve(script);
  try {
    path = realpathSync(path);
  } catch {
    // A path that does not exist cannot be this module; compare it as given.
  }
  return pathToFileURL(path).href === moduleUrl;
}
