/**
 * The host-city map: every city that held a year's main APEC meeting (meetings.yaml), as a
 * point at its coordinates (cities.yaml) on the site's Pacific-centred map, named with its year
 * or years; a year not held in person says so in words, and the newest meeting is a star.
 * A meeting whose city has no coordinates stops the build (src/lib/data.ts checks it first).
 */
import { geoPath } from 'd3-geo';
import type { City, Meeting } from '../../data/schemas';
import { loadAtlas } from './atlas';
import { FONT_SIZE, placeLabels, type Box, type LabelRequest } from './labels';
import { MapDataError } from './member-map';
import { MAP_WIDTH, pacificProjection, type Extent } from './projection';
import { mapStyle } from './style';
import { el, escapeXml, num, svgDocument } from './svg';

/** From the Bay of Bengal to the Andes, from Vancouver to Wellington. */
const EXTENT: Extent = { west: 74, east: -62, north: 58, south: -47 };
const DOT = 3.5;
const STAR = 7;

export interface HostMapText {
  title: string;
  description: (cities: number, first: number, last: number) => string;
  /** A year not held in person: 「2020（視訊）」. */
  yearWith: (year: number, status: Meeting['status']) => string;
  /** A city's label: its name and its years. */
  label: (city: string, years: readonly string[]) => string;
  legendHeld: string;
  legendNotHeld: string;
  legendNewest: (year: number) => string;
  credit: string;
}

type MapMeeting = Pick<Meeting, 'year' | 'kind' | 'city' | 'status'>;

/** Five points of a star around (x, y). */
const starPath = (x: number, y: number, r: number) =>
  `M${Array.from({ length: 10 }, (_, index) => {
    const angle = (Math.PI / 5) * index - Math.PI / 2;
    const radius = index % 2 === 0 ? r : r * 0.45;
    return `${num(x + radius * Math.cos(angle))},${num(y + radius * Math.sin(angle))}`;
  }).join('L')}Z`;

/** `cityName` gives a city's name in the edition drawn. */
export function hostMap(
  meetings: readonly MapMeeting[],
  cities: readonly City[],
  cityName: (name: string) => string,
  text: HostMapText,
  lang: string,
) {
  const where = new Map(cities.map((city) => [city.name, city]));
  const missing = meetings.flatMap((meeting, index) =>
    where.has(meeting.city)
      ? []
      : [
          `src/data/meetings.yaml: entry ${index + 1} (${meeting.year} ${meeting.kind}): city: ${meeting.city} has no coordinates in src/data/cities.yaml`,
        ],
  );
  if (missing.length > 0) throw new MapDataError(missing.join('\n'));
  const { projection, height } = pacificProjection(EXTENT);
  const width = MAP_WIDTH;
  const path = geoPath(projection).digits(1);
  const newest = meetings.reduce((a, b) => (b.year > a.year ? b : a));

  // One point per city, in the order the cities first held a meeting.
  const names = [...new Set(meetings.map((meeting) => meeting.city))];
  const points = names.map((name) => {
    const city = where.get(name)!;
    const held = meetings.filter((meeting) => meeting.city === name);
    const at = projection([city.lon, city.lat]);
    if (!at || at[0] < 0 || at[0] > width || at[1] < 0 || at[1] > height)
      throw new MapDataError(
        `src/data/cities.yaml: ${name}: ${city.lon}, ${city.lat} is outside the host-city map (src/lib/maps/host-map.ts)`,
      );
    const years = held.map((meeting) =>
      meeting.status === 'held' || meeting.status === 'announced'
        ? String(meeting.year)
        : text.yearWith(meeting.year, meeting.status),
    );
    return {
      name,
      at: at as [number, number],
      label: text.label(cityName(name), years),
      newest: held.includes(newest),
      inPerson: held.some((meeting) => meeting.status === 'held' || meeting.status === 'announced'),
    };
  });

  const rowHeight = FONT_SIZE + 8;
  const legendRows = [text.legendHeld, text.legendNotHeld, text.legendNewest(newest.year)];
  // Legend and credit: bottom left, in the Indian Ocean, where a phone shows the map first.
  const legendHeight = legendRows.length * rowHeight + 8;
  const [legendX, legendY] = [10, height - 22 - legendHeight + 4];
  const legend: Box = { x: legendX - 6, y: legendY - 4, width: 150, height: legendHeight };
  const credit: Box = { x: 0, y: height - 18, width: 124, height: 18 };
  const obstacles: Box[] = [
    legend,
    credit,
    ...points.map(({ at: [x, y], newest: star }) => {
      const r = (star ? STAR : DOT) + 1;
      return { x: x - r, y: y - r, width: 2 * r, height: 2 * r };
    }),
  ];
  const requests: LabelRequest[] = points.map((point) => ({
    id: point.name,
    text: point.label,
    at: point.at,
    fitsInside: () => false,
  }));
  // Asia's crowd of cities: names close to their points where there is room, the rest in a
  // column out in the Pacific.
  const { placed, unplaced } = placeLabels(
    requests,
    obstacles,
    { x: 0, y: 0, width, height },
    { near: 24, column: 40, crowd: 24 },
  );
  if (unplaced.length > 0)
    throw new MapDataError(
      `host-city map: no room for the names of ${unplaced.map((request) => request.id).join(', ')} (src/lib/maps/host-map.ts)`,
    );

  const marker = (x: number, y: number, kind: 'held' | 'notHeld' | 'newest', data: Record<string, string> = {}) =>
    kind === 'newest'
      ? el('path', { class: 'k a', d: starPath(x, y, STAR), ...data })
      : el('circle', { class: kind === 'held' ? 'k f' : 'k o', cx: num(x), cy: num(y), r: DOT, ...data });
  const years = meetings.map((meeting) => meeting.year);
  const description = text.description(points.length, Math.min(...years), Math.max(...years));
  const body = [
    el('path', { class: 'l', d: path(loadAtlas().landExcept(new Set())) ?? '' }),
    el(
      'g',
      { class: 'names', 'text-anchor': 'middle', 'dominant-baseline': 'central' },
      ...placed.flatMap((label) =>
        label.leader
          ? [
              el('path', {
                class: 'k',
                d: `M${num(label.leader[0])},${num(label.leader[1])}L${num(label.leader[2])},${num(label.leader[3])}`,
              }),
            ]
          : [],
      ),
      ...points.map((point) =>
        marker(point.at[0], point.at[1], point.newest ? 'newest' : point.inPerson ? 'held' : 'notHeld', {
          'data-city': point.name,
        }),
      ),
      ...placed.map((label) => {
        const point = points.find((candidate) => candidate.name === label.id)!;
        return el(
          'text',
          { 'data-label': label.id, class: point.newest ? 'z' : undefined, x: num(label.x), y: num(label.y) },
          escapeXml(label.text),
        );
      }),
    ),
    el(
      'g',
      { class: 'legend', 'dominant-baseline': 'central' },
      ...(['held', 'notHeld', 'newest'] as const).map((kind, index) => {
        const y = legendY + index * rowHeight + rowHeight / 2;
        return (
          marker(legendX + 4, y, kind) + el('text', { x: num(legendX + 16), y: num(y) }, escapeXml(legendRows[index]!))
        );
      }),
    ),
    el('text', { class: 'q', x: 4, y: height - 6 }, escapeXml(text.credit)),
  ];
  return {
    svg: svgDocument({
      width,
      height,
      title: text.title,
      description,
      lang,
      style: mapStyle(),
      body,
    }),
    width,
    height,
    description,
  };
}
