import { INTAKE_ITEMS, intakeSectionLabels, intakeSections } from '../../domain/intake/index';
import { PortalDocument } from './portal-document';
import { ErrorSummaryBox } from './questionnaire-error-summary';
import { BLANK_ROWS, IntakeQuestion, RowList } from './intake-form-fields';
import { expiryText } from './questionnaire-page-model';

/**
 * The patient's intake and consent pages behind a form link. Nothing about the person is shown until
 * the date of birth is confirmed; after that the page carries the proof the server issued, so the
 * form's posts are tied to that check.
 */

export interface FormFrameProps {
  clinicName: string;
  purpose: 'intake' | 'consent';
  kiosk: boolean;
  expiresAt: Date;
  action: string;
}

const formTitle = (purpose: 'intake' | 'consent') =>
  purpose === 'intake' ? 'Your health questionnaire' : 'Your treatment consent form';

function Header({ clinicName, title }: { clinicName: string; title: string }) {
  return (
    <header className="portal-header">
      <p className="portal-header__clinic">{clinicName}</p>
      <h1>{title}</h1>
    </header>
  );
}

function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
}) {
  const items = Object.keys(errors)
    .filter((id) => id !== '_form')
    .map((id) => ({ id, text: `${labels[id] ?? id}: ${errors[id]}` }));
  return <ErrorSummaryBox formError={errors._form} items={items} />;
}

export function BirthDatePage({
  frame,
  attemptsLeft,
}: {
  frame: FormFrameProps;
  /** After a wrong date: how many tries remain before the link locks. */
  attemptsLeft?: number;
}) {
  return (
    <PortalDocument title={`${formTitle(frame.purpose)} · ${frame.clinicName}`} kiosk={frame.kiosk}>
      <Header clinicName={frame.clinicName} title={formTitle(frame.purpose)} />
      <p>To keep your information private, first confirm your date of birth.</p>
      {attemptsLeft !== undefined ? (
        <div className="error-summary" role="alert" id="error-summary" tabIndex={-1}>
          <p>
            That date of birth does not match our records. You can try {attemptsLeft} more{' '}
            {attemptsLeft === 1 ? 'time' : 'times'} before the link stops working.
          </p>
        </div>
      ) : null}
      <form method="post" action={frame.action} className="questionnaire" noValidate>
        <input type="hidden" name="step" value="birth-date" />
        <div className="form-field">
          <label htmlFor="birthDate" className="form-field__label">
            Date of birth
          </label>
          <input id="birthDate" name="birthDate" type="date" autoComplete="bday" required />
        </div>
        <button type="submit" className="portal-button">
          Continue
        </button>
      </form>
      <p className="portal-small">This link expires on {expiryText(frame.expiresAt)}.</p>
    </PortalDocument>
  );
}

const itemLabels: Record<string, string> = {
  ...Object.fromEntries(INTAKE_ITEMS.map((i) => [i.id, i.label])),
  med: 'Medicines you take now',
};

export interface IntakeFormPageProps {
  frame: FormFrameProps;
  proof: string;
  answers: Record<string, unknown>;
  medications: Array<Record<string, unknown>>;
  noMedications: boolean;
  errors: Record<string, string>;
  saved: boolean;
  extraRows?: number;
}

