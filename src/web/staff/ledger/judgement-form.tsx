import { useState } from 'react';
import { TextField } from '../ui/text-field';
import { SelectField } from '../ui/select-field';
import { ActionFeedback } from './action-feedback';
import { judgeDiscrepancy, type DiscrepancyView, type JudgementRequest } from './ledger-api';
import { rowError, significanceFactors, type FactorId } from './ledger-model';
import { useLedgerAction } from './use-action';

type Answer = 'yes' | 'no' | 'unsure';
type LossType = NonNullable<JudgementRequest['lossType']>;

const lossTypes: { value: LossType | ''; label: string }[] = [
  { value: '', label: 'Not chosen yet' },
  { value: 'night_break_in', label: 'Night break-in' },
  { value: 'armed_robbery', label: 'Armed robbery' },
  { value: 'employee_pilferage', label: 'Employee pilferage' },
  { value: 'customer_theft', label: 'Customer theft' },
  { value: 'lost_in_transit', label: 'Lost in transit' },
  { value: 'other', label: 'Other' },
];

/** The DEA's significance factors, one answer each, the judgement and its reasons. */
export function JudgementForm({ discrepancy }: { discrepancy: DiscrepancyView }) {
  const [kind, setKind] = useState<JudgementRequest['kind']>('loss');
  const [judgement, setJudgement] = useState<JudgementRequest['judgement']>('not_significant');
  const [rationale, setRationale] = useState('');
  const [answers, setAnswers] = useState<Partial<Record<FactorId, Answer>>>({});
  const [notes, setNotes] = useState<Partial<Record<FactorId, string>>>({});
  const [lossType, setLossType] = useState<LossType | ''>('');
  const [police, setPolice] = useState<'' | 'yes' | 'no'>('');
  const [policeDepartment, setDepartment] = useState('');
  const [policePhone, setPhone] = useState('');
  const action = useLedgerAction<DiscrepancyView>();
  const e = action.errors;

  const body = (): JudgementRequest => ({
    kind,
    judgement,
    rationale,
    answers: significanceFactors
      .filter((f) => answers[f.id])
      .map((f) => ({ factor: f.id, pointsToSignificance: answers[f.id]!, note: notes[f.id] ?? '' })),
    lossType: lossType || null,
    policeNotified: police === '' ? null : police === 'yes',
    policeDepartment: policeDepartment.trim() || null,
    policePhone: policePhone.trim() || null,
  });

  return (
    <form
      className="panel ledger-form"
      aria-labelledby="ledger-judge-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        void action.run(() => judgeDiscrepancy(discrepancy.id, body()), 'Judgement recorded.');
      }}
    >
      <h3 id="ledger-judge-title">Judge the theft or loss</h3>
      <fieldset className="ledger-choices">
        <legend>What happened</legend>
        {(['loss', 'theft'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="ledger-kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'loss' ? 'Loss' : 'Theft (always reported)'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>The DEA’s factors: does each point toward a significant loss?</legend>
        {e.answers ? (
          <p className="field__error">
            {/^answer the factor/.test(e.answers) ? 'Answer every factor for a loss.' : e.answers}
          </p>
        ) : null}
        {significanceFactors.map((f, i) => (
          <fieldset key={f.id} className="ledger-factor">
            <legend>{f.question}</legend>
            <div className="ledger-choices">
              {(['yes', 'no', 'unsure'] as const).map((a) => (
                <label key={a}>
                  <input
                    type="radio"
                    name={`ledger-factor-${f.id}`}
                    value={a}
                    checked={answers[f.id] === a}
                    onChange={() => setAnswers((s) => ({ ...s, [f.id]: a }))}
                  />{' '}
                  {a === 'yes' ? 'Yes' : a === 'no' ? 'No' : 'Unsure'}
                </label>
              ))}
            </div>
            <TextField
              label="Note on this factor"
              value={notes[f.id] ?? ''}
              onChange={(v) => setNotes((s) => ({ ...s, [f.id]: v }))}
              maxLength={1000}
              error={rowError(e, 'answers', i, 'note')}
            />
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="ledger-choices">
        <legend>Judgement</legend>
        {(['not_significant', 'significant'] as const).map((j) => (
          <label key={j}>
            <input
              type="radio"
              name="ledger-judgement"
              checked={judgement === j}
              onChange={() => setJudgement(j)}
            />{' '}
            {j === 'significant' ? 'Significant: report to the DEA' : 'Not significant'}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Reasons for the judgement"
        value={rationale}
        onChange={setRationale}
        maxLength={2000}
        error={e.rationale}
        required
      />
      <fieldset>
        <legend>For Form 106 (may be completed later on the form)</legend>
        <div className="grid">
          <SelectField
            label="Type of theft or loss"
            value={lossType}
            onChange={(v) => setLossType(v as LossType | '')}
            options={lossTypes}
            error={e.lossType}
          />
          <SelectField
            label="Police notified"
            value={police}
            onChange={(v) => setPolice(v as '' | 'yes' | 'no')}
            options={[
              { value: '', label: 'Not answered' },
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            error={e.policeNotified}
          />
          <TextField
            label="Police department"
            value={policeDepartment}
            onChange={setDepartment}
            maxLength={120}
            error={e.policeDepartment}
          />
          <TextField
            label="Police telephone"
            value={policePhone}
            onChange={setPhone}
            maxLength={40}
            error={e.policePhone}
          />
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={action.busy}>
        Record the judgement
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
