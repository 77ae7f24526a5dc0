import type { InstrumentEntry } from '../../../contracts/measurement';
import type { InstrumentDefinition } from '../../../domain/instruments/index';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { measurementApi } from './measurement-api';
import { QuestionnaireForm, type Answers } from './questionnaire-form';
import { answerLabel } from './response-answers';
import { useAmendment } from './use-amendment';

/** The correction form: the answers as stored, to edit, and the required reason. */
function AmendForm({
  id,
  def,
  entry,
  amending,
  setAmending,
  reason,
  setReason,
  errors,
  problem,
  onSave,
}: {
  id: string;
  def: InstrumentDefinition;
  entry: InstrumentEntry | undefined;
  amending: Answers;
  setAmending: (answers: Answers | undefined) => void;
  reason: string;
  setReason: (reason: string) => void;
  errors: Record<string, string>;
  problem: string | undefined;
  onSave: () => void;
}) {
  return (
    <>
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      <QuestionnaireForm
        def={def}
        clinicWording={entry?.clinicWording ?? null}
        safetyRule={entry?.safetyRule ?? null}
        answers={amending}
        onChange={setAmending}
        errors={errors}
        idPrefix={`amend-${id}`}
      />
      <div className="field">
        <label htmlFor={`amend-reason-${id}`}>Reason for the correction (required)</label>
        <input id={`amend-reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onSave}>
          Save correction
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAmending(undefined)}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** One response as submitted, with its score computation; a correction is an amendment with a reason. */
export function ResponseView({
  id,
  instruments,
  onAmended,
}: {
  id: string;
  instruments: InstrumentEntry[];
  onAmended: () => void;
}) {
  const { data, error, loading } = useLoad(() => measurementApi.response(id), id);
  const { save, ...amendment } = useAmendment(id, onAmended);
  if (!data) return <LoadState loading={loading} error={error} />;
  const entry = instruments.find((i) => i.id === data.instrumentId);
  const def = entry?.definition;
  const total = data.observation?.result.details.total;
  return (
    <div className="panel mbc-response-view">
      <ul>
        {Object.keys(data.answers).map((itemId) => (
          <li key={itemId}>{answerLabel(def, data.answers, itemId)}</li>
        ))}
      </ul>
      {total ? (
        <p className="mono">
          {total.formula} → {total.computation}
        </p>
      ) : null}
      {data.amendmentReason ? <p>Correction of an earlier response: {data.amendmentReason}</p> : null}
      {data.supersededBy ? (
        <p className="muted">Corrected by a later response.</p>
      ) : amendment.amending && def ? (
        <AmendForm
          id={id}
          def={def}
          entry={entry}
          {...amendment}
          amending={amendment.amending}
          onSave={() => void save(def)}
        />
      ) : (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => amendment.setAmending({ ...data.answers })}
        >
          Correct this response
        </button>
      )}
    </div>
  );
}
