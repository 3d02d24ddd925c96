import { useEffect, useId, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the three charts use: the rest of chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip, Legend);

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  kind: 'line' | 'bar' | 'radar';
  title: string;
  /** Column heading for the labels in the data table. */
  labelHeading: string;
  labels: string[];
  series: ChartSeries[];
  /** 0–100 scores by default. */
  max?: number;
  horizontal?: boolean;
  testId: string;
  /** One more text column in the data table (e.g. the reason a step failed). */
  extra?: { heading: string; values: string[] };
  /** Canvas height in pixels (260 by default). */
  height?: number;
}

// Okabe–Ito: distinguishable with every common colour-vision deficiency; lines also differ by dash.
const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3], [4, 2], [1, 2]];

/**
 * A chart with its data as a table beside it: screen readers and keyboard users read the table
 * (the canvas is hidden from them), and so do the tests.
 */
export function ChartFigure({ kind, title, labelHeading, labels, series, max = 100, horizontal = false, testId, extra, height = 260 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          borderColor: colours[i % colours.length],
          borderDash: kind === 'bar' ? [] : dashes[i % dashes.length],
          backgroundColor: kind === 'radar' ? `${colours[i % colours.length]}33` : colours[i % colours.length],
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: kind === 'radar' ? { r: { min: 0, max } } : { [horizontal ? 'x' : 'y']: { min: 0, max } },
        plugins: { legend: { display: series.length > 1 || kind === 'radar' } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels, series, max, horizontal]);
  return (
    <figure className="chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div className="chart-canvas" aria-hidden="true" style={{ height }}>
        <canvas ref={canvas} />
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            {series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
            {extra ? <th scope="col">{extra.heading}</th> : null}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, row) => (
            <tr key={`${label}-${row}`}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.label}>{s.values[row] ?? '–'}</td>
              ))}
              {extra ? <td>{extra.values[row] || '–'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
