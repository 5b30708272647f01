/**
 * Serves a built site the way a static CDN does: `/path/` → `/path/index.html`, the site's
 * own 404.html, the headers from `_headers` (Netlify / Cloudflare Pages format), and brotli
 * or gzip when the browser asks for it. Used by `npm start`, the browser tests and the
 * benchmarks, so all three see what a reader would get from a CDN.
 *
 *   tsx tools/serve.ts [dir=dist] [--port 4321] [--base /]
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseHeaders } from '../src/lib/header-formats';
import { headersFor, type HeaderRule } from '../src/lib/header-rules';
import { isRunAsScript } from './run-as-script';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json)|image\/svg)/;

export interface ServeOptions {
  dir: string;
  port: number;
  /** Base path the site was built for (`BASE_PATH`); requests outside it get 404. */
  base?: string | undefined;
  host?: string | undefined;
}

export async function serve({ dir, port, base = '/', host = '127.0.0.1' }: ServeOptions): Promise<Server> {
  const root = resolve(dir);
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
  } catch {
    // No _headers file: serve without extra headers.
  }
  const compressed = new Map<string, Buffer>();

  const resolveFile = async (pathname: string): Promise<string | undefined> => {
    if (!pathname.startsWith(base)) return undefined;
    const relativePath = normalize(decodeURIComponent(pathname.slice(base.length - 1)));
    const candidate = join(root, relativePath);
    if (!candidate.startsWith(root)) return undefined;
    for (const file of [candidate, join(candidate, 'index.html')]) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) return file;
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let file = await resolveFile(url.pathname).catch(() => undefined);
      let status = 200;
      if (file && !url.pathname.endsWith('/') && file.endsWith('index.html') && !url.pathname.endsWith('.html')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      if (!file) {
        status = 404;
        file = join(root, '404.html');
      }
      const body = await readFile(file).catch(() => Buffer.from('Not found'));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, Vary: 'Accept-Encoding' };
      for (const [name, value] of headersFor(rules, url.pathname)) headers[name] = value;
      let payload: Buffer = body;
      const accept = String(request.headers['accept-encoding'] ?? '');
      if (COMPRESSIBLE.test(type) && body.length > 256) {
        const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
        if (encoding) {
          // Keyed by content too: a rebuild replaces files under the same names.
          const key = `${encoding}:${file}:${createHash('sha1').update(body).digest('base64')}`;
          let packed = compressed.get(key);
          if (!packed) {
            packed =
              encoding === 'br'
                ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
                : gzipSync(body, { level: 9 });
            compressed.set(key, packed);
          }
          payload = packed;
          headers['Content-Encoding'] = encoding;
        }
      }
      headers['Content-Length'] = String(payload.length);
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : payload);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  return server;
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args.splice(at, 2)[1];
  };
  const port = Number(option('--port') ?? process.env.PORT ?? 4321);
  const base = option('--base') ?? '/';
  const dir = args[0] ?? 'dist';
  await serve({ dir, port, base });
  console.log(`Serving ${dir} at http://localhost:${port}${base}  (Ctrl+C to stop)`);
}
