/**
 * Answer cards (build time): when a query is a glossary term in any form, search shows a card
 * first with the Taiwan form, the Hong Kong / mainland / English forms and abbreviation, the
 * note's first sentence and a link to the section that explains the term (the entry's `page`,
 * e.g. `/structure/#資深官員會議`; without one, the entry's row on the glossary page).
 *
 * The cards ride in search-data.json (`a`), which search loads anyway: no extra request.
 * `page` is checked against the pages and headings Pagefind indexed (the article's h2/h3 ids,
 * src/search/index-html.ts): a page or section that does not exist stops the build with the
 * file, the entry and the problem.
 */
import type { GlossaryEntry } from '../data/schemas';
import { EDITIONS } from '../i18n/editions';
import { getConverter } from '../i18n/localise';
import { DataError } from '../lib/data';
import type { PagefindFragment } from './pagefind-bundle';
import { cardKey, GLOSSARY_PAGE, type AnswerCard, type AnswerCards, type CardText } from './query';

const GLOSSARY_FILE = 'src/data/glossary.yaml';
/** The glossary page renders each entry's row with this id (src/components/content/GlossaryTable.astro). */
const GLOSSARY_ROW = (id: string) => `${GLOSSARY_PAGE}#term-${id}`;

interface Fragment {
  url: string;
  title: string;
  anchors: Map<string, string>;
}

function byUrl(fragments: readonly PagefindFragment[]): Map<string, Fragment> {
  const pages = new Map<string, Fragment>();
  for (const fragment of fragments) {
    const anchors = new Map<string, string>();
    for (const anchor of fragment.anchors ?? []) {
      if (anchor.id && /^h[23]$/.test(anchor.element ?? '')) anchors.set(anchor.id, (anchor.text ?? '').trim());
    }
    pages.set(fragment.url, { url: fragment.url, title: fragment.meta?.['title'] ?? '', anchors });
  }
  return pages;
}

const firstSentence = (note: string | undefined): string | undefined => {
  if (!note) return undefined;
  const end = note.indexOf('。');
  return end < 0 ? note : note.slice(0, end + 1);
};

/** Where an entry's card links to, checked; throws a DataError naming the entry. */
function target(entry: GlossaryEntry, index: number, pages: Map<string, Fragment>): { url: string; section: string } {
  const name = `${GLOSSARY_FILE}: entry ${index + 1} (${entry.id}): page`;
  if (!entry.page) return { url: GLOSSARY_ROW(entry.id), section: pages.get(GLOSSARY_PAGE)?.title ?? '' };
  const hashAt = entry.page.indexOf('#');
  const path = hashAt < 0 ? entry.page : entry.page.slice(0, hashAt);
  const id = hashAt < 0 ? '' : decodeURIComponent(entry.page.slice(hashAt + 1));
  const page = pages.get(path);
  if (!page) throw new DataError(`${name}: no page ${path} on the site (page: ${entry.page})`);
  if (!id) return { url: path, section: page.title };
  const heading = page.anchors.get(id);
  if (heading === undefined) {
    const known = [...page.anchors.keys()].map((key) => `#${key}`).join(', ');
    throw new DataError(`${name}: ${path} has no section #${id} (its sections: ${known || 'none'})`);
  }
  return { url: `${path}#${id}`, section: heading };
}

/** The cards and their look-up keys (every form of every entry, in either script). */
export function answerCards(fragments: readonly PagefindFragment[], glossary: readonly GlossaryEntry[]): AnswerCards {
  const pages = byUrl(fragments);
  // Characters only, names as written: what the Simplified glossary page shows (data-zh-literal).
  const toSimplified = (text: string) => getConverter().literal(text);
  const cards: AnswerCard[] = [];
  const keys: Record<string, number> = {};
  // Entries that link to their own section claim shared forms first (新加坡: the member, not the city).
  const order = glossary
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Number(!a.entry.page) - Number(!b.entry.page));
  for (const { entry, index } of order) {
    const { url, section } = target(entry, index, pages);
    const twin = pages.get(`/${EDITIONS.hans.prefix}${url.split('#')[0]!.replace(/^\//, '')}`);
    const id = url.includes('#') ? decodeURIComponent(url.slice(url.indexOf('#') + 1)) : '';
    const note = firstSentence(entry.note);
    const forms = (list: readonly string[]) => [...new Set(list)];
    const t: CardText = {
      tw: entry.tw,
      alt: forms(entry.twAlt),
      hk: forms(entry.hk),
      cn: forms(entry.cn),
      note,
      section,
    };
    // The Simplified edition shows them in Simplified characters, as its glossary page does.
    const s: CardText = {
      tw: toSimplified(entry.tw),
      alt: forms(entry.twAlt.map(toSimplified)),
      hk: forms(entry.hk.map(toSimplified)),
      cn: forms(entry.cn.map(toSimplified)),
      note: note === undefined ? undefined : toSimplified(note),
      section: (id ? twin?.anchors.get(id) : twin?.title) ?? toSimplified(section),
    };
    const card: AnswerCard = {
      u: url,
      t,
      s,
      ...(entry.en ? { en: entry.en } : {}),
      ...(entry.abbr ? { ab: entry.abbr } : {}),
    };
    const at = cards.push(card) - 1;
    const all = [entry.tw, ...entry.twAlt, ...entry.hk, ...entry.cn, entry.en ?? '', entry.abbr ?? ''].filter(Boolean);
    for (const form of all) {
      for (const variant of [form, toSimplified(form)]) {
        const key = cardKey(variant);
        if (key && keys[key] === undefined) keys[key] = at;
      }
    }
  }
  return { c: cards, k: keys };
}
