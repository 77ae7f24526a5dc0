import type { CrisisLine } from '../../domain/clinic/index';
import type { InstrumentDefinition } from '../../domain/instruments/index';
import { CrisisResources } from './crisis-resources';
import { PortalDocument } from './portal-document';

export interface QuestionnairePageProps {
  def: InstrumentDefinition;
  clinicName: string;
  action: string;
  kiosk: boolean;
  crisisLine: CrisisLine;
  expiresAt: Date;
  answers?: Record<string, number | null>;
  errors?: Record<string, string>;
}

/**
 * One questionnaire, nothing else: the clinic's name and the items. No patient name or other
 * details are shown (a forwarded or shoulder-read link reveals nothing about the person). Each item
 * is a fieldset of native radio buttons, so arrow keys, screen readers and large touch targets work.
 */
export function QuestionnairePage({
  def,
  clinicName,
  action,
  kiosk,
  crisisLine,
  expiresAt,
  answers = {},
  errors = {},
}: QuestionnairePageProps) {
  const items = def.items.filter((item) => !item.enableWhen);
  const errorIds = Object.keys(errors).filter((key) => key !== '_form');
  return (
    <PortalDocument title={`${def.shortTitle} · ${clinicName}`} kiosk={kiosk}>
      <header className="portal-header">
        <p className="portal-header__clinic">{clinicName}</p>
        <h1>{def.title}</h1>
        {def.stem ? (
          <p className="portal-stem">{def.stem}</p>
        ) : def.timeframe ? (
          <p className="portal-stem">Think about the {def.timeframe}.</p>
        ) : null}
      </header>
      {errorIds.length > 0 || errors._form ? (
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
            {errorIds.map((id) => {
              const item = def.items.find((i) => i.id === id);
              const n = item ? def.items.indexOf(item) + 1 : 0;
              return (
                <li key={id}>
                  <a href={`#q-${id}`}>
                    Question {n}:{' '}
                    {answers[id] === undefined || answers[id] === null
                      ? 'please choose an answer'
                      : errors[id]}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} className="questionnaire" noValidate>
        <ol className="questionnaire__items">
          {items.map((item, index) => {
            const required = item.required !== false;
            const error = errors[item.id];
            return (
              <li key={item.id} className={error ? 'question question--error' : 'question'}>
                <fieldset id={`q-${item.id}`} aria-describedby={error ? `e-${item.id}` : undefined}>
                  <legend>
                    <span className="question__number">{index + 1}.</span> {item.text ?? item.label}
                    {required ? null : <span className="question__optional"> (optional)</span>}
                  </legend>
                  {error ? (
                    <p className="question__error" id={`e-${item.id}`}>
                      {answers[item.id] === undefined || answers[item.id] === null
                        ? 'Please choose an answer.'
                        : error}
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
          })}
        </ol>
        <button type="submit" className="portal-button">
          Send my answers
        </button>
        <p className="portal-small">
          Your answers go only to your care team at {clinicName}. This link works once and expires on{' '}
          {expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.
        </p>
      </form>
      <CrisisResources crisisLine={crisisLine} prominent={false} />
    </PortalDocument>
  );
}
