import { useEffect, useId, useState } from 'react';
import { apiPost, fieldErrors } from '../api-client';
import { ProblemBanner } from '../scheduling/problem-banner';
import { NoticeBanner } from '../ui/error-banner';
import { eligibilityPaths, type MedicationsResponse } from './eligibility-api';
import { useMedications, useRefreshEligibility } from './use-eligibility-queries';

interface Row {
  drug: string;
  doseMg: string;
  timesPerDay: string;
  asNeeded: boolean;
}

const toRow = (e: MedicationsResponse['entries'][number]): Row => ({
  drug: e.drug,
  doseMg: e.doseMg === null ? '' : String(e.doseMg),
  timesPerDay: e.timesPerDay === null ? '' : String(e.timesPerDay),
  asNeeded: e.asNeeded,
});
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** The current medicines as rows (drug, mg per dose, times a day, as needed), saved as a new revision. */
export function MedicationsEditor({ patientId }: { patientId: string }) {
  const id = useId();
  const { data } = useMedications(patientId);
  const refresh = useRefreshEligibility();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (data) setRows(data.entries.map(toRow));
  }, [data]);
  const problems = fieldErrors(error, ['body.entries']);

  const change = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      const saved = await apiPost<MedicationsResponse>(eligibilityPaths.medications(patientId), {
        entries: rows
          .filter((r) => r.drug.trim() !== '')
          .map((r) => ({
            drug: r.drug.trim(),
            doseMg: numOrNull(r.doseMg),
            timesPerDay: numOrNull(r.timesPerDay),
            asNeeded: r.asNeeded,
          })),
      });
      setNotice(`Medications saved (revision ${saved.revision ?? 1}, ${saved.entries.length} listed).`);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby={`${id}-title`}
      className="medications-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>Current medications</h2>
      {rows.length === 0 ? (
        <p className="muted">No medicines listed. Save with no rows to record “none”.</p>
      ) : null}
      {rows.map((row, i) => (
        <div key={i} className="intake-row" role="group" aria-label={`Medicine ${i + 1}`}>
          <div className={`field${problems[`${i}.drug`] ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-${i}-drug`}>Medicine {i + 1}</label>
            <input
              id={`${id}-${i}-drug`}
              value={row.drug}
              onChange={(e) => change(i, { drug: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-dose`}>
              mg per dose <span className="visually-hidden">(medicine {i + 1})</span>
            </label>
            <input
              id={`${id}-${i}-dose`}
              type="number"
              inputMode="decimal"
              step="any"
              value={row.doseMg}
              onChange={(e) => change(i, { doseMg: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-times`}>
              Times a day <span className="visually-hidden">(medicine {i + 1})</span>
            </label>
            <input
              id={`${id}-${i}-times`}
              type="number"
              inputMode="decimal"
              step="any"
              value={row.timesPerDay}
              onChange={(e) => change(i, { timesPerDay: e.target.value })}
            />
          </div>
          <label className="intake-option">
            <input
              type="checkbox"
              checked={row.asNeeded}
              onChange={(e) => change(i, { asNeeded: e.target.checked })}
            />{' '}
            As needed
            <span className="visually-hidden"> (medicine {i + 1})</span>
          </label>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
          >
            Remove<span className="visually-hidden"> medicine {i + 1}</span>
          </button>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows([...rows, { drug: '', doseMg: '', timesPerDay: '', asNeeded: false }])}
        >
          Add a medicine
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save medications'}
        </button>
      </div>
      <NoticeBanner>{notice}</NoticeBanner>
      <ProblemBanner error={error} />
    </form>
  );
}
