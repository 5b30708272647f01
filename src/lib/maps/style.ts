/**
 * The maps' colours and patterns, light and dark. An SVG shown by an <img> cannot see the page's
 * stylesheet, so each file carries this style with its own `prefers-color-scheme` query (browsers
 * answer it with the colour scheme of the page that shows the image). Categories are told apart
 * by pattern as well as colour, so the maps also read in print and in grey.
 *
 * Contrast (tests/unit/maps.test.ts checks it): every category is at least 3:1 against the land
 * of non-members, and categories that share a border on the member map (1989 and 1993: United
 * States and Mexico, Indonesia and Papua New Guinea; 1991 and 1998: China, Russia, Viet Nam; 1994
 * and 1998: Chile and Peru) are at least 3:1 against each other. The site's colours are
 * src/styles/global.css's: page background, text.
 */

export interface Scheme {
  background: string;
  text: string;
  /** The site's accent: the newest meeting on the host-city map. */
  accent: string;
  muted: string;
  /** Land of economies that are not members; sea is the page's background. */
  land: string;
  /** Lines drawn over a colour: borders, patterns, halos. */
  line: string;
  categories: readonly string[];
}

/** Five categories: the member map's years joined, 1989 to 1998, in order. */
export const LIGHT: Scheme = {
  background: '#ffffff',
  text: '#1b1f24',
  accent: '#0b5cad',
  muted: '#545c66',
  land: '#e4e7eb',
  line: '#ffffff',
  categories: ['#c46200', '#5a1229', '#102e5a', '#183614', '#2a8a8a'],
};

export const DARK: Scheme = {
  background: '#14171c',
  text: '#e6e9ed',
  accent: '#7db8f5',
  muted: '#a8b0ba',
  land: '#2b313a',
  line: '#14171c',
  categories: ['#b86f24', '#fcdde6', '#d6e6fb', '#dcf2d2', '#2f8f8f'],
};

/** Pattern of each category, drawn in the line colour over its fill (a 6 px tile). */
const PATTERNS: readonly string[] = [
  '', // solid
  'M-1,7L7,-1', // diagonal
  'M3,1.5v0M0,4.5v0M6,4.5v0', // dots (round caps)
  'M0,0L6,6M6,0L0,6', // cross-hatch
  'M0,3H6', // horizontal
];

/** `<pattern>` definitions: `url(#p0)` … fill a shape with category 0 …. */
export function patternDefs(count: number): string {
  return `<defs>${Array.from({ length: count }, (_, index) => {
    const lines = PATTERNS[index % PATTERNS.length]!;
    // Dots need a wider pen to show; crossed lines a thinner one, or the lines outweigh the colour.
    const pen = lines.includes('v0') ? ' x' : lines.includes('M6,0') ? ' y' : '';
    return `<pattern id="p${index}" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="c${index}" width="6" height="6"/>${lines ? `<path class="h${pen}" d="${lines}"/>` : ''}</pattern>`;
  }).join('')}</defs>`;
}

const rules = (scheme: Scheme) =>
  [
    `text{fill:${scheme.text};stroke:${scheme.background}}`,
    `.q{fill:${scheme.muted}}`,
    `.l{fill:${scheme.land}}`,
    `.b,.h{stroke:${scheme.line}}`,
    `.m{fill:${scheme.line}}`,
    `.f{fill:${scheme.text}}.o{fill:${scheme.background}}.a{fill:${scheme.accent}}`,
    `.k{stroke:${scheme.text}}`,
    ...scheme.categories.map((colour, index) => `.c${index}{fill:${colour}}`),
  ].join('');

/** The stylesheet of a map or chart file; `extra` adds rules of its own. */
export const mapStyle = (extra = ''): string =>
  [
    "text{font:12px system-ui,-apple-system,'Segoe UI','PingFang TC','Noto Sans CJK TC','Microsoft JhengHei',sans-serif;stroke-width:3px;stroke-linejoin:round;paint-order:stroke}",
    '.b{fill:none;stroke-width:.6}',
    '.h{stroke-width:1.2;stroke-linecap:round;fill:none}.x{stroke-width:2.4}.y{stroke-width:.8}',
    '.k{stroke-width:1}.z{font-weight:700}',
    extra,
    rules(LIGHT),
    `@media (prefers-color-scheme:dark){${rules(DARK)}}`,
  ].join('');
