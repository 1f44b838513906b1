/**
 * Matched papers per day, one bar per day divided by interest, with the day's count of papers above it and
 * day labels below; the same numbers as a text alternative for screen readers. Inline SVG, no library.
 */
import type { ChartData } from '../lib/messages';
import { t } from '../lib/i18n';
import { dayLabel } from './dates';

const WIDTH = 392;
const PLOT = 60;
const TOP = 12;
const AXIS = 14;
const HEIGHT = TOP + PLOT + AXIS;

/** The day of the month, with the month on the first day and on the 1st ("Nov 22", "23", …, "Dec 1"). */
function tick(day: string, index: number): string {
  const date = day.slice(8).replace(/^0/, '');
  return index === 0 || date === '1' ? dayLabel(day) : date;
}

export function BarChart({ data }: { data: ChartData }) {
  const totals = data.papers;
  const max = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(1, data.days.length);
  const bar = Math.max(2, slot - 6);
  const summary = data.days.map((day, d) => t('chartDay', [dayLabel(day), String(totals[d] ?? 0)])).join(', ');
  return (
    <figure class="chart">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        {data.days.map((day, d) => {
          let y = TOP + PLOT;
          const x = d * slot + 3;
          // The bar's height is the day's papers; each interest takes its share of it (a paper may match several).
          const matches = data.counts[d]?.reduce((a, b) => a + b, 0) ?? 0;
          return (
            <g key={day}>
              {data.interests.map((interest, i) => {
                const count = data.counts[d]?.[i] ?? 0;
                if (!count) return null;
                const h = ((count / matches) * (totals[d] ?? 0) * PLOT) / max;
                y -= h;
                return (
                  <rect key={interest.id} x={x} y={y} width={bar} height={h} fill={interest.color}>
                    <title>{t('chartBar', [day, String(count), interest.label])}</title>
                  </rect>
                );
              })}
              {totals[d] ? (
                <text x={x + bar / 2} y={y - 2} text-anchor="middle" class="count">
                  {totals[d]}
                </text>
              ) : null}
              <text x={x + bar / 2} y={HEIGHT - 2} text-anchor="middle" class="day">
                {tick(day, d)}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={TOP + PLOT + 0.5} y2={TOP + PLOT + 0.5} class="axis" />
      </svg>
      {/* The summary that opens the chart names it; the caption gives its numbers to screen readers. */}
      <figcaption class="sr-only">{t('chartDays', summary)}</figcaption>
    </figure>
  );
}
