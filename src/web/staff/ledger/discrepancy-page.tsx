import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate, formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan, useSession } from '../session-context';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { statusLabels } from './discrepancies-section';
import { JudgementForm } from './judgement-form';
import { LossFilings } from './loss-filings';
import {
  addDiscrepancyNote,
  fetchDiscrepancies,
  ledgerKeys,
  resolveDiscrepancy,
  type DiscrepancyView,
} from './ledger-api';
import { discrepancyOutcome, form106Value, type DiscrepancyOutcome } from './ledger-model';
import { useLedgerAction } from './use-action';
import { useProductNames } from './use-product-names';
import './ledger.css';

/** One text and one button: an investigation note, or the reason a discrepancy is resolved. */
function TextAction({
  label,
  button,
  done,
  send,
}: {
  label: string;
  button: string;
  done: string;
  send: (text: string) => Promise<DiscrepancyView>;
}) {
  const [text, setText] = useState('');
  const action = useLedgerAction<DiscrepancyView>();
  const e = action.errors;
  return (
    <form
      className="ledger-form"
      aria-label={button}
      onSubmit={(ev) => {
        ev.preventDefault();
        void action.run(() => send(text), done).then((r) => r && setText(''));
      }}
    >
      <TextField
        label={label}
        value={text}
        onChange={setText}
        maxLength={2000}
        error={e.text ?? e.reason}
        required
      />
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {button}
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}

function Outcome({
  outcome,
  allSent,
}: {
  outcome: DiscrepancyOutcome;
  /** Both reports were recorded as sent: the deadlines are history, no longer an alarm. */
  allSent: boolean;
}) {
  if (outcome.kind === 'resolved') return <p className="alert alert--info">Resolved: {outcome.reason}</p>;
  if (outcome.kind !== 'judged') return null;
  const { judgement, form106 } = outcome;
  const toComplete = new Set(form106?.toComplete ?? []);
  return (
    <section aria-labelledby="ledger-outcome-title">
      <h2 id="ledger-outcome-title">Judgement</h2>
      <p>
        {judgement.kind === 'theft' ? 'Theft' : 'Loss'} judged{' '}
        <strong>{judgement.judgement === 'significant' ? 'significant' : 'not significant'}</strong>:{' '}
        {judgement.rationale}
      </p>
      {judgement.warnings.map((w) => (
        <p key={w} className="alert alert--warning">
          {w}
        </p>
      ))}
      {judgement.deadlines ? (
        <div className={`alert ${allSent ? 'alert--info' : 'alert--critical'}`}>
          <p>
            <strong>
              Written notice to the DEA Field Division by {formatDate(judgement.deadlines.writtenNoticeBy)}
            </strong>{' '}
            (the next business day after discovery on {formatDate(judgement.deadlines.discoveredOn)}; weekends
            and federal holidays are skipped).
          </p>
          <p>
            <strong>DEA Form 106 filed online by {formatDate(judgement.deadlines.form106By)}</strong> (45
            days).
          </p>
        </div>
      ) : null}
      {form106 ? (
        <section aria-labelledby="ledger-form106-title" className="ledger-form106">
          <h3 id="ledger-form106-title">Form 106 data</h3>
          <dl className="ledger-facts">
            {form106.fields.map((f) => {
              const value = form106Value(f.value);
              return (
                <div key={f.key}>
                  <dt>{f.label}</dt>
                  <dd>
                    {value ??
                      (toComplete.has(f.key) ? (
                        <strong className="ledger-flag">Missing: complete on the form</strong>
                      ) : (
                        <span className="muted">Not given (optional)</span>
                      ))}
                  </dd>
                </div>
              );
            })}
          </dl>
          <TableRegion
            label="Drugs lost"
            caption="Drugs lost"
            columns={['NDC', 'Product', 'Strength', 'Dosage form', 'Whole containers', 'Partial', 'Total']}
          >
            {form106.drugs.map((d, i) => (
              <tr key={`${d.name}-${i}`}>
                <td>{d.ndc ?? <strong className="ledger-flag">Missing</strong>}</td>
                <td>{d.name}</td>
                <td>{d.strength}</td>
                <td>{d.dosageForm}</td>
                <td>{d.wholeContainers}</td>
                <td>{d.partial ?? ''}</td>
                <td>{d.totalMg} mg</td>
              </tr>
            ))}
          </TableRegion>
        </section>
      ) : null}
    </section>
  );
}

/** One discrepancy: what the count found, the investigation notes, and its resolution or judgement. */
export function LedgerDiscrepancyPage({ id }: { id: string }) {
  const can = useCan();
  const { data, error, isPending } = useApiQuery(ledgerKeys.discrepancies, fetchDiscrepancies);
  const d = data?.items.find((item) => item.id === id);
  const { me } = useSession();
  const mayAct = can('ledger.discrepancy');
  // Separation of duties: the person who took the count writes notes but does not close it.
  const tookTheCount = d?.countedBy === me.user.id;
  const productName = useProductNames();
  return (
    <div className="ledger">
      <p className="breadcrumb">
        <Link href={paths.ledger('discrepancies')}>← Discrepancies</Link>
      </p>
      <h1>Discrepancy{d ? `: ${productName(d.productKey)}` : ''}</h1>
      <LoadState loading={isPending} error={error} />
      {data && !d ? <p className="alert alert--warning">This discrepancy was not found.</p> : null}
      {d ? (
        <>
          <dl className="ledger-facts">
            <div>
              <dt>Discovered</dt>
              <dd>{formatDate(d.discoveredOn)}</dd>
            </div>
            <div>
              <dt>Expected − counted</dt>
              <dd>{d.difference.mg} mg</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{statusLabels[d.status]}</dd>
            </div>
            {d.closedAt ? (
              <div>
                <dt>Closed</dt>
                <dd>{formatDateTime(d.closedAt)}</dd>
              </div>
            ) : null}
          </dl>
          <section aria-labelledby="ledger-notes-title">
            <h2 id="ledger-notes-title">Investigation notes</h2>
            {d.notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
            <ul className="ledger-notes">
              {d.notes.map((n) => (
                <li key={n.writtenAt + n.text}>
                  <span className="muted">{formatDateTime(n.writtenAt)}</span> {n.text}
                </li>
              ))}
            </ul>
            {mayAct && d.status === 'open' ? (
              <TextAction
                label="Investigation note"
                button="Add the note"
                done="Note added."
                send={(text) => addDiscrepancyNote(d.id, text)}
              />
            ) : null}
          </section>
          <Outcome
            outcome={discrepancyOutcome(d)}
            allSent={d.deadlines?.writtenNotice.state === 'done' && d.deadlines.form106.state === 'done'}
          />
          <LossFilings discrepancy={d} mayAct={mayAct} />
          {mayAct && d.status === 'open' && tookTheCount ? (
            <p className="alert alert--info">
              You took the count that found this difference: someone else resolves or judges it.
            </p>
          ) : null}
          {mayAct && d.status === 'open' && !tookTheCount ? (
            <>
              <section aria-labelledby="ledger-resolve-title" className="panel">
                <h2 id="ledger-resolve-title">Resolve</h2>
                <p className="muted">
                  When the investigation explains the difference (for example an entry not charted).
                </p>
                <TextAction
                  label="Reason it is resolved"
                  button="Resolve the discrepancy"
                  done="Discrepancy resolved."
                  send={(reason) => resolveDiscrepancy(d.id, reason)}
                />
              </section>
              <JudgementForm discrepancy={d} />
            </>
          ) : null}
          {!mayAct ? (
            <p className="muted">
              Notes, resolution and the judgement need the permission to manage discrepancies.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
