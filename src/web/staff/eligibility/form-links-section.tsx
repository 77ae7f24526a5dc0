import { useId, useState } from 'react';
import type { CreatedFormLink, FormLink, FormLinkRequest } from '../../../contracts/patient-forms';
import { apiGet, apiPost, errorMessage } from '../api-client';
import { KioskConfirm } from '../assessments/kiosk-confirm';
import { OneTimeLink } from '../assessments/one-time-link';
import { SendChannelSelect } from '../assessments/send-channel-select';
import {
  defaultSendChannel,
  linkRecipientText,
  linkStateText,
  queuedLinkNotice,
  type SendChannel,
} from '../assessments/self-report-model';
import { formatDateTime } from '../format';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-load';

/** Which form a link opens, in the words of the select and the table. */
export const formChoices = [
  { value: 'intake', label: 'Intake questionnaire and medicines' },
  { value: 'consent:iv-ketamine', label: 'Consent form: IV ketamine' },
  { value: 'consent:esketamine', label: 'Consent form: esketamine (SPRAVATO)' },
] as const;
type FormChoice = (typeof formChoices)[number]['value'];

export function formRequest(choice: FormChoice, channel: FormLinkRequest['channel']): FormLinkRequest {
  if (choice === 'intake') return { purpose: 'intake', channel };
  return {
    purpose: 'consent',
    consentTemplateCode: choice.slice('consent:'.length) as 'iv-ketamine',
    channel,
  };
}

export function formLabel(link: Pick<FormLink, 'purpose' | 'consentTemplateCode'>): string {
  const value = link.purpose === 'intake' ? 'intake' : `consent:${link.consentTemplateCode}`;
  return formChoices.find((c) => c.value === value)?.label ?? value;
}

const paths = {
  links: (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/form-links`,
  revoke: (linkId: string) => `/api/form-links/${encodeURIComponent(linkId)}/revoke`,
};

/**
 * Send the patient the intake or a consent form to complete on their own phone (email or SMS through
 * the outbox, or a link shown once to hand over), or open it on this tablet in kiosk mode. The patient
 * confirms their date of birth first; the link works once.
 */
export function FormLinksSection({
  patient,
}: {
  patient: { id: string; email: string | null; phone: string | null };
}) {
  const ids = useId();
  const [choice, setChoice] = useState<FormChoice>('intake');
  const [channel, setChannel] = useState<SendChannel>(defaultSendChannel(patient));
  const [notice, setNotice] = useState<string>();
  const [copyUrl, setCopyUrl] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [confirmKiosk, setConfirmKiosk] = useState(false);
  const links = useLoad(
    (signal) => apiGet<{ items: FormLink[] }>(paths.links(patient.id), { signal }),
    patient.id,
  );

  const create = (request: FormLinkRequest) => apiPost<CreatedFormLink>(paths.links(patient.id), request);
  const send = async () => {
    setProblem(undefined);
    setNotice(undefined);
    setCopyUrl(undefined);
    try {
      const link = await create(formRequest(choice, channel));
      if (link.url) setCopyUrl(link.url);
      else setNotice(queuedLinkNotice(channel, link));
      links.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const startKiosk = async () => {
    try {
      const link = await create(formRequest(choice, 'kiosk'));
      // The staff session has ended on the server; a full page load leaves nothing of the app in memory.
      window.location.assign(link.url!);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const revoke = (linkId: string) =>
    void apiPost(paths.revoke(linkId)).then(links.reload, (e: unknown) => setProblem(errorMessage(e)));

  const items = links.data?.items ?? [];
  return (
    <section aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Forms for the patient to complete</h3>
      <div className="grid grid--compact">
        <div className="field">
          <label htmlFor={`${ids}-form`}>Form</label>
          <select id={`${ids}-form`} value={choice} onChange={(e) => setChoice(e.target.value as FormChoice)}>
            {formChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <SendChannelSelect
          id={`${ids}-channel`}
          patient={patient}
          channel={channel}
          setChannel={setChannel}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void send()}>
          Send form link
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirmKiosk(true)}>
          Open on this tablet (kiosk)
        </button>
      </div>
      {confirmKiosk ? (
        <KioskConfirm
          what={choice === 'intake' ? 'the intake questionnaire' : 'the consent form'}
          onStart={() => void startKiosk()}
          onCancel={() => setConfirmKiosk(false)}
        />
      ) : null}
      <NoticeBanner>{notice}</NoticeBanner>
      {copyUrl ? <OneTimeLink url={copyUrl} /> : null}
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Form links table">
          <table className="table">
            <caption className="visually-hidden">Form links sent to the patient</caption>
            <thead>
              <tr>
                <th scope="col">Form</th>
                <th scope="col">Sent by</th>
                <th scope="col">Created</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((link) => (
                <tr key={link.id}>
                  <td>{formLabel(link)}</td>
                  <td>{linkRecipientText(link)}</td>
                  <td>{formatDateTime(link.createdAt)}</td>
                  <td>{linkStateText(link)}</td>
                  <td>
                    {link.status === 'pending' ? (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() => revoke(link.id)}
                      >
                        Cancel link
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
