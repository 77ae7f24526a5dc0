import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { ActionFeedback } from './action-feedback';
import { DiscrepanciesOpened } from './discrepancies-opened';
import {
  fetchLocations,
  ledgerKeys,
  startCount,
  submitCount,
  type CountResultView,
  type CountSheetView,
  type CountStartRequest,
} from './ledger-api';
import { countSubmission, countUnit, rowError, stateLabels, type ContainerState } from './ledger-model';
import { useLedgerAction } from './use-action';
import { useProductNames } from './use-product-names';

const mg = (ug: number) => `${Number((ug / 1000).toFixed(3))} mg`;

function CountSheet({ sheet, onResult }: { sheet: CountSheetView; onResult: (r: CountResultView) => void }) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const action = useLedgerAction<CountResultView>();
  const productName = useProductNames();
  const e = action.errors;
  return (
    <form
      className="ledger-form"
      aria-labelledby="ledger-sheet-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        const submission = countSubmission(sheet, typed);
        if (!submission.ok) {
          setMissing(submission.missing);
          return;
        }
        setMissing([]);
        void action
          .run(() => submitCount(sheet.id, submission.body), 'Count submitted.')
          .then((r) => r && onResult(r));
      }}
    >
      <h3 id="ledger-sheet-title">
        Count sheet ({sheet.mode === 'blind' ? 'blind: enter what you see' : 'open'})
      </h3>
      {missing.length > 0 ? <ErrorBanner>Enter a counted quantity for every container.</ErrorBanner> : null}
      <TableRegion
        label="Count sheet"
        caption="Containers to count"
        columns={[
          'Label',
          'Counted',
          'Product',
          'Lot',
          'Expiry',
          'State',
          ...(sheet.mode === 'open' ? ['Expected'] : []),
        ]}
      >
        {sheet.lines.map((line, i) => {
          const unit = countUnit(line);
          const error = missing.includes(line.containerId)
            ? 'Enter what you counted'
            : (rowError(e, 'lines', i, 'counted.value') ?? rowError(e, 'lines', i, 'containerId'));
          const inputId = `count-${line.containerId}`;
          return (
            <tr key={line.containerId}>
              <th scope="row">{line.labelNumber}</th>
              <td>
                <label htmlFor={inputId} className="visually-hidden">
                  Counted for {line.labelNumber} ({unit === 'mL' ? 'mL' : 'units'})
                </label>
                <span className="ledger-count-input">
                  <input
                    id={inputId}
                    inputMode="decimal"
                    value={typed[line.containerId] ?? ''}
                    onChange={(ev) => setTyped((t) => ({ ...t, [line.containerId]: ev.target.value }))}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                  />{' '}
                  {unit === 'mL' ? 'mL' : 'units'}
                </span>
                {error ? (
                  <p className="field__error" id={`${inputId}-error`}>
                    {error}
                  </p>
                ) : null}
              </td>
              <td>{productName(line.productKey)}</td>
              <td>{line.lotNumber}</td>
              <td>{formatDate(line.expiryDate)}</td>
              <td>{stateLabels[line.status as ContainerState] ?? line.status}</td>
              {sheet.mode === 'open' ? <td>{line.expected ? `${line.expected.mg} mg` : ''}</td> : null}
            </tr>
          );
        })}
      </TableRegion>
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? 'Submitting…' : 'Submit the count'}
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}

function CountResult({ result, sheet }: { result: CountResultView; sheet: CountSheetView }) {
  const productName = useProductNames();
  const labels = new Map(sheet.lines.map((l) => [l.containerId, l.labelNumber]));
  return (
    <section aria-labelledby="ledger-result-title">
      <h3 id="ledger-result-title">Count compared with the ledger</h3>
      <TableRegion
        label="Count result"
        caption="Expected and counted per container"
        columns={['Label', 'Product', 'Expected', 'Counted', 'Difference (expected − counted)']}
      >
        {result.lines.map((l) => (
          <tr key={l.containerId} className={l.differenceUg !== 0 ? 'ledger-row--differs' : undefined}>
            <th scope="row">{labels.get(l.containerId) ?? l.containerId}</th>
            <td>{productName(l.productKey)}</td>
            <td>{mg(l.expectedUg)}</td>
            <td>{mg(l.countedUg)}</td>
            <td>{l.differenceUg === 0 ? 'None' : mg(l.differenceUg)}</td>
          </tr>
        ))}
      </TableRegion>
      <DiscrepanciesOpened discrepancies={result.discrepancies} agrees="The count agrees with the ledger." />
    </section>
  );
}

/** A count at one location: blind by default, the sheet, then the comparison and any discrepancy. */
export function CountsSection() {
  const locations = useApiQuery(ledgerKeys.locations, fetchLocations);
  const [start, setStart] = useState<CountStartRequest>({ locationId: '', mode: 'blind' });
  const [sheet, setSheet] = useState<CountSheetView>();
  const [result, setResult] = useState<CountResultView>();
  const action = useLedgerAction<CountSheetView>();
  return (
    <section aria-labelledby="ledger-counts-title">
      <h2 id="ledger-counts-title">Counts</h2>
      {!sheet ? (
        <form
          className="panel ledger-form"
          aria-label="Start a count"
          onSubmit={(ev) => {
            ev.preventDefault();
            void action.run(() => startCount(start), 'Count started.').then((s) => s && setSheet(s));
          }}
        >
          <div className="grid">
            <SelectField
              label="Location to count"
              value={start.locationId}
              onChange={(v) => setStart((s) => ({ ...s, locationId: v }))}
              options={[
                { value: '', label: 'Choose a location' },
                ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name })),
              ]}
              error={action.errors.locationId}
              required
            />
            <SelectField
              label="Mode"
              value={start.mode}
              onChange={(v) => setStart((s) => ({ ...s, mode: v as CountStartRequest['mode'] }))}
              options={[
                { value: 'blind', label: 'Blind: expected quantities hidden until submitted' },
                { value: 'open', label: 'Open: expected quantities shown' },
              ]}
            />
          </div>
          <button type="submit" className="button" disabled={action.busy}>
            Start the count
          </button>
          <ActionFeedback action={action} />
        </form>
      ) : null}
      {sheet && !result ? <CountSheet sheet={sheet} onResult={setResult} /> : null}
      {sheet && result ? (
        <>
          <CountResult result={result} sheet={sheet} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSheet(undefined);
              setResult(undefined);
              action.reset();
            }}
          >
            Start another count
          </button>
        </>
      ) : null}
    </section>
  );
}