export function IntakeFormPage(props: IntakeFormPageProps) {
  const { frame, errors } = props;
  const extraRows = props.extraRows ?? BLANK_ROWS;
  return (
    <PortalDocument title={`${formTitle('intake')} · ${frame.clinicName}`} kiosk={frame.kiosk}>
      <Header clinicName={frame.clinicName} title={formTitle('intake')} />
      {props.saved ? (
        <p className="portal-notice" role="status">
          Saved. You can come back to this link until {expiryText(frame.expiresAt)} (you will be asked for
          your date of birth again).
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={itemLabels} />
      <form method="post" action={frame.action} className="questionnaire intake-form" noValidate>
        <input type="hidden" name="step" value="intake" />
        <input type="hidden" name="proof" value={props.proof} />
        {intakeSections.map((section) => (
          <section key={section} className="intake-section">
            <h2>{intakeSectionLabels[section]}</h2>
            {INTAKE_ITEMS.filter((i) => i.section === section).map((item) => (
              <IntakeQuestion
                key={item.id}
                item={item}
                values={props.answers}
                error={errors[item.id]}
                extraRows={extraRows}
              />
            ))}
          </section>
        ))}
        <section className="intake-section">
          <h2>Medicines you take now</h2>
          <RowList
            id="med"
            legend="Every medicine you take, prescribed or not, with the mg in one dose and how many times a day."
            help="Tick “as needed” for a medicine you take only some days; then give the most times a day."
            columns={[
              { field: 'drug', label: 'Medicine' },
              { field: 'doseMg', label: 'mg per dose', numeric: true },
              { field: 'timesPerDay', label: 'Times a day', numeric: true },
              { field: 'asNeeded', label: 'As needed', flag: true },
            ]}
            rows={props.medications}
            noneLabel="I take no medicines"
            noneChecked={props.noMedications}
            error={errors.med}
            extraRows={extraRows}
          />
        </section>
        <div className="form-actions">
          <button type="submit" name="action" value="save" className="portal-button portal-button--secondary">
            Save and finish later
          </button>
          <button type="submit" name="action" value="more" className="portal-button portal-button--secondary">
            Add more rows
          </button>
          <button type="submit" name="action" value="submit" className="portal-button">
            Send to my clinic
          </button>
        </div>
        <p className="portal-small">Your answers go only to your care team at {frame.clinicName}.</p>
      </form>
    </PortalDocument>
  );
}

export interface ConsentFormPageProps {
  frame: FormFrameProps;
  proof: string;
  templateId: string;
  title: string;
  text: string;
  esignDisclosure: string;
  errors: Record<string, string>;
  typedName?: string;
}

const consentLabels: Record<string, string> = {
  esignConsent: 'Agreement to sign electronically',
  typedName: 'Your full legal name',
  drawnSignature: 'Your signature',
  templateId: 'Consent form',
};

export function ConsentFormPage(props: ConsentFormPageProps) {
  const { frame, errors } = props;
  return (
    <PortalDocument
      title={`${props.title} · ${frame.clinicName}`}
      kiosk={frame.kiosk}
      script="/portal/assets/signature-pad.js"
    >
      <Header clinicName={frame.clinicName} title={props.title} />
      <ErrorSummary errors={errors} labels={consentLabels} />
      <article className="consent-text" aria-label="The consent form">
        {props.text.split(/\n{2,}/).map((block, i) => (
          <p key={i}>{block}</p>
        ))}
      </article>
      <form method="post" action={frame.action} className="questionnaire consent-form" noValidate>
        <input type="hidden" name="step" value="consent" />
        <input type="hidden" name="proof" value={props.proof} />
        <input type="hidden" name="templateId" value={props.templateId} />
        <fieldset id="q-esignConsent">
          <legend>Signing electronically</legend>
          <p className="portal-small consent-disclosure">{props.esignDisclosure}</p>
          {errors.esignConsent ? <p className="question__error">{errors.esignConsent}</p> : null}
          <label className="option" htmlFor="esignConsent">
            <input type="checkbox" id="esignConsent" name="esignConsent" value="yes" />
            <span>I have read this and agree to sign electronically</span>
          </label>
        </fieldset>
        <div className="form-field" id="q-typedName">
          <label htmlFor="typedName" className="form-field__label">
            Type your full legal name
          </label>
          {errors.typedName ? <p className="question__error">{errors.typedName}</p> : null}
          <input id="typedName" name="typedName" autoComplete="name" defaultValue={props.typedName ?? ''} />
        </div>
        <div className="form-field" id="q-drawnSignature">
          <p className="form-field__label" id="signature-label">
            Sign with your finger or mouse
          </p>
          {errors.drawnSignature ? <p className="question__error">{errors.drawnSignature}</p> : null}
          <canvas
            className="signature-canvas"
            data-signature-for="drawnSignature"
            width={600}
            height={200}
            role="img"
            aria-labelledby="signature-label"
          />
          <input type="hidden" id="drawnSignature" name="drawnSignature" value="" />
          <button
            type="button"
            className="portal-button portal-button--secondary"
            data-signature-clear="drawnSignature"
          >
            Clear signature
          </button>
          <noscript>
            <p className="question__error">
              Drawing a signature needs JavaScript. Please turn it on, or sign at the clinic.
            </p>
          </noscript>
        </div>
        <button type="submit" className="portal-button">
          Sign the consent form
        </button>
      </form>
    </PortalDocument>
  );
}

export function FormDonePage({ frame }: { frame: Omit<FormFrameProps, 'action' | 'expiresAt'> }) {
  const what = frame.purpose === 'intake' ? 'Your answers were sent' : 'Your signed form was sent';
  return (
    <PortalDocument title={`Thank you · ${frame.clinicName}`} kiosk={frame.kiosk}>
      <Header clinicName={frame.clinicName} title={`Thank you — ${what.toLowerCase()}`} />
      <p>
        {frame.purpose === 'intake'
          ? 'A clinician will go through them with you before any treatment.'
          : 'A clinician will countersign it; you can ask the clinic for a copy at any time.'}
      </p>
      {frame.kiosk ? (
        <p className="portal-small">
          Please hand the tablet back. Staff: <a href="/app/">sign in again</a> to continue.
        </p>
      ) : (
        <p>You can close this page now.</p>
      )}
    </PortalDocument>
  );
}

const stateText = {
  used: [
    'This form was already sent',
    'Each form link works once. If something needs changing, please contact your clinic.',
  ],
  expired: [
    'This link has expired',
    'For your privacy, form links stop working after a while. Please ask your clinic for a new one.',
  ],
  revoked: [
    'This link was cancelled',
    'Your clinic cancelled this link. Please use the newest message, or contact your clinic.',
  ],
  locked: [
    'This link is locked',
    'The date of birth was entered wrongly too many times. Please contact your clinic for a new link.',
  ],
  unknown: [
    'This link is not valid',
    'Check that you opened the whole link from your message, or ask your clinic for a new one.',
  ],
  throttled: ['Too many attempts', 'Please wait a few minutes and try again.'],
} as const;
export type FormLinkState = keyof typeof stateText;

export function FormStatePage({
  state,
  clinicName,
  kiosk = false,
}: {
  state: FormLinkState;
  clinicName?: string;
  kiosk?: boolean;
}) {
  const [title, body] = stateText[state];
  return (
    <PortalDocument title={title} kiosk={kiosk}>
      <header className="portal-header">
        {clinicName ? <p className="portal-header__clinic">{clinicName}</p> : null}
        <h1>{title}</h1>
      </header>
      <p>{body}</p>
      {kiosk ? (
        <p className="portal-small">
          Staff: <a href="/app/">sign in</a> to start again.
        </p>
      ) : null}
    </PortalDocument>
  );
}
