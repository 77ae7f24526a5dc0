import type { InstrumentDefinition } from '../../domain/instruments/index';
import { isUnanswered, itemErrorIds, questionNumber, type PortalAnswers } from './questionnaire-page-model';

/** The problems at the top of the page, each linking to its question; nothing when all is well. */
export function QuestionnaireErrorSummary({
  def,
  answers,
  errors,
}: {
  def: InstrumentDefinition;
  answers: PortalAnswers;
  errors: Record<string, string>;
}) {
  const errorIds = itemErrorIds(errors);
  if (errorIds.length === 0 && !errors._form) return null;
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
        {errors._form ? <li>{errors._form}</li> : null}
        {errorIds.map((id) => (
          <li key={id}>
            <a href={`#q-${id}`}>
              Question {questionNumber(def, id)}:{' '}
              {isUnanswered(answers, id) ? 'please choose an answer' : errors[id]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
