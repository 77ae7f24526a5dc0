import { useState, type FormEvent } from 'react';
import type { ProtocolList } from '../../../contracts/dosing';
import { apiPost, errorMessage } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { refKey } from './dose-form-fields';
import { useFormSubmit } from './use-form-submit';

/** What can be copied: every library protocol and the current version of each clinic protocol. */
export function copySources(data: ProtocolList): Array<{ value: string; label: string }> {
  return [
    ...data.library.map((l) => ({
      value: refKey({ origin: 'library', id: l.protocol.id, version: l.protocol.version }),
      label: `Library: ${l.protocol.name}`,
    })),
    ...data.clinic
      .filter((c) => c.latest)
      .map((c) => ({
        value: refKey({ origin: 'clinic', id: c.protocol.id, version: c.protocol.version }),
        label: `Clinic: ${c.protocol.name} v${c.protocol.version}`,
      })),
  ];
}

const BODY = ['body'] as const;

export function CopyForm({ data, onDone }: { data: ProtocolList; onDone: (message: string) => void }) {
  const sources = copySources(data);
  const [source, setSource] = useState(sources[0]?.value ?? '');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const { error, errors, run } = useFormSubmit(BODY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [origin, sid, version] = source.split(':');
    return run(async () => {
      await apiPost('/api/protocols/copy', {
        source: { origin, id: sid, version: Number(version) },
        id,
        ...(name.trim() ? { name } : {}),
      });
      setId('');
      setName('');
      onDone(`Copied as ${id}, version 1.`);
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="copy-heading" className="protocols__copy">
      <fieldset>
        <legend id="copy-heading">Copy a protocol</legend>
        <div className="grid">
          <SelectField
            label="Copy from"
            value={source}
            onChange={setSource}
            options={sources}
            error={errors.source}
          />
          <TextField
            label="New protocol id"
            value={id}
            onChange={setId}
            error={errors.id}
            hint="Lower-case letters, digits and dashes"
            autoComplete="off"
          />
          <TextField label="Name" value={name} onChange={setName} error={errors.name} autoComplete="off" />
        </div>
        <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
        <button type="submit" className="button">
          Copy
        </button>
      </fieldset>
    </form>
  );
}
