import type { InstrumentEntry } from '../../../contracts/measurement';
import type { InstrumentDefinition } from '../../../domain/instruments/index';
import { referenceTitle } from '../../../domain/protocols';

export type Answers = Record<string, number | null>;

/** Whether an item is asked, given the answers so far (C-SSRS: Q3–Q5 only after a "yes" to Q2). */
export function isAsked(def: InstrumentDefinition, itemId: string, answers: Answers): boolean {
  const item = def.items.find((i) => i.id === itemId);
  if (!item?.enableWhen) return true;
  return answers[item.enableWhen.item] === item.enableWhen.equals;
}

/** Drops answers to items that skip logic no longer asks, so they are not submitted. */
export function askedAnswers(def: InstrumentDefinition, answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => isAsked(def, id, answers)));
}

/** Instruments whose items the clinic may word from its licensed copy (measurement settings). */
const CLINIC_WORDED = new Set(['cadss6']);

/** What the clinic's copy says about the items: its wording, or a plain statement that there is none. */
function WordingNote({
  def,
  wording,
}: {
  def: InstrumentDefinition;
  wording: Record<string, string> | null;
}) {
  if (!CLINIC_WORDED.has(def.id)) return null;
  return wording ? (
    <p className="field__hint">
      Wording from your clinic’s licensed copy, shown beside each item number. Check it against the form you
      administer.
    </p>
  ) : (
    <p className="field__hint">
      No item wording is attached: Arbor stores none for the {def.shortTitle}, and your clinic has not added
      the wording of its licensed copy (an administrator can, in Clinic settings). Rate each item from the
      licensed form.
    </p>
  );
}

/**
 * The definition drives the form: one fieldset of native radio buttons per item, so Tab moves
 * between items and the arrow keys between answers. Errors from the server sit beside their item.
 * The clinic's safety rule for the instrument, and any wording from its licensed copy, are shown with it.
 */
export function QuestionnaireForm({
  def,
  answers,
  onChange,
  errors = {},
  idPrefix,
  clinicWording = null,
  safetyRule = null,
}: {
  def: InstrumentDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  errors?: Record<string, string>;
  idPrefix: string;
  clinicWording?: InstrumentEntry['clinicWording'];
  safetyRule?: InstrumentEntry['safetyRule'];
}) {
  return (
    <div className="mbc-questionnaire">
      {def.stem ? <p className="mbc-questionnaire__stem">{def.stem}</p> : null}
      {!def.licence.wordingStored ? (
        <p className="field__hint">
          Short labels only: use the official wording with the patient ({def.licence.note})
        </p>
      ) : null}
      <WordingNote def={def} wording={clinicWording} />
      {safetyRule ? (
        <p className="field__hint">
          {safetyRule.text}{' '}
          <span className="muted">
            [{safetyRule.evidence}] ({referenceTitle(safetyRule.section)})
          </span>
        </p>
      ) : null}
      <ol className="mbc-questionnaire__items">
        {def.items.map((item, index) => {
          if (!isAsked(def, item.id, answers)) return null;
          const error = errors[item.id];
          const name = `${idPrefix}-${item.id}`;
          return (
            <li key={item.id}>
              <fieldset
                className={error ? 'mbc-item mbc-item--invalid' : 'mbc-item'}
                aria-describedby={error ? `${name}-error` : undefined}
              >
                <legend>
                  <span className="muted">{index + 1}.</span> {item.text ?? item.label}
                  {clinicWording?.[item.id] ? <> — {clinicWording[item.id]}</> : null}
                  {item.required === false ? <span className="muted"> (optional)</span> : null}
                </legend>
                {error ? (
                  <p className="field__error" id={`${name}-error`}>
                    {error}
                  </p>
                ) : null}
                <div className="mbc-options">
                  {item.options.map((option) => (
                    <label key={option.value} className="mbc-option">
                      <input
                        type="radio"
                        name={name}
                        value={option.value}
                        checked={answers[item.id] === option.value}
                        onChange={() => onChange({ ...answers, [item.id]: option.value })}
                      />
                      <span>{option.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
