import { useState } from 'react';
import { errorMessage } from '../api-client';
import { useLoad } from '../ui/use-load';
import { measurementApi } from './measurement-api';
import { defaultSendChannel, queuedLinkNotice, type SendChannel } from './self-report-model';

/** The self-report panel's choices, its links and the actions on them (send, revoke, kiosk). */
export function useSelfReport(patient: { id: string; email: string | null }) {
  const [instrumentId, setInstrumentId] = useState('phq9');
  const [channel, setChannel] = useState<SendChannel>(defaultSendChannel(patient));
  const [notice, setNotice] = useState<string>();
  const [copyUrl, setCopyUrl] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [confirmKiosk, setConfirmKiosk] = useState(false);
  const links = useLoad((signal) => measurementApi.links(patient.id, signal), patient.id);

  const send = async () => {
    setProblem(undefined);
    setNotice(undefined);
    setCopyUrl(undefined);
    try {
      const link = await measurementApi.sendLink(patient.id, { instrumentId, channel });
      if (link.url) setCopyUrl(link.url);
      else setNotice(queuedLinkNotice(channel, link));
      links.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const startKiosk = async () => {
    try {
      const { url } = await measurementApi.startKiosk(patient.id, instrumentId);
      // The staff session has ended on the server; a full page load leaves nothing of the app in memory.
      window.location.assign(url);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const revoke = (linkId: string) =>
    void measurementApi.revokeLink(linkId).then(links.reload, (e: unknown) => setProblem(errorMessage(e)));

  return {
    choices: { instrumentId, setInstrumentId, channel, setChannel },
    notice,
    copyUrl,
    problem,
    confirmKiosk,
    setConfirmKiosk,
    links: links.data?.items ?? [],
    send,
    startKiosk,
    revoke,
  };
}
