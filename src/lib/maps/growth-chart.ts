/**
 * The membership-growth chart: one bar a year from the first year to the last year anyone
 * joined, each bar stacked by the year its members joined, in the member map's colours and
 * patterns, with the count on top.
 */
import { FONT_SIZE } from './labels';
import { mapStyle, patternDefs } from './style';
import { el, escapeXml, num, svgDocument } from './svg';

export interface GrowthChartText {
  title: string;
  description: (steps: readonly { year: number; count: number }[]) => string;
  axis: string;
}

export const CHART_WIDTH = 356;
const CHART_HEIGHT = 210;
const PITCH = 34;
const BAR = 22;
const TOP = 22;
const BASELINE = CHART_HEIGHT - 22;

/** `joined`: the year each member joined. */
export function growthChart(joined: readonly number[], text: GrowthChartText, lang: string) {
  const cohorts = [...new Set(joined)].sort((a, b) => a - b);
  const first = cohorts[0]!;
  const last = cohorts.at(-1)!;
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const countBy = (year: number) => joined.filter((value) => value <= year).length;
  const perMember = (BASELINE - TOP - FONT_SIZE - 4) / joined.length;
  const left = (CHART_WIDTH - years.length * PITCH) / 2;
  const steps = cohorts.map((year) => ({ year, count: countBy(year) }));
  const description = text.description(steps);
  const bars = years.map((year, index) => {
    const x = left + index * PITCH + (PITCH - BAR) / 2;
    let y = BASELINE;
    const segments = cohorts
      .filter((cohort) => cohort <= year)
      .map((cohort) => {
        const size = joined.filter((value) => value === cohort).length * perMember;
        y -= size;
        return el('rect', {
          class: 'k',
          fill: `url(#p${cohorts.indexOf(cohort)})`,
          x: num(x),
          y: num(y),
          width: BAR,
          height: num(size),
        });
      });
    return el(
      'g',
      { 'data-year': year },
      ...segments,
      el('text', { x: num(x + BAR / 2), y: num(y - 5) }, String(countBy(year))),
      el('text', { class: 'q', x: num(x + BAR / 2), y: BASELINE + 16 }, String(year)),
    );
  });
  const body = [
    patternDefs(cohorts.length),
    el('text', { class: 'q', x: num(left), y: 12, 'text-anchor': 'start' }, escapeXml(text.axis)),
    el('g', { 'text-anchor': 'middle' }, ...bars),
    el('path', { class: 'k', d: `M${num(left)},${BASELINE}H${num(CHART_WIDTH - left)}` }),
  ];
  return {
    svg: svgDocument({
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      title: text.title,
      description,
      lang,
      style: mapStyle(),
      body,
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    description,
  };
}
