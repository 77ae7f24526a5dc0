import { useState } from 'react';
import { formatDate, formatDateTime } from '../format';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { recordLossFiling, type DiscrepancyView, type LossFilingRequest } from './ledger-api';
import { useLedgerAction } from './use-action';

type Kind = LossFilingRequest['kind'];
type DeadlineState = NonNullable<DiscrepancyView['deadlines']>['form106']['state'];

const kindLabels: Record<Kind, string> = {
  written_notice: 'Written notice to the DEA Field Division',
  form_106: 'DEA Form 106 (filed online)',
};
const stateLabels: Record<DeadlineState, string> = {
  open: 'Open',
  due_today: 'Due today',
  overdue: 'Overdue',
  done: 'Sent',
};

/**
 * A reportable theft or loss: each deadline with where it stands, what was sent and when, and the form
 * that records a filing (its date and the reference received), which stops that deadline.
 */
export function LossFilings({ discrepancy: d, mayAct }: { discrepancy: DiscrepancyView; mayAct: boolean }) {
  if (!d.deadlines) return null;
  const rows: [Kind, { due: string; state: DeadlineState }][] = [
    ['written_notice', d.deadlines.writtenNotice],
    ['form_106', d.deadlines.form106],
  ];
  const unfiled = rows.filter(([kind]) => !d.filings.some((f) => f.kind === kind)).map(([kind]) => kind);
  return (
    <section aria-labelledby="ledger-filings-title" className="panel">
      <h2 id="ledger-filings-title">Reports to the DEA</h2>
      <ul className="ledger-notes">
        {rows.map(([kind, deadline]) => {
          const filing = d.filings.find((f) => f.kind === kind);
          return (
            <li key={kind}>
              <strong>{kindLabels[kind]}</strong>: due {formatDate(deadline.due)} —{' '}
              <span className={`ledger-deadline ledger-deadline--${deadline.state}`}>
                {stateLabels[deadline.state]}
              </span>
              {filing ? (
                <span className="muted">
                  {' '}
                  (sent {formatDate(filing.filedOn)}, {filing.reference}; recorded{' '}
                  {formatDateTime(filing.recordedAt)})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {mayAct && unfiled.length > 0 ? <FilingForm id={d.id} kinds={unfiled} /> : null}
    </section>
  );
}

function FilingForm({ id, kinds }: { id: string; kinds: Kind[] }) {
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [filedOn, setFiledOn] = useState('');
  const [reference, setReference] = useState('');
  const action = useLedgerAction<DiscrepancyView>();
  const e = action.errors;
  const current = kinds.includes(kind) ? kind : kinds[0]!;
  return (
    <form
      className="ledger-form"
      aria-label="Record a filing"
      onSubmit={(ev) => {
        ev.preventDefault();
        void action.run(
          () => recordLossFiling(id, { kind: current, filedOn, reference }),
          `${kindLabels[current]} recorded as sent.`,
        );
      }}
    >
      <SelectField
        label="What was sent"
        value={current}
        onChange={(v) => setKind(v as Kind)}
        options={kinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        error={e.kind}
      />
      <TextField
        label="Sent on"
        type="date"
        value={filedOn}
        onChange={setFiledOn}
        error={e.filedOn}
        required
      />
      <TextField
        label="How it was sent, and the reference received"
        hint="For Form 106, the confirmation number the DEA's online form gives."
        value={reference}
        onChange={setReference}
        maxLength={300}
        error={e.reference}
        required
      />
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        Record it as sent
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
