/**
 * Prints the nginx equivalent of a build's `_headers` (the README's nginx snippet).
 *   tsx tools/nginx.ts [dist] [--base /]
 */
import { rulesForBuild } from '../src/integrations/headers';
import { formatNginx } from '../src/lib/header-formats';

const args = process.argv.slice(2);
const at = args.indexOf('--base');
const base = at === -1 ? '/' : args.splice(at, 2)[1]!;
process.stdout.write(formatNginx(await rulesForBuild(args[0] ?? 'dist', base)));
