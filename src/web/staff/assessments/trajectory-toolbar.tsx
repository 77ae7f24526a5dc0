import type { InstrumentEntry, TrajectoryView } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { measurementApi } from './measurement-api';

/** Instrument picker (marking those without scores), print and CSV export; hidden when printing. */
export function TrajectoryToolbar({
  patientId,
  instruments,
  t,
  instrument,
  setInstrument,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  t: TrajectoryView | undefined;
  instrument: InstrumentId | undefined;
  setInstrument: (id: InstrumentId) => void;
}) {
  return (
    <div className="button-row no-print">
      <div className="field">
        <label htmlFor="mbc-trajectory-instrument">Instrument</label>
        <select
          id="mbc-trajectory-instrument"
          value={t?.instrument ?? instrument ?? 'phq9'}
          onChange={(e) => setInstrument(e.target.value as InstrumentId)}
        >
          {instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.shortTitle}
              {t?.available.includes(i.id) ? '' : ' (no scores)'}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        Print
      </button>
      {t ? (
        <a
          className="button button--secondary"
          href={measurementApi.csvUrl(patientId, t.instrument)}
          download
        >
          Export CSV
        </a>
      ) : null}
    </div>
  );
}
