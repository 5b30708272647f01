/**
 * The header rules written out: `_headers` files (the Netlify / Cloudflare Pages format),
 * parsed and written, and the same rules as an nginx snippet.
 *
 *   /_astro/*
 *     Cache-Control: public, max-age=31536000, immutable
 */
import { patternSource, type HeaderRule } from './header-rules';

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon === -1) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

export function formatHeaders(rules: readonly HeaderRule[]): string {
  return (
    rules
      .map((rule) => [rule.pattern, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
      .join('\n\n') + '\n'
  );
}

/**
 * The same rules as an nginx `server { … }` fragment: the first rule's headers (the
 * security headers, for every path) at server level, and one regex location per distinct
 * set of extra headers. nginx drops inherited add_header lines inside a location that has
 * its own, so each location repeats the server-level ones through `include`.
 */
export function formatNginx(rules: readonly HeaderRule[], includeFile = 'snippets/apec-security-headers.conf'): string {
  const [all, ...rest] = rules;
  const line = ([name, value]: [string, string]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`;
  const groups = new Map<string, { headers: [string, string][]; patterns: string[] }>();
  for (const rule of rest) {
    const key = JSON.stringify(rule.headers);
    const group = groups.get(key) ?? { headers: rule.headers, patterns: [] };
    group.patterns.push(patternSource(rule.pattern));
    groups.set(key, group);
  }
  return (
    [
      `# Generated from src/lib/header-rules.ts by \`npm run headers:nginx\`; do not edit by hand.`,
      `# ${includeFile}:`,
      ...(all?.headers ?? []).map((header) => `#   ${line(header)}`),
      '',
      '# Inside server { … }:',
      `include ${includeFile};`,
      ...[...groups.values()].map((group) =>
        [
          `location ~ ^(?:${group.patterns.join('|')})$ {`,
          `  include ${includeFile};`,
          ...group.headers.map((header) => `  ${line(header)}`),
          '}',
        ].join('\n'),
      ),
    ].join('\n') + '\n'
  );
}
