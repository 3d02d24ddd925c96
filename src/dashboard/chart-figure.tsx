import { useEffect, useId, useRef } from 'react';
import { BarChart, Interpolation, LineChart } from 'chartist';
import 'chartist/dist/index.css';

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
 * A chart (Chartist: SVG, about a sixth of chart.js's weight in the dashboard's JavaScript) with its
 * data as a table beside it: screen readers and keyboard users read the table (the picture is hidden
 * from them), and so do the tests. Series colours (Okabe–Ito, dashed lines) are in dashboard.css.
 */
export function ChartFigure({ kind, title, labelHeading, labels, series, max = 100, horizontal = false, testId, extra, height = 260 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const captionId = useId();
  useEffect(() => {
    if (!box.current) return;
    // Chartist stacks horizontal bars bottom-up: reversed, the picture reads top-down like its table (most failed first).
    const data = horizontal ? { labels: [...labels].reverse(), series: series.map((s) => [...s.values].reverse()) } : { labels, series: series.map((s) => s.values) };
    const chart =
      kind === 'line'
        ? new LineChart(box.current, data, { low: 0, high: max, fullWidth: true, lineSmooth: Interpolation.none({ fillHoles: true }), axisY: { onlyInteger: true }, chartPadding: { right: 24 } })
        : new BarChart(box.current, data, {
            low: 0,
            high: max,
            horizontalBars: horizontal,
            seriesBarDistance: 14,
            // Step texts are long: room for them beside horizontal bars.
            axisY: horizontal ? { offset: 220 } : { onlyInteger: true },
            axisX: horizontal ? { onlyInteger: true } : {},
            // Room for the last axis label ("100" beside horizontal bars was cut to "10").
            chartPadding: { right: 24 },
          });
    return () => {
      chart.detach();
    };
  }, [kind, labels, series, max, horizontal]);
  return (
    <figure className="chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId}>{title}</figcaption>
      {series.length > 1 ? (
        <ul className="legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label} className={`legend-${i}`}>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={`chart-canvas ct-${kind}${horizontal ? ' ct-horizontal-bars' : ''}`} aria-hidden="true" dir="ltr" style={{ height }} ref={box} />
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
