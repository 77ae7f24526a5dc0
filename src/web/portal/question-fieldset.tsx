import type { InstrumentDefinition } from '../../domain/instruments/index';
import { isUnanswered, type PortalAnswers } from './questionnaire-page-model';

type Item = InstrumentDefinition['items'][number];

/**
 * One item as a fieldset of native radio buttons, so arrow keys, screen readers and large touch
 * targets work; an error sits under the legend and is tied to the fieldset.
 */
export function QuestionFieldset({
  item,
  number,
  answers,
  error,
}: {
  item: Item;
  number: number;
  answers: PortalAnswers;
  error: string | undefined;
}) {
  const required = item.required !== false;
  return (
    <li className={error ? 'question question--error' : 'question'}>
      <fieldset id={`q-${item.id}`} aria-describedby={error ? `e-${item.id}` : undefined}>
        <legend>
          <span className="question__number">{number}.</span> {item.text ?? item.label}
          {required ? null : <span className="question__optional"> (optional)</span>}
        </legend>
        {error ? (
          <p className="question__error" id={`e-${item.id}`}>
            {isUnanswered(answers, item.id) ? 'Please choose an answer.' : error}
          </p>
        ) : null}
        <div className="options">
          {item.options.map((option) => {
            const id = `${item.id}-${option.value}`;
            return (
              <label key={id} className="option" htmlFor={id}>
                <input
                  type="radio"
                  id={id}
                  name={item.id}
                  value={String(option.value)}
                  defaultChecked={answers[item.id] === option.value}
                  required={required}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </li>
  );
}
