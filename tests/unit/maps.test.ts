/**
 * The map generators (src/lib/maps/): bad data stops them with the file and entry, the colours
 * keep their contrast in light and dark, and names never overlap.
 */
import { describe, expect, test } from 'vitest';
import { MAP_TEXT } from '../../src/data/maps';
import { loadData } from '../../src/lib/data';
import { hostMap, type HostMapText } from '../../src/lib/maps/host-map';
import { placeLabels, type Box } from '../../src/lib/maps/labels';
import { checkShapes, memberMap, type MapMember } from '../../src/lib/maps/member-map';
import { DARK, LIGHT, type Scheme } from '../../src/lib/maps/style';

const data = loadData();
const members: MapMember[] = data.members.map(({ id, shape, joined, tw }) => ({ id, shape, joined, name: tw }));
const memberText = {
  title: MAP_TEXT.members.title,
  description: MAP_TEXT.members.description,
  legendTitle: MAP_TEXT.members.legendTitle,
  legendItem: MAP_TEXT.members.legendItem,
  credit: MAP_TEXT.credit,
};
const hostText: HostMapText = {
  title: MAP_TEXT.hosts.title,
  description: MAP_TEXT.hosts.description,
  yearWith: (year, status) => `${year}（${status}）`,
  label: (city, years) => `${city} ${years.join('、')}`,
  legendHeld: MAP_TEXT.hosts.legendHeld,
  legendNotHeld: MAP_TEXT.hosts.legendNotHeld,
  legendNewest: MAP_TEXT.hosts.legendNewest,
  credit: MAP_TEXT.credit,
};

describe('bad map data stops the build, naming the file and the entry', () => {
  test('every problem at once, not only the first', () => {
    const bad = [
      { id: 'a', shape: '998', joined: 1989, name: 'A' },
      { id: 'b', shape: '997', joined: 1989, name: 'B' },
    ];
    expect(() => checkShapes(bad)).toThrow(/entry 1 \(a\).*\n.*entry 2 \(b\)/);
  });

  test('a meeting whose city has no coordinates', () => {
    const cities = data.cities.filter((city) => city.name !== '慶州');
    const index = data.meetings.findIndex((meeting) => meeting.city === '慶州');
    const meeting = data.meetings[index]!;
    expect(() => hostMap(data.meetings, cities, (name) => name, hostText, 'zh-Hant-TW')).toThrow(
      `src/data/meetings.yaml: entry ${index + 1} (${meeting.year} ${meeting.kind}): city: 慶州 has no coordinates in src/data/cities.yaml`,
    );
  });

  test('a city whose coordinates fall off the map', () => {
    const cities = data.cities.map((city) => (city.name === '利馬' ? { ...city, lon: 10, lat: 50 } : city));
    expect(() => hostMap(data.meetings, cities, (name) => name, hostText, 'zh-Hant-TW')).toThrow(
      /src\/data\/cities\.yaml: 利馬: 10, 50 is outside the host-city map/,
    );
  });
});

describe('colours', () => {
  /** WCAG relative luminance of #rrggbb. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const years = [...new Set(data.members.map((member) => member.joined))].sort((a, b) => a - b);

  test.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('%s: every year joined stands 3:1 from the land of non-members', (_name, scheme: Scheme) => {
    expect(scheme.categories).toHaveLength(years.length);
    const weak = scheme.categories
      .map((colour, index) => [years[index], colour, contrast(colour, scheme.land)] as const)
      .filter(([, , ratio]) => ratio < 3);
    expect(weak).toEqual([]);
    expect(contrast(scheme.text, scheme.background)).toBeGreaterThanOrEqual(4.5);
  });

  test.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('%s: members that share a border and differ in year are 3:1 apart', (_name, scheme: Scheme) => {
    // Neighbours on the member map, by the years they joined.
    const year = (id: string) => data.members.find((member) => member.id === id)!.joined;
    const neighbours = [
      ['united-states', 'mexico'],
      ['indonesia', 'papua-new-guinea'],
      ['china', 'russia'],
      ['china', 'viet-nam'],
      ['chile', 'peru'],
    ] as const;
    const weak = neighbours
      .map(([a, b]) => {
        const colour = (id: string) => scheme.categories[years.indexOf(year(id))]!;
        return [a, b, contrast(colour(a), colour(b))] as const;
      })
      .filter(([, , ratio]) => ratio < 3);
    expect(weak).toEqual([]);
  });
});

describe('placeLabels()', () => {
  const bounds: Box = { x: 0, y: 0, width: 300, height: 200 };
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  test('names of points close together do not overlap, stay on the map and point back with a line', () => {
    const requests = Array.from({ length: 8 }, (_, index) => ({
      id: `p${index}`,
      text: `城市${index}`,
      at: [150 + (index % 3) * 4, 100 + Math.floor(index / 3) * 4] as const,
      fitsInside: () => false,
    }));
    const { placed, unplaced } = placeLabels(requests, [], bounds);
    expect(unplaced).toEqual([]);
    for (const [index, label] of placed.entries()) {
      for (const other of placed.slice(index + 1))
        expect(overlap(label.box, other.box), `${label.id}/${other.id}`).toBe(false);
      expect(label.box.x).toBeGreaterThanOrEqual(0);
      expect(label.box.x + label.box.width).toBeLessThanOrEqual(300);
    }
    expect(placed.filter((label) => label.leader).length).toBeGreaterThan(0);
  });

  test('a crowd goes to a column beside it, in the order of its points from north to south', () => {
    const requests = Array.from({ length: 5 }, (_, index) => ({
      id: `p${index}`,
      text: `城${index}`,
      at: [40 + (index % 2) * 6, 60 + (4 - index) * 5] as const,
      fitsInside: () => false,
    }));
    const { placed } = placeLabels(requests, [], bounds, { near: 7, column: 30, crowd: 20 });
    const column = [...placed].sort((a, b) => a.y - b.y).map((label) => label.id);
    expect(column).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect(new Set(placed.map((label) => label.box.x)).size).toBe(1);
  });

  test('a name with no room anywhere is reported, not drawn over another', () => {
    const { placed, unplaced } = placeLabels(
      [{ id: 'x', text: '一個很長很長很長的名稱', at: [10, 10], fitsInside: () => false }],
      [],
      { x: 0, y: 0, width: 60, height: 20 },
    );
    expect(placed).toEqual([]);
    expect(unplaced.map((request) => request.id)).toEqual(['x']);
  });
});

test('the real member map finds room for every name (it throws when one has none)', () => {
  const { svg } = memberMap(members, memberText, 'zh-Hant-TW');
  expect(svg.match(/data-name="/g)).toHaveLength(members.length);
});
