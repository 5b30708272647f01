/** The one place that reads the `docs` collection; everything else asks here. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { GROUPS } from '../data/groups';
import { buildNavigation, type Navigation } from './navigation';
import { toSlugParam } from './paths';

export type Doc = CollectionEntry<'docs'>;

// Cached for the whole build; in `astro dev` content changes, so nothing is cached there.
const cacheable = import.meta.env.MODE === 'production';
let docs: Promise<Doc[]> | undefined;
let navigation: Promise<Navigation> | undefined;

/** Published pages. Drafts show in `astro dev` only. MODE, not DEV: Vitest builds set DEV. */
export const getPublishedDocs = (): Promise<Doc[]> => {
  const load = () => getCollection('docs', ({ data }) => !cacheable || !data.draft);
  return cacheable ? (docs ??= load()) : load();
};

/** Navigation for the whole site, computed once per build. */
export const getNavigation = (): Promise<Navigation> => {
  const load = () =>
    getPublishedDocs().then((pages) =>
      buildNavigation(
        pages.map(({ id, data }) => ({
          id,
          title: data.title,
          label: data.sidebar.label,
          group: data.sidebar.group,
          order: data.sidebar.order,
        })),
        GROUPS,
      ),
    );
  return cacheable ? (navigation ??= load()) : load();
};

/** Static paths for the page route of either edition: one per published page. */
export const docStaticPaths = async () =>
  (await getPublishedDocs()).map((page) => ({ params: { slug: toSlugParam(page.id) }, props: { page } }));
