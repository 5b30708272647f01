/**
 * The member map: every member economy on a Pacific-centred world map (Equal Earth, centred on
 * 150° E), filled by the year it joined, named, with a legend. Economies too small to see at this
 * scale get a marker. Drawn from the data on every build; a member whose `shape` has no outline
 * in the atlas stops the build.
 */
import { geoArea, geoContains, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { ATLAS_FILE, loadAtlas, type Atlas } from './atlas';
import { labelBox, placeLabels, FONT_SIZE, type Box, type LabelRequest } from './labels';
import { MAP_WIDTH, pacificProjection, type Extent } from './projection';
import { patternDefs, mapStyle } from './style';
import { el, escapeXml, num, svgDocument } from './svg';

/** Data the map cannot be drawn from: the build stops with the file and entry. */
export class MapDataError extends Error {
  override name = 'MapDataError';
}

export interface MapMember {
  id: string;
  /** world-atlas id of its outline. */
  shape: string;
  joined: number;
  /** Its name in the edition drawn. */
  name: string;
}

export interface MemberMapText {
  title: string;
  description: (count: number, years: readonly number[], markers: readonly string[]) => string;
  legendTitle: string;
  legendItem: (year: number, count: number) => string;
  credit: string;
}

export interface MemberMap {
  svg: string;
  width: number;
  height: number;
  /** The description, also the page's text alternative. */
  description: string;
}

/**
 * What the member map shows: from the Indian Ocean (62° E) eastwards across the Pacific to the
 * Atlantic coast of the Americas (32° W), and from Cape Horn to the Arctic coasts. Europe and
 * Africa are left out: no member but Russia reaches there, and Russia's Pacific side shows.
 */
const EXTENT: Extent = { west: 62, east: -32, north: 78, south: -58 };
/** A member whose outline covers less than this (px²) is drawn as a marker. */
const MARKER_AREA = 40;
const MARKER_RADIUS = 5;

/** Check the members against the atlas: every `shape` must have an outline. */
export function checkShapes(members: readonly MapMember[], atlas: Pick<Atlas, 'ids'> = loadAtlas()): void {
  const problems = members.flatMap((member, index) =>
    atlas.ids.has(member.shape)
      ? []
      : [
          `src/data/members.yaml: entry ${index + 1} (${member.id}): shape: '${member.shape}' has no outline in ${ATLAS_FILE}`,
        ],
  );
  if (problems.length > 0) throw new MapDataError(problems.join('\n'));
}

/** Where a country's name goes: its largest piece (Alaska is not the US's middle), or the whole when no piece dominates. */
function mainPart(shape: MultiPolygon): Polygon | MultiPolygon {
  const parts = shape.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  const areas = parts.map((part) => geoArea(part));
  const total = areas.reduce((a, b) => a + b, 0);
  const largest = areas.indexOf(Math.max(...areas));
  // A country in pieces of similar size (Indonesia, Malaysia, Japan) is named at its middle.
  return areas[largest]! > (total * 2) / 3 ? parts[largest]! : shape;
}

export function memberMap(members: readonly MapMember[], text: MemberMapText, lang: string): MemberMap {
  const atlas = loadAtlas();
  checkShapes(members, atlas);
  const { projection, height } = pacificProjection(EXTENT);
  const path = geoPath(projection).digits(1);
  const width = MAP_WIDTH;
  const years = [...new Set(members.map((member) => member.joined))].sort((a, b) => a - b);
  const category = (member: MapMember) => years.indexOf(member.joined);

  const shapes = members.map((member) => {
    const outline = atlas.country(member.shape);
    const area = path.area(outline);
    const main = mainPart(outline);
    const at = path.centroid(area < MARKER_AREA ? outline : main);
    return { member, outline, main, marker: area < MARKER_AREA, at };
  });
  const markers = shapes.filter((shape) => shape.marker);

  // Legend and credit: bottom left, in the Indian Ocean, where a phone shows the map first.
  const rowHeight = FONT_SIZE + 7;
  const legendHeight = (years.length + 1) * rowHeight + 4;
  const [legendX, legendY] = [6, height - 22 - legendHeight];
  const legend: Box = { x: legendX, y: legendY, width: 112, height: legendHeight };
  const credit: Box = { x: 0, y: height - 18, width: 124, height: 18 };

  const corners = (box: Box): [number, number][] => [
    [box.x + 2, box.y + 2],
    [box.x + box.width - 2, box.y + 2],
    [box.x + 2, box.y + box.height - 2],
    [box.x + box.width - 2, box.y + box.height - 2],
    [box.x + box.width / 2, box.y + box.height / 2],
  ];
  const within = (shape: MultiPolygon | Polygon, [x, y]: [number, number]) => {
    const point = projection.invert!([x, y]);
    return point !== null && geoContains(shape, point);
  };
  // Names that fit inside their shape first, then the markers' (their spot is exact), then the
  // rest, smallest first: the small ones have the fewest good places.
  const fitsInside = (shape: (typeof shapes)[number], box: Box) =>
    !shape.marker && corners(box).every((corner) => within(shape.outline, corner));
  const rank = (shape: (typeof shapes)[number]) => {
    const box = labelBox(shape.member.name, shape.at);
    return fitsInside(shape, box) ? 0 : shape.marker ? 1 : 2;
  };
  const requests: LabelRequest[] = [...shapes]
    .sort((a, b) => rank(a) - rank(b) || path.area(a.main) - path.area(b.main))
    .map((shape) => ({
      id: shape.member.id,
      text: shape.member.name,
      at: shape.at,
      fitsInside: (box) => fitsInside(shape, box),
      coversOther: (box) =>
        shapes.some((other) => other !== shape && corners(box).some((corner) => within(other.outline, corner))),
    }));
  const obstacles: Box[] = [
    legend,
    credit,
    ...markers.map(({ at: [x, y] }) => ({
      x: x - MARKER_RADIUS,
      y: y - MARKER_RADIUS,
      width: 2 * MARKER_RADIUS,
      height: 2 * MARKER_RADIUS,
    })),
  ];
  const { placed, unplaced } = placeLabels(requests, obstacles, { x: 0, y: 0, width, height });
  if (unplaced.length > 0)
    throw new MapDataError(
      `member map: no room for the names of ${unplaced.map((request) => request.id).join(', ')} (src/lib/maps/member-map.ts)`,
    );

  const counts = years.map((year) => members.filter((member) => member.joined === year).length);
  const description = text.description(
    members.length,
    years,
    markers.map((shape) => shape.member.name),
  );
  const d = (object: GeoPermissibleObjects) => path(object) ?? '';
  const memberIds = new Set(members.map((member) => member.shape));

  const body = [
    patternDefs(years.length),
    el('path', { class: 'l', d: d(atlas.landExcept(memberIds)) }),
    el(
      'g',
      { class: 'members' },
      ...shapes.map((shape) =>
        el('path', {
          'data-member': shape.member.id,
          fill: `url(#p${category(shape.member)})`,
          d: d(shape.outline),
        }),
      ),
    ),
    // Borders between members: one line over all of them.
    el('path', { class: 'b', d: shapes.map((shape) => d(shape.outline)).join('') }),
    // A marker: its category's pattern in a ring, on a halo that parts it from the shapes around.
    ...markers.map((shape) => {
      const [cx, cy] = shape.at.map(num);
      return (
        el('circle', { class: 'm', cx, cy, r: MARKER_RADIUS + 1.5 }) +
        el('circle', {
          'data-marker': shape.member.id,
          class: 'k',
          fill: `url(#p${category(shape.member)})`,
          cx,
          cy,
          r: MARKER_RADIUS,
        })
      );
    }),
    el(
      'g',
      { class: 'names', 'text-anchor': 'middle', 'dominant-baseline': 'central' },
      ...placed.flatMap((label) => [
        ...(label.leader
          ? [
              el('path', {
                class: 'k',
                d: `M${num(label.leader[0])},${num(label.leader[1])}L${num(label.leader[2])},${num(label.leader[3])}`,
              }),
            ]
          : []),
        el('text', { 'data-name': label.id, x: num(label.x), y: num(label.y) }, escapeXml(label.text)),
      ]),
    ),
    el(
      'g',
      { class: 'legend' },
      el('text', { x: num(legend.x), y: num(legend.y + rowHeight / 2) }, escapeXml(text.legendTitle)),
      ...years.map((year, index) => {
        const y = legend.y + (index + 1) * rowHeight;
        return [
          el('rect', {
            class: 'k',
            fill: `url(#p${index})`,
            x: num(legend.x),
            y: num(y + 2),
            width: 18,
            height: FONT_SIZE,
          }),
          el(
            'text',
            { x: num(legend.x + 24), y: num(y + 2 + FONT_SIZE / 2), 'dominant-baseline': 'central' },
            escapeXml(text.legendItem(year, counts[index]!)),
          ),
        ].join('');
      }),
    ),
    el('text', { class: 'q', x: 4, y: height - 6 }, escapeXml(text.credit)),
  ];
  return {
    svg: svgDocument({ width, height, title: text.title, description, lang, style: mapStyle(), body }),
    width,
    height,
    description,
  };
}
