import { useState } from 'react';
import { formatDateTime } from '../format';
import { EntryStatus } from './entry-status';
import { sessionPaths } from './session-api';
import { SessionSection, TextAreaField, type SectionProps } from './session-fields';
import { useEntryForm, type EntryForm } from './use-entry-form';

function AmendForm({ form }: { form: EntryForm }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form
      aria-label="Amend the note"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ type: 'note_amend', text, reason }).then((ok) => {
          if (!ok) return;
          setText('');
          setReason('');
        });
      }}
    >
      <TextAreaField
        label="Amendment"
        value={text}
        onChange={setText}
        required
        rows={3}
        error={form.errors.text}
      />
      <TextAreaField
        label="Reason for the amendment"
        value={reason}
        onChange={setReason}
        required
        error={form.errors.reason}
      />
      <button type="submit" className="button button--secondary" disabled={form.busy}>
        Amend
      </button>
    </form>
  );
}

/**
 * The note: the draft from the chart until it is signed; then the signed text (locked), the co-signature,
 * the amendments that follow it, and the PDF.
 */
export function NoteSection({ view, entries, canChart, physician }: SectionProps) {
  const form = useEntryForm(entries);
  const { note, actions } = view;
  const signed = note.signed;
  return (
    <SessionSection id="session-note" title="Note">
      {signed ? (
        <>
          <pre className="session-note-text">{signed.text}</pre>
          <p>
            Signed by {signed.by.label} at {formatDateTime(signed.at)}.{' '}
            {note.cosigned
              ? `Co-signed by ${note.cosigned.by.label} at ${formatDateTime(note.cosigned.at)}.`
              : 'Not co-signed yet.'}
          </p>
          <p>
            <a href={sessionPaths.notePdf(view.id)} target="_blank" rel="noreferrer">
              Note (PDF)
            </a>
          </p>
          {note.amendments.length ? (
            <ul aria-label="Amendments">
              {note.amendments.map((a) => (
                <li key={a.at}>
                  {formatDateTime(a.at)}, {a.by.label}: {a.text}{' '}
                  <span className="muted">(reason: {a.reason})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <ul className="session-note-draft" aria-label="Draft note">
          {note.draft.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {canChart ? (
        <div className="button-row">
          {actions.includes('sign_note') ? (
            <button
              type="button"
              className="button"
              disabled={form.busy}
              onClick={() => void form.submit({ type: 'note_sign' })}
            >
              Sign note
            </button>
          ) : null}
          {physician && actions.includes('cosign_note') && !note.cosigned ? (
            <button
              type="button"
              className="button"
              disabled={form.busy}
              onClick={() => void form.submit({ type: 'note_cosign' })}
            >
              Co-sign
            </button>
          ) : null}
        </div>
      ) : null}
      {canChart && signed && actions.includes('amend_note') ? <AmendForm form={form} /> : null}
      <EntryStatus form={form} />
    </SessionSection>
  );
}
