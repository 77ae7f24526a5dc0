import type { InstrumentDefinition } from '../../domain/instruments/index';
import { isUnanswered, itemErrorIds, questionNumber, type PortalAnswers } from './questionnaire-page-model';

/** The problems at the top of a patient page, each linking to its question (`#q-<id>`). */
export function ErrorSummaryBox({
  formError,
  items,
}: {
  formError?: string;
  items: Array<{ id: string; text: string }>;
}) {
  if (items.length === 0 && !formError) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      id="error-summary"
    >
      <h2 id="error-summary-title">Please check your answers</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#q-${item.id}`}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The problems at the top of the questionnaire, each linking to its question; nothing when all is well. */
export function QuestionnaireErrorSummary({
  def,
  answers,
  errors,
}: {
  def: InstrumentDefinition;
  answers: PortalAnswers;
  errors: Record<string, string>;
}) {
  return (
    <ErrorSummaryBox
      formError={errors._form}
      items={itemErrorIds(errors).map((id) => ({
        id,
        text: `Question ${questionNumber(def, id)}: ${isUnanswered(answers, id) ? 'please choose an answer' : errors[id]}`,
      }))}
    />
  );
}
