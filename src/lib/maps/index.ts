/**
 * The site's maps and charts, by name, in each edition: what the endpoints in src/pages/maps/
 * serve and what src/components/content/MapFigure.astro shows. Names are the site's (the
 * glossary's `member-<id>` entries), converted for the Simplified edition like the pages.
 */
import { MAP_TEXT } from '../../data/maps';
import { EDITIONS, type Edition } from '../../i18n/editions';
import { localise } from '../../i18n/localise';
import { loadData } from '../data';
import { growthChart } from './growth-chart';
import { hostMap } from './host-map';
import { memberMap } from './member-map';

export const MAP_NAMES = ['members', 'growth', 'hosts'] as const;
export type MapName = (typeof MAP_NAMES)[number];

export interface MapFile {
  svg: string;
  width: number;
  height: number;
  /** Its name, e.g. for the scrolling region that holds it. */
  title: string;
  /** The text alternative: what the figure shows, in the edition's words. */
  description: string;
  /** The figure's caption on the page. */
  caption: string;
}

const cache = new Map<string, { stamp: object; file: MapFile }>();

export function mapFile(name: MapName, edition: Edition): MapFile {
  const data = loadData();
  const key = `${name}/${edition}`;
  const cached = cache.get(key);
  if (cached?.stamp === data) return cached.file;
  const t = (text: string) => localise(text, edition);
  const lang = EDITIONS[edition].lang;
  let file: MapFile;
  if (name === 'members') {
    const text = MAP_TEXT.members;
    const drawn = memberMap(
      data.members.map((member) => ({ id: member.id, shape: member.shape, joined: member.joined, name: t(member.tw) })),
      {
        title: t(text.title),
        description: (...args) => t(text.description(...args)),
        legendTitle: t(text.legendTitle),
        legendItem: (...args) => t(text.legendItem(...args)),
        credit: t(MAP_TEXT.credit),
      },
      lang,
    );
    file = { ...drawn, title: t(text.title), caption: t(text.caption) };
  } else if (name === 'hosts') {
    const text = MAP_TEXT.hosts;
    const drawn = hostMap(
      data.meetings,
      data.cities,
      t,
      {
        title: t(text.title),
        description: (...args) => t(text.description(...args)),
        yearWith: (year, status) => t(`${year}（${text.status[status] ?? status}）`),
        label: (city, years) => `${city} ${years.join('、')}`,
        legendHeld: t(text.legendHeld),
        legendNotHeld: t(text.legendNotHeld),
        legendNewest: (year) => t(text.legendNewest(year)),
        credit: t(MAP_TEXT.credit),
      },
      lang,
    );
    file = { ...drawn, title: t(text.title), caption: t(text.caption) };
  } else {
    const text = MAP_TEXT.growth;
    const years = data.members.map((member) => member.joined);
    const drawn = growthChart(
      years,
      {
        title: t(text.title),
        description: (...args) => t(text.description(...args)),
        axis: t(text.axis),
      },
      lang,
    );
    file = { ...drawn, title: t(text.title), caption: t(text.caption(Math.min(...years), Math.max(...years))) };
  }
  cache.set(key, { stamp: data, file });
  return file;
}

/** The file's path in the edition (`/maps/members.svg`, `/zh-hans/maps/members.svg`), without the base. */
export const mapPath = (name: MapName, edition: Edition): string => `/${EDITIONS[edition].prefix}maps/${name}.svg`;

/** The endpoints' routes: one file per map. */
export const mapStaticPaths = () => MAP_NAMES.map((map) => ({ params: { map } }));

export function mapResponse(name: string | undefined, edition: Edition): Response {
  const known = MAP_NAMES.find((candidate) => candidate === name);
  if (!known) throw new Error(`no map named ${String(name)} (maps: ${MAP_NAMES.join(', ')})`);
  return new Response(mapFile(known, edition).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
