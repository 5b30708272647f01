/**
 * Synthetic corpus for the build-at-scale benchmark: N pages of realistic Traditional-Chinese
 * text made by reshuffling the sentences of the real content (content/*.md(x)) and the
 * prose fields of src/data/timeline.yaml and glossary.yaml, with headings, tables, links
 * between pages and footnotes citing real source ids from src/data/sources.yaml (the citation
 * plugin rejects unknown ids). Frontmatter satisfies src/content.config.ts.
 *
 * Deterministic: the same seed, page count and inputs give byte-identical files.
 *
 *   tsx tools/corpus.ts <outDir> [--pages 1000] [--seed 1]
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { isRunAsScript } from './run-as-script';

const GROUPS = ['basics', 'organisation', 'history', 'reference'] as const;

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TextPool {
  sentences: string[];
  headings: string[];
  titles: string[];
  terms: string[];
  sourceIds: string[];
}

/** Markdown prose → plain sentences (no footnote refs, links, emphasis or MDX). */
function sentencesOf(markdown: string): { sentences: string[]; headings: string[] } {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const sentences: string[] = [];
  const headings: string[] = [];
  for (const rawLine of body.split('\n')) {
    const line = rawLine.trim();
    if (
      !line ||
      /^(import|export)\s/.test(line) ||
      line.startsWith('<') ||
      line.startsWith('|') ||
      line.startsWith('[^')
    )
      continue;
    const heading = /^#{2,4}\s+(.+)$/.exec(line);
    if (heading?.[1]) {
      headings.push(clean(heading[1]));
      continue;
    }
    const text = clean(line.replace(/^([-*+]|\d+\.)\s+/, ''));
    for (const sentence of text.split(/(?<=[。！？])/u)) {
      const s = sentence.trim();
      if (/\p{Script=Han}/u.test(s) && s.length >= 8)
        sentences.push(s.endsWith('。') || s.endsWith('！') || s.endsWith('？') ? s : `${s}。`);
    }
  }
  return { sentences, headings };
}

function clean(text: string): string {
  return text
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]{1,3}/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything the generator draws from, read from the project at `root`. */
export function loadPool(root: string): TextPool {
  const sentences: string[] = [];
  const headings: string[] = [];
  const contentDir = join(root, 'content');
  for (const file of readdirSync(contentDir, { recursive: true }) as string[]) {
    if (!/\.mdx?$/.test(file)) continue;
    const found = sentencesOf(readFileSync(join(contentDir, file), 'utf8'));
    sentences.push(...found.sentences);
    headings.push(...found.headings);
  }
  const data = (name: string) =>
    (parse(readFileSync(join(root, 'src', 'data', name), 'utf8')) ?? []) as Record<string, unknown>[];
  const titles: string[] = [];
  for (const entry of data('timeline.yaml')) {
    if (typeof entry['title'] === 'string') titles.push(clean(entry['title']));
    if (typeof entry['body'] === 'string') sentences.push(...sentencesOf(entry['body']).sentences);
  }
  const terms: string[] = [];
  for (const entry of data('glossary.yaml')) {
    if (typeof entry['tw'] === 'string') terms.push(entry['tw']);
    if (typeof entry['note'] === 'string') sentences.push(...sentencesOf(entry['note']).sentences);
  }
  const sourceIds = data('sources.yaml')
    .map((entry) => entry['id'])
    .filter((id): id is string => typeof id === 'string' && /^(S\d+[a-z]?|seed)$/.test(id));
  if (sentences.length < 10)
    throw new Error(
      `corpus: only ${sentences.length} sentences found in ${contentDir}; need real content to reshuffle`,
    );
  if (sourceIds.length === 0) throw new Error('corpus: no source ids in src/data/sources.yaml');
  return {
    sentences: [...new Set(sentences)],
    headings: [...new Set(headings.length > 0 ? headings : titles)],
    titles: [...new Set([...titles, ...headings])],
    terms: [...new Set(terms)],
    sourceIds,
  };
}

export interface CorpusOptions {
  pages: number;
  seed?: number;
  /** Every n-th page is a long page (about 4× the text); 0 for none. */
  longEvery?: number;
  /** Names for the first pages instead of `gen-00001`… (pages the templates link to). */
  reserved?: readonly string[];
}

export interface GeneratedPage {
  /** File name inside content/, e.g. `gen-00042.md`. */
  file: string;
  /** Site path, e.g. `/gen-00042/`. */
  path: string;
  text: string;
}

export const pageSlug = (index: number) => `gen-${String(index).padStart(5, '0')}`;

