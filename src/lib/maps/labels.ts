/**
 * Places the names on a map without overlaps: each label goes on its shape when it fits there,
 * otherwise at the first free spot around its point, nearest first, with a leader line from the
 * point. With `column`, names that find no spot close by are set in a column beside their
 * crowd instead, in the order of their points from north to south, so that the leader lines do
 * not cross. Greedy and deterministic: the same data gives the same map.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  text: string;
  /** The point the label names, in map pixels. */
  at: readonly [number, number];
  /** Whether a box centred on `at` lies inside the shape (the label then sits there, without a line). */
  fitsInside: (box: Box) => boolean;
  /** Whether a box would cover another shape (a name over a neighbour reads as the neighbour's): tried last. */
  coversOther?: (box: Box) => boolean;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Where the text's middle is (text-anchor middle, dominant-baseline central). */
  x: number;
  y: number;
  box: Box;
  /** From the point to the label's edge, when the label stands away from its point. */
  leader?: readonly [number, number, number, number];
}

export const FONT_SIZE = 12;
const PAD = 2;

/** Width of a text at FONT_SIZE px: CJK and full-width characters 1 em, the rest about 0.55 em. */
export const textWidth = (text: string): number =>
  [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58), 0) * FONT_SIZE;

/** The box of a label centred on a point. */
export const labelBox = (text: string, [x, y]: readonly [number, number]): Box =>
  boxAround(x, y, textWidth(text) + 2 * PAD, FONT_SIZE + 2 * PAD);

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Directions tried around a point: right, left, then the diagonals, above and below. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
  [0, -1],
  [0, 1],
];
const DISTANCES = [7, 14, 24, 36, 50, 66, 84, 104];

function boxAround(cx: number, cy: number, width: number, height: number): Box {
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** Nearest point of a box to a point. */
const nearest = (box: Box, x: number, y: number): [number, number] => [
  Math.min(Math.max(x, box.x), box.x + box.width),
  Math.min(Math.max(y, box.y), box.y + box.height),
];

export interface PlaceOptions {
  /** How far from its point a name may stand before it goes to the column (px). */
  near?: number;
  /** Set the names that find no spot nearby in a column: to the right of the crowd's easternmost point, this far (px). */
  column?: number;
  /** A point with two others closer than this (px) is in a crowd: its name goes straight to the column. */
  crowd?: number;
}

export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Box,
  options: PlaceOptions = {},
): { placed: PlacedLabel[]; unplaced: LabelRequest[] } {
  const distances = DISTANCES.filter((distance) => distance <= (options.near ?? Infinity));
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const unplaced: LabelRequest[] = [];
  const inBounds = (box: Box) =>
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height;
  const free = (box: Box) => inBounds(box) && !taken.some((other) => overlaps(box, other));
  const crowded = (request: LabelRequest) =>
    options.crowd !== undefined &&
    requests.filter(
      (other) =>
        other !== request && Math.hypot(other.at[0] - request.at[0], other.at[1] - request.at[1]) < options.crowd!,
    ).length >= 2;
  for (const request of requests) {
    if (crowded(request)) {
      unplaced.push(request);
      continue;
    }
    const width = textWidth(request.text) + 2 * PAD;
    const height = FONT_SIZE + 2 * PAD;
    const [ax, ay] = request.at;
    let choice: { box: Box; leader: boolean } | undefined;
    const centred = boxAround(ax, ay, width, height);
    if (request.fitsInside(centred) && free(centred)) choice = { box: centred, leader: false };
    // Around the point, nearest first: off other shapes if there is room, else anywhere free.
    for (const strict of [true, false]) {
      for (const distance of distances) {
        if (choice) break;
        for (const [dx, dy] of DIRECTIONS) {
          const cx = ax + dx * (distance + width / 2);
          const cy = ay + dy * (distance + height / 2);
          const box = boxAround(cx, cy, width, height);
          if (free(box) && !(strict && request.coversOther?.(box))) {
            choice = { box, leader: distance > distances[0]! };
            break;
          }
        }
      }
    }
    if (!choice) {
      unplaced.push(request);
      continue;
    }
    const { box } = choice;
    taken.push(box);
    const [ex, ey] = nearest(box, ax, ay);
    placed.push({
      id: request.id,
      text: request.text,
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      box,
      ...(choice.leader ? { leader: [ax, ay, ex, ey] as const } : {}),
    });
  }
  if (options.column === undefined || unplaced.length === 0) return { placed, unplaced };
  // The columns: one per crowd (points less than a quarter of the map apart), beside its
  // easternmost point, or its westernmost when there is no room east. Each name stands at its
  // point's height or, when that is taken, on the next free line below.
  const rest: LabelRequest[] = [];
  const sorted = [...unplaced].sort((a, b) => a.at[0] - b.at[0]);
  const crowds: LabelRequest[][] = [];
  for (const request of sorted) {
    const crowd = crowds.at(-1);
    if (crowd && request.at[0] - crowd.at(-1)!.at[0] < bounds.width / 4) crowd.push(request);
    else crowds.push([request]);
  }
  const column = options.column;
  for (const crowd of crowds) {
    const widest = Math.max(...crowd.map((request) => textWidth(request.text))) + 2 * PAD;
    const east = Math.max(...crowd.map((request) => request.at[0])) + column;
    const west = Math.min(...crowd.map((request) => request.at[0])) - column;
    const toEast = east + widest <= bounds.x + bounds.width;
    let floor = -Infinity;
    for (const request of [...crowd].sort((a, b) => a.at[1] - b.at[1])) {
      const width = textWidth(request.text) + 2 * PAD;
      const height = FONT_SIZE + 2 * PAD;
      const x = toEast ? east : west - width;
      let y = Math.max(request.at[1] - height / 2, floor);
      let box: Box = { x, y, width, height };
      while (!free(box) && y + height < bounds.y + bounds.height) {
        y += 1;
        box = { x, y, width, height };
      }
      if (!free(box)) {
        rest.push(request);
        continue;
      }
      taken.push(box);
      floor = y + height;
      const [ax, ay] = request.at;
      placed.push({
        id: request.id,
        text: request.text,
        x: x + width / 2,
        y: y + height / 2,
        box,
        leader: [ax, ay, toEast ? x : x + width, y + height / 2],
      });
    }
  }
  return { placed, unplaced: rest };
}
