/** Writing SVG as text: escaping, elements, the document with its title and description. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

type Attributes = Record<string, string | number | undefined>;

/** `<name a="1">children</name>`, or self-closed without children; undefined attributes are left out. */
export function el(name: string, attributes: Attributes, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** A number for an attribute: at most one decimal, no trailing zero. */
export const num = (value: number): string => String(Math.round(value * 10) / 10);

export interface SvgDocument {
  width: number;
  height: number;
  /** Short name of the figure (the SVG's <title>). */
  title: string;
  /** What it shows, in a sentence or two (the SVG's <desc>); the page's table has the facts. */
  description: string;
  lang: string;
  style: string;
  body: string[];
}

/** A standalone SVG file, shown by an <img>: role img, named by its title and description. */
export const svgDocument = ({ width, height, title, description, lang, style, body }: SvgDocument): string =>
  `${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': 't d',
      lang,
    },
    el('title', { id: 't' }, escapeXml(title)),
    el('desc', { id: 'd' }, escapeXml(description)),
    `<style>${style}</style>`,
    ...body,
  )}\n`;
