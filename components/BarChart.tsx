/** A tiny stacked bar chart: matched papers per day, one colour per interest. Inline SVG, no library. */
import type { ChartData } from '../lib/messages';
import { t } from '../lib/i18n';

const WIDTH = 380;
const HEIGHT = 56;

export function BarChart({ data }: { data: ChartData }) {
  const totals = data.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(1, data.days.length);
  const bar = Math.max(2, slot - 3);
  return (
    <figure class="chart">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('chartTitle')}>
        {data.days.map((day, d) => {
          let y = HEIGHT;
          return (
            <g key={day}>
              {data.interests.map((interest, i) => {
                const count = data.counts[d]?.[i] ?? 0;
                if (!count) return null;
                const h = (count / max) * (HEIGHT - 2);
                y -= h;
                return (
                  <rect key={interest.id} x={d * slot} y={y} width={bar} height={h} fill={interest.color}>
                    <title>{t('chartBar', [day, String(count), interest.label])}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption class="note">{t('chartTitle')}</figcaption>
    </figure>
  );
}
