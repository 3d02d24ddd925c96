import { useEffect, useId, useRef, type CSSProperties } from 'react';
import type { Chart } from 'chart.js';
import { chartColours } from './chart-colours';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  kind: 'line' | 'bar';
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
  /** Chart height in pixels (260 by default). */
  height?: number;
}


/**
 * A chart (chart.js on a canvas, fetched with the first chart that is drawn) with its data as a table
 * beside it: screen readers and keyboard users read the table (the picture is hidden from them), and
 * so do the tests.
 */
export function ChartFigure({ kind, title, labelHeading, labels, series, max = 100, horizontal = false, testId, extra, height = 260 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  useEffect(() => {
    let chart: Chart | undefined;
    let live = true;
    void import('./chart-canvas').then(({ drawChart }) => {
      if (live && canvas.current) chart = drawChart(canvas.current, { kind, labels, series, max, horizontal });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [kind, labels, series, max, horizontal]);
  return (
    <figure className="chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId}>{title}</figcaption>
      {series.length > 1 ? (
        <ul className="legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label} className={`legend-${i}`} style={{ '--c': chartColours[i % chartColours.length] } as CSSProperties}>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-canvas" aria-hidden="true" dir="ltr" style={{ height }}>
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
