import type { CrisisLine } from '../../domain/clinic/index';

/** Where to get help now (clinic setting crisisLine; default 988 in the US). */
export function CrisisResources({
  crisisLine,
  prominent,
  kiosk = false,
}: {
  crisisLine: CrisisLine;
  prominent: boolean;
  kiosk?: boolean;
}) {
  const tel = crisisLine.phone.replace(/[^\d+]/g, '');
  const sms = crisisLine.text.replace(/[^\d+]/g, '');
  if (!prominent) {
    return (
      <p className="crisis-note">
        In crisis? Call <a href={`tel:${tel}`}>{crisisLine.phone}</a>
        {sms ? (
          <>
            {' '}
            or text <a href={`sms:${sms}`}>{crisisLine.text}</a>
          </>
        ) : null}{' '}
        ({crisisLine.label}). {crisisLine.note}
      </p>
    );
  }
  return (
    <section className="crisis" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">You do not have to face this alone</h2>
      <p>
        You told us you have had thoughts of death or of hurting yourself. If you are thinking about harming
        yourself, please reach out for help right now.
      </p>
      <ul className="crisis__actions">
        <li>
          <a className="crisis__button" href={`tel:${tel}`}>
            Call {crisisLine.phone}
          </a>
        </li>
        {sms ? (
          <li>
            <a className="crisis__button crisis__button--secondary" href={`sms:${sms}`}>
              Text {crisisLine.text}
            </a>
          </li>
        ) : null}
      </ul>
      <p>
        <strong>{crisisLine.label}</strong> is free, confidential and open 24 hours a day. {crisisLine.note}
      </p>
      {kiosk ? (
        <p className="crisis__kiosk">Please tell a member of staff now: they are here to help.</p>
      ) : (
        <p>Your care team will also see your answers and follow up with you.</p>
      )}
    </section>
  );
}
