import type { CrisisLine } from '../../domain/clinic/index';
import type { InstrumentDefinition } from '../../domain/instruments/index';
import { CrisisResources } from './crisis-resources';
import { PortalDocument } from './portal-document';
import { QuestionFieldset } from './question-fieldset';
import { QuestionnaireErrorSummary } from './questionnaire-error-summary';
import { expiryText, unconditionalItems } from './questionnaire-page-model';

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
      <QuestionnaireErrorSummary def={def} answers={answers} errors={errors} />
      <form method="post" action={action} className="questionnaire" noValidate>
        <ol className="questionnaire__items">
          {unconditionalItems(def).map((item, index) => (
            <QuestionFieldset
              key={item.id}
              item={item}
              number={index + 1}
              answers={answers}
              error={errors[item.id]}
            />
          ))}
        </ol>
        <button type="submit" className="portal-button">
          Send my answers
        </button>
        <p className="portal-small">
          Your answers go only to your care team at {clinicName}. This link works once and expires on{' '}
          {expiryText(expiresAt)}.
        </p>
      </form>
      <CrisisResources crisisLine={crisisLine} prominent={false} />
    </PortalDocument>
  );
}