/** Generate the pages in memory (deterministic). */
export function generateCorpus(pool: TextPool, options: CorpusOptions): GeneratedPage[] {
  const random = rng(options.seed ?? 1);
  const longEvery = options.longEvery ?? 10;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pages: GeneratedPage[] = [];
  const perGroup = new Map<string, number>();
  const slugOf = (index: number) => options.reserved?.[index - 1] ?? pageSlug(index);

  for (let index = 1; index <= options.pages; index++) {
    const slug = slugOf(index);
    const group = GROUPS[(index - 1) % GROUPS.length] as string;
    const order = perGroup.get(group) ?? 0;
    perGroup.set(group, order + 1);
    const long = longEvery > 0 && index % longEvery === 0;
    const title = `${pick(pool.titles)}（${index}）`;
    let description = pick(pool.sentences);
    if (description.length > 150) description = `${description.slice(0, 148)}…`;
    if (description.length < 10) description = `${description}：本頁整理相關背景與出處。`;

    const cited = new Set<string>();
    const footnotes: string[] = [];
    const cite = () => {
      const n = footnotes.length + 1;
      const ids = new Set<string>();
      const count = between(1, 3);
      while (ids.size < count) ids.add(pick(pool.sourceIds));
      ids.forEach((id) => cited.add(id));
      footnotes.push(`[^${n}]: ${[...ids].join(' ')}`);
      return `[^${n}]`;
    };
    const paragraph = () => {
      const sentences: string[] = [];
      const count = between(2, 5);
      for (let s = 0; s < count; s++) {
        let sentence = pick(pool.sentences);
        if (random() < 0.12 && options.pages > 1) {
          // A link to another page of the corpus, on a glossary term.
          const term = pool.terms.length > 0 ? pick(pool.terms) : '相關頁面';
          sentence = `${sentence.slice(0, -1)}，參見[${term}](/${slugOf(between(1, options.pages))}/)。`;
        }
        sentences.push(sentence);
      }
      return `${sentences.join('')}${cite()}`;
    };
    const table = () => {
      const rows = between(3, 8);
      const lines = ['| 年份 | 事項 | 說明 |', '| --- | --- | --- |'];
      for (let r = 0; r < rows; r++) {
        const note = pick(pool.sentences).replace(/\|/g, '／');
        lines.push(`| ${between(1989, 2026)} | ${pick(pool.titles).replace(/\|/g, '／')} | ${note.slice(0, 40)} |`);
      }
      return lines.join('\n');
    };

    const blocks: string[] = [paragraph()];
    const sections = long ? between(8, 12) : between(2, 4);
    for (let s = 0; s < sections; s++) {
      blocks.push(`## ${pick(pool.headings)}`);
      const paragraphs = between(1, 3);
      for (let p = 0; p < paragraphs; p++) blocks.push(paragraph());
      if (random() < 0.35) {
        blocks.push(`### ${pick(pool.titles)}`);
        blocks.push(paragraph());
      }
      if (random() < 0.2) blocks.push(table());
      if (random() < 0.15)
        blocks.push(Array.from({ length: between(2, 4) }, () => `- ${pick(pool.sentences)}`).join('\n'));
    }

    const frontmatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(description)}`,
      'sidebar:',
      `  group: ${group}`,
      `  order: ${order}`,
      'lastReviewed: 2026-11-26',
      `sources: [${[...cited].join(', ')}]`,
      '---',
    ].join('\n');
    pages.push({
      file: `${slug}.md`,
      path: `/${slug}/`,
      text: `${frontmatter}\n\n${blocks.join('\n\n')}\n\n${footnotes.join('\n')}\n`,
    });
  }
  return pages;
}

/** Root-relative page links hard-coded in src/pages and src/components (`/founding/`). */
export function reservedSlugs(root: string): string[] {
  const slugs = new Set<string>();
  for (const dir of ['src/pages', 'src/components', 'src/layouts']) {
    for (const file of readdirSync(join(root, dir), { recursive: true }) as string[]) {
      if (!file.endsWith('.astro')) continue;
      const text = readFileSync(join(root, dir, file), 'utf8');
      for (const [, slug] of text.matchAll(/['"`(]\/([a-z0-9][a-z0-9-]*)\/['"`)#]/g))
        if (slug && slug !== 'pagefind') slugs.add(slug);
    }
  }
  return [...slugs].sort();
}

/**
 * Replace `contentDir` with `pages` generated pages. Pages the site's templates link to by
 * name (the home page links to `/founding/`, …) are among them, so the link checker passes
 * without depending on the real pages being complete. Returns the bytes of Markdown written.
 */
export function writeCorpus(
  root: string,
  contentDir: string,
  options: CorpusOptions,
): { pages: number; bytes: number } {
  if (resolve(contentDir) === resolve(root, 'content'))
    throw new Error('corpus: refusing to overwrite the real content/ folder');
  const pool = loadPool(root);
  const pages = generateCorpus(pool, { reserved: reservedSlugs(root), ...options });
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  let bytes = 0;
  for (const page of pages) {
    writeFileSync(join(contentDir, page.file), page.text);
    bytes += Buffer.byteLength(page.text);
  }
  return { pages: pages.length, bytes };
}

/** A reader-visible edit to one page (for the incremental-rebuild measurement). */
export function editPage(contentDir: string, index: number, stamp: string): string {
  const file = join(contentDir, `${pageSlug(index)}.md`);
  const text = readFileSync(file, 'utf8');
  const footnoteAt = text.indexOf('\n[^1]:');
  const edited = `${text.slice(0, footnoteAt)}\n本段為編修測試所加（${stamp}）。\n${text.slice(footnoteAt)}`;
  writeFileSync(file, edited);
  return file;
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args.splice(at, 2)[1];
  };
  const pages = Number(option('--pages') ?? 1000);
  const seed = Number(option('--seed') ?? 1);
  const out = args[0];
  if (!out) {
    console.error('usage: tsx tools/corpus.ts <outDir> [--pages 1000] [--seed 1]');
    process.exit(2);
  }
  const { bytes } = writeCorpus(process.cwd(), out, { pages, seed });
  console.log(`wrote ${pages} pages (${(bytes / 1024).toFixed(0)} KB) to ${out}`);
}
