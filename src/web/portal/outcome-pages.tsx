import type { CrisisLine } from '../../domain/clinic/index';
import { CrisisResources } from './crisis-resources';
import { PortalDocument } from './portal-document';

/** After a self-report: thanks, and crisis resources first when the answers call for them. */
export function DonePage({
  clinicName,
  crisis,
  crisisLine,
}: {
  clinicName: string;
  crisis: boolean;
  crisisLine: CrisisLine;
}) {
  return (
    <PortalDocument title={`Thank you · ${clinicName}`}>
      {crisis ? <CrisisResources crisisLine={crisisLine} prominent /> : null}
      <header className="portal-header">
        <p className="portal-header__clinic">{clinicName}</p>
        <h1>Thank you — your answers were sent</h1>
      </header>
      <p>Your care team will go through them with you. You can close this page now.</p>
      {crisis ? null : <CrisisResources crisisLine={crisisLine} prominent={false} />}
    </PortalDocument>
  );
}

/**
 * The kiosk's end screen. The staff session on the tablet ended when kiosk mode started, so this
 * page holds no data and leads nowhere but the staff sign-in.
 */
export function HandBackPage({
  clinicName,
  crisis,
  crisisLine,
}: {
  clinicName: string;
  crisis: boolean;
  crisisLine: CrisisLine;
}) {
  return (
    <PortalDocument title={`Please hand the tablet back · ${clinicName}`} kiosk>
      {crisis ? <CrisisResources crisisLine={crisisLine} prominent kiosk /> : null}
      <div className="hand-back">
        <p className="hand-back__icon" aria-hidden="true">
          ✓
        </p>
        <h1>Thank you. Please hand the tablet back to a member of staff.</h1>
        <p>Your answers were sent to your care team.</p>
        <p className="portal-small">
          Staff: <a href="/app/">sign in again</a> to continue.
        </p>
      </div>
    </PortalDocument>
  );
}

const stateText = {
  used: {
    title: 'This link has already been used',
    body: 'Each questionnaire link works once, and your answers for this one were already sent. If you need to change something, please contact your clinic.',
  },
  expired: {
    title: 'This link has expired',
    body: 'For your privacy, questionnaire links stop working after a while. Please contact your clinic and ask for a new link.',
  },
  revoked: {
    title: 'This link was cancelled',
    body: 'Your clinic cancelled this link, usually because a newer one was sent. Please use the newest message, or contact your clinic.',
  },
  unknown: {
    title: 'This link is not valid',
    body: 'Check that you opened the whole link from your message. If it still does not work, please contact your clinic for a new one.',
  },
  throttled: {
    title: 'Too many attempts',
    body: 'Please wait a few minutes and try again.',
  },
} as const;

export type LinkState = keyof typeof stateText;

/** A clear page for a link that cannot be used, with no detail about whose link it was. */
export function LinkStatePage({
  state,
  clinicName,
  crisisLine,
  kiosk = false,
}: {
  state: LinkState;
  clinicName?: string;
  crisisLine?: CrisisLine;
  kiosk?: boolean;
}) {
  const text = stateText[state];
  return (
    <PortalDocument title={text.title} kiosk={kiosk}>
      <header className="portal-header">
        {clinicName ? <p className="portal-header__clinic">{clinicName}</p> : null}
        <h1>{text.title}</h1>
      </header>
      <p>{text.body}</p>
      {kiosk ? (
        <p className="portal-small">
          Staff: <a href="/app/">sign in</a> to start again.
        </p>
      ) : null}
      {crisisLine ? <CrisisResources crisisLine={crisisLine} prominent={false} /> : null}
    </PortalDocument>
  );
}
