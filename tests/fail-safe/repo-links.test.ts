/**
 * Edit and report links: a copy of the project built with EDIT_BASE_URL and ISSUES_URL shows
 * both on every content page of both editions (the build-output tests check that the ordinary
 * build, without them, shows none). A malformed value is an error naming the variable: the unit
 * test of repoLinks() (tests/unit/faq-and-repo-links.test.ts) checks it without a build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const EDIT_BASE_URL = 'https://github.com/example/apec-docs/edit/main/';
const ISSUES_URL = 'https://github.com/example/apec-docs/issues/new';
let project: ProjectCopy;

beforeAll(async () => {
  project = await copyProject();
  const result = await project.build({ ASTRO_LOG_LEVEL: 'error', EDIT_BASE_URL, ISSUES_URL });
  expect(result.ok, result.output).toBe(true);
}, 300_000);

afterAll(async () => {
  await project?.remove();
});

const linksOf = async (page: string) => {
  const tree = fromHtml(await readFile(join(project.dir, 'dist', page, 'index.html'), 'utf8'));
  return selectAll('main .repo-links a', tree).map((node) => ({
    text: toString(node),
    href: String(node.properties['href']),
  }));
};

test.each([
  ['founding', 'content/founding.md', '在 GitHub 上編輯此頁', '回報錯誤'],
  ['members', 'content/members.mdx', '在 GitHub 上編輯此頁', '回報錯誤'],
  ['zh-hans/faq', 'content/faq.md', '在 GitHub 上编辑此页', '回报错误'],
])('/%s/ links to its source (%s) and to a new issue about it', async (page, file, editText, reportText) => {
  const [edit, report] = await linksOf(page);
  expect(edit).toEqual({ text: editText, href: `${EDIT_BASE_URL}${file}` });
  expect(report?.text).toBe(reportText);
  const url = new URL(report!.href);
  expect(`${url.origin}${url.pathname}`).toBe(ISSUES_URL);
  expect(url.searchParams.get('title')).toMatch(/^回報錯誤：/);
  expect(url.searchParams.get('body')).toContain(`/${page}/`);
});

test('the home page, which is no content page, has none', async () => {
  const tree = fromHtml(await readFile(join(project.dir, 'dist', 'index.html'), 'utf8'));
  expect(select('.repo-links', tree)).toBeUndefined();
});
