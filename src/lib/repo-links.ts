/**
 * "Edit this page" and "report an error" links, like Starlight's `editLink`: shown only when
 * the build is given the repository (README: "Edit and report links").
 *   EDIT_BASE_URL  e.g. https://github.com/org/apec-docs/edit/main/  (+ content/founding.md)
 *   ISSUES_URL     e.g. https://github.com/org/apec-docs/issues/new  (+ ?title=…&body=…)
 */

export interface RepoLinks {
  /** Where the page's source file can be edited. */
  edit?: string | undefined;
  /** A new issue about the page, titled and linked. */
  report?: string | undefined;
}

/** `value` as an absolute http(s) URL, or an error naming the variable. */
function urlFrom(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not an absolute URL (e.g. https://github.com/org/repo/…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name}: "${value}" must be an http(s) URL`);
  }
  return url;
}

/**
 * The links for one page. `filePath`: the page's source relative to the repository root
 * (`content/founding.md`); `pageUrl`: the page's public address, quoted in the issue body.
 */
export function repoLinks(
  env: { EDIT_BASE_URL?: string | undefined; ISSUES_URL?: string | undefined },
  page: { filePath: string; title: string; pageUrl: string },
): RepoLinks {
  const links: RepoLinks = {};
  const editBase = env.EDIT_BASE_URL?.trim();
  if (editBase) {
    const base = urlFrom('EDIT_BASE_URL', editBase);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    links.edit = new URL(page.filePath.split('/').map(encodeURIComponent).join('/'), base).href;
  }
  const issues = env.ISSUES_URL?.trim();
  if (issues) {
    const url = urlFrom('ISSUES_URL', issues);
    url.searchParams.set('title', `回報錯誤：${page.title}`);
    url.searchParams.set('body', `頁面：${page.pageUrl}\n\n錯誤之處：\n\n正確的說法與出處：\n`);
    links.report = url.href;
  }
  return links;
}
