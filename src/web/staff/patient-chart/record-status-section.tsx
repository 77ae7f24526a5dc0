import type { Patient } from '../../../contracts/patients';
import type { StatusChange } from './status-change';

/** Deactivating or reactivating the whole record; records are never deleted. */
export function RecordStatusSection({
  patient,
  open,
}: {
  patient: Patient;
  open: (change: StatusChange) => void;
}) {
  return (
    <section aria-labelledby="status-record">
      <h3 id="status-record">Record</h3>
      {patient.active ? (
        <>
          <p>Deactivating hides the record from searches. Records are never deleted.</p>
          <button
            type="button"
            className="button button--danger"
            onClick={() => open({ kind: 'deactivate' })}
          >
            Deactivate record
          </button>
        </>
      ) : (
        <>
          <p>This record is deactivated.</p>
          <button type="button" className="button" onClick={() => open({ kind: 'reactivate' })}>
            Reactivate record
          </button>
        </>
      )}
    </section>
  );
}
