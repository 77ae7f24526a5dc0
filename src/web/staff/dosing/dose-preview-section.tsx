import type { DosePreview } from '../../../contracts/dosing';
import { DoseCurve } from './dose-curve';
import { ExplanationTable } from './explanation-table';

/** The calculated dose before it is ordered: warnings, how each number was obtained, the predicted curve. */
export function DosePreviewSection({
  preview,
  stale,
  busy,
  canOrder,
  onOrder,
}: {
  preview: DosePreview;
  /** The form no longer says what this dose was calculated from, so it cannot be ordered. */
  stale: boolean;
  busy: boolean;
  canOrder: boolean;
  onOrder: () => void;
}) {
  return (
    <section aria-labelledby="dose-result-heading" className="dosing__result">
      <h3 id="dose-result-heading">
        Calculated dose: {preview.dose.totalMg} mg
        {stale ? ' (inputs changed — calculate again)' : ''}
      </h3>
      <PreviewWarnings warnings={preview.warnings} />
      <ExplanationTable lines={preview.dose.explanation} caption="How each number was obtained" />
      <h4>Predicted concentration</h4>
      <DoseCurve dose={preview.dose} />
      {canOrder ? (
        <div className="button-row">
          <button type="button" className="button" onClick={onOrder} disabled={busy || stale}>
            Order this dose ({preview.dose.totalMg} mg)
          </button>
          {preview.verificationRequired ? (
            <span className="muted">A second clinician must verify it before it is ready to administer.</span>
          ) : null}
        </div>
      ) : (
        <p className="muted">Only a prescriber can order a dose.</p>
      )}
    </section>
  );
}

function PreviewWarnings({ warnings }: { warnings: DosePreview['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="dosing__warnings" aria-label="Warnings">
      {warnings.map((w) => (
        <li key={w.code + w.field} className="alert alert--warning">
          <strong>Warning ({w.field}):</strong> {w.message}
        </li>
      ))}
    </ul>
  );
}
