import type { Protocol } from '../../../domain/protocols';
import { Cites } from './protocol-cites';
import { doseText, rangeText } from './protocol-text';

export function ProtocolStepsTable({ protocol }: { protocol: Protocol }) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={`Steps of ${protocol.name}, version ${protocol.version}`}
      tabIndex={0}
    >
      <table className="table">
        <caption>Steps</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Dose</th>
            <th scope="col">Range</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {protocol.steps.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label}</th>
              <td>{doseText(s)}</td>
              <td>{rangeText(s)}</td>
              <td>
                <Cites protocol={protocol} ids={s.citationIds} />
                {s.notes ? <p className="muted">{s.notes}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
