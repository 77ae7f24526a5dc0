import type { ExplanationLine } from '../../../domain/dosing';

const fmt = (v: number | string) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);

/**
 * Every number of a dose with the formula, the inputs it used and how it was rounded (docs/dosing.md §2.2);
 * for a limit the dose was checked against (ceilings, the absolute cap), its sources and evidence tags.
 */
export function ExplanationTable({ lines, caption }: { lines: readonly ExplanationLine[]; caption: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table dosing__explanation">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Quantity</th>
            <th scope="col">Value</th>
            <th scope="col">Formula</th>
            <th scope="col">Inputs</th>
            <th scope="col">Rounding</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.quantity} data-quantity={line.quantity}>
              <th scope="row">{line.label}</th>
              <td className="nowrap">
                <strong>{fmt(line.value)}</strong> {line.unit}
              </td>
              <td>
                <code>{line.formula}</code>
              </td>
              <td>
                <ul className="dosing__inputs">
                  {line.inputs.map((input) => (
                    <li key={input.name}>
                      {input.name}: {fmt(input.value)} {input.unit}
                    </li>
                  ))}
                  {(line.sources ?? []).map((source) => (
                    <li key={source.id}>
                      source: {source.source} [{source.tag}]
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {line.rounding
                  ? `${fmt(line.rounding.unrounded)} rounded ${line.rounding.mode === 'nearest' ? 'to the nearest' : `${line.rounding.mode} to a`} multiple of ${fmt(line.rounding.increment)}${line.rounding.note ? `; ${line.rounding.note}` : ''}`
                  : 'none'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
