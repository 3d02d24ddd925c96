import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { chartColours } from './chart-colours';

// Only what the dashboard draws: bars and lines on a category and a linear axis. Registering the parts
// one by one keeps the rest of chart.js (other charts, scales, plugins) out of the build. No tooltip
// (5 KB gzip): the data table beside every chart gives the exact values, to every reader.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);

/** Lines are told apart by dash pattern too, not by colour alone (the legend's are in dashboard.css). */
const dashes = [[], [8, 5], [2, 4], [12, 4, 2, 4], [], []];
const ink = '#3d4650';

export interface ChartSpec {
  kind: 'line' | 'bar';
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  max: number;
  horizontal: boolean;
}

/** A long step text in lines of about 32 characters, so the bars keep their room beside it. */
function wrap(label: string, width = 32): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** Draws a chart on the canvas; the caller destroys it when the data or the page goes. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const font = { family: getComputedStyle(canvas).fontFamily, size: 12 };
  const valueAxis = { min: 0, max: spec.max, ticks: { precision: 0, maxTicksLimit: 6, color: ink, font }, grid: { color: '#e2e6ea' } };
  const labelAxis = { ticks: { color: ink, font, autoSkip: !spec.horizontal }, grid: { display: false } };
  const datasets = spec.series.map((s, i) => {
    const colour = chartColours[i % chartColours.length]!;
    return spec.kind === 'line'
      ? { type: 'line' as const, label: s.label, data: s.values, borderColor: colour, backgroundColor: colour, borderDash: dashes[i % dashes.length]!, borderWidth: 3, pointRadius: 4, spanGaps: true, clip: false as const }
      : { type: 'bar' as const, label: s.label, data: s.values, backgroundColor: colour, maxBarThickness: 16 };
  });
  return new Chart(canvas, {
    type: spec.kind,
    data: { labels: spec.horizontal ? spec.labels.map((l) => wrap(l)) : spec.labels, datasets },
    options: {
      // Drawn once: no animation to wait for before a screenshot or a print.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      // Room for a point at 100 or on the last attempt (lines are not clipped): drawn whole, not cut at the edge.
      layout: { padding: 8 },
      scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  });
}
