import type { Enquiry, EnquiryUpdateRequest } from '../../../contracts/enquiries';

interface EnquiryActionsProps {
  enquiry: Enquiry;
  /** The card's heading id; the note's id derives from it. */
  headingId: string;
  note: string;
  onNote: (note: string) => void;
  busy: boolean;
  save: (change: Omit<EnquiryUpdateRequest, 'version'>) => Promise<void>;
}

/** The staff note and the status moves an enquiry can make next. */
export function EnquiryActions({ enquiry, headingId, note, onNote, busy, save }: EnquiryActionsProps) {
  return (
    <div className="enquiry-actions">
      <div className="field">
        <label htmlFor={`${headingId}-note`}>Staff note</label>
        <textarea
          id={`${headingId}-note`}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => onNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void save({ staffNote: note })}
        >
          Save note
        </button>
        {enquiry.status === 'registered' ? null : enquiry.status !== 'contacted' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void save({ status: 'contacted', staffNote: note })}
          >
            Mark contacted
          </button>
        ) : null}
        {enquiry.status === 'registered' ? null : enquiry.status !== 'closed' ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void save({ status: 'closed', staffNote: note })}
          >
            Close
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void save({ status: 'new' })}
          >
            Reopen
          </button>
        )}
      </div>
    </div>
  );
}
