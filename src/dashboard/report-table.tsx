export interface ReportColumn {
  heading: string;
  /** Figures are set to the end of their cell, so they line up. */
  numeric?: boolean;
}

/** A report's table: the first cell of each row names it (a station, a competency, a trainee); an empty figure prints as a dash. */
export function ReportTable({ columns, rows }: { columns: ReportColumn[]; rows: { key: string; cells: (string | number | null)[] }[] }) {
  const cell = (v: string | number | null) => (v === null ? '–' : v);
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.heading} className={c.numeric ? 'num' : undefined}>
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [first, ...rest] }) => (
          <tr key={key}>
            <th scope="row">{cell(first ?? null)}</th>
            {rest.map((v, i) => (
              <td key={i} className={columns[i + 1]?.numeric ? 'num' : undefined}>
                {cell(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
