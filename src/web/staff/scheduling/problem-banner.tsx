import { ErrorBanner } from '../ui/error-banner';
import { problemText } from './problems';

/** A refused request beside its form: the server's message and each field's problem. */
export function ProblemBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const { message, fields } = problemText(error);
  return (
    <ErrorBanner>
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul className="sched-problems">
          {fields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </ErrorBanner>
  );
}
