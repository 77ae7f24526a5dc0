import { useState } from 'react';
import type { ProtocolList } from '../../../contracts/dosing';
import { apiGet } from '../api-client';
import { useCan } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { CopyForm } from './copy-protocol-form';
import { SettingsSection } from './dosing-settings-section';
import { ProtocolCard } from './protocol-card';
import { ReviseForm } from './revise-protocol-form';
import './dosing.css';

interface ListProps {
  data: ProtocolList;
  canManage: boolean;
  onDone: (message: string) => void;
}

/** The clinic's saved versions; only the current version of each can be revised. */
function ClinicProtocols({ data, canManage, onDone }: ListProps) {
  return (
    <section aria-labelledby="clinic-protocols">
      <h2 id="clinic-protocols">This clinic&apos;s protocols</h2>
      {data.clinic.length === 0 ? (
        <p className="muted">None yet. Copy a library protocol to start one.</p>
      ) : null}
      {data.clinic.map((entry) => (
        <ProtocolCard key={entry.rowId} protocol={entry.protocol} entry={entry}>
          {entry.latest && canManage ? <ReviseForm entry={entry} onDone={onDone} /> : null}
        </ProtocolCard>
      ))}
    </section>
  );
}

function LibraryProtocols({ data }: { data: ProtocolList }) {
  return (
    <section aria-labelledby="library-protocols">
      <h2 id="library-protocols">Library</h2>
      {data.library.map((entry) => (
        <ProtocolCard key={entry.protocol.id} protocol={entry.protocol} />
      ))}
    </section>
  );
}

/** Protocols: the built-in library, the clinic's own versions, and the dosing settings with their sources. */
export function ProtocolsPage() {
  const can = useCan();
  const list = useLoad((signal) => apiGet<ProtocolList>('/api/protocols', { signal }), 'protocols');
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
  };
  const data = list.data;
  const canManage = can('protocol.manage');
  return (
    <div className="protocols">
      <h1>Protocols</h1>
      <p>
        Every dose, limit and schedule below is a clinic setting with its source and confidence tag (the
        clinical source register’s candidate defaults for IV depression and session rules). Built-in protocols
        are read-only; copy one to change it. A saved version is never edited: a revision is a new version,
        and doses keep pointing at the version they used.
      </p>
      <LoadState loading={list.loading && !data} error={list.error} />
      <NoticeBanner>{notice}</NoticeBanner>
      {data ? (
        <>
          {canManage ? <CopyForm data={data} onDone={changed} /> : null}
          <ClinicProtocols data={data} canManage={canManage} onDone={changed} />
          <LibraryProtocols data={data} />
          <SettingsSection data={data} />
        </>
      ) : null}
    </div>
  );
}
