import { useState } from 'react';
import { ApiError, errorMessage, fieldErrors, type FieldProblem } from '../api-client';
import type { EntryDraft } from './session-api';
import type { SendOutcome, SessionEntries } from './use-session-entries';

/** A value the server asks the nurse to confirm, and the entry to send again once they do. */
export interface PendingConfirmation {
  fields: FieldProblem[];
  draft: EntryDraft;
}

/** What a form shows after an entry's outcome. */
export interface EntryFeedback {
  /** Charted, or safely waiting on the device: the form may reset. */
  done: boolean;
  notice: string | undefined;
  confirmation: PendingConfirmation | undefined;
  errors: Record<string, string>;
  error: string | undefined;
}

export const SAVED_NOTICE = 'Saved.';
export const WAITING_NOTICE = 'Saved on this device. It will be sent when the connection returns.';

/**
 * Reads an entry's outcome for its form. A 409 `confirmation_required` on vitals becomes a question for the
 * nurse (the contract lets only vitals be confirmed); any other refusal shows the server's words, with its
 * field problems beside the fields (paths without `prefixes`).
 */
export function entryFeedback(
  outcome: SendOutcome,
  draft: EntryDraft,
  prefixes: readonly string[],
): EntryFeedback {
  const none = { notice: undefined, confirmation: undefined, errors: {}, error: undefined };
  if (outcome.kind === 'saved') return { ...none, done: true, notice: SAVED_NOTICE };
  if (outcome.kind === 'waiting') return { ...none, done: true, notice: WAITING_NOTICE };
  const e = outcome.error;
  if (e instanceof ApiError && e.code === 'confirmation_required' && draft.type === 'vitals')
    return { ...none, done: false, confirmation: { fields: e.fields, draft } };
  return { ...none, done: false, errors: fieldErrors(e, [...prefixes]), error: errorMessage(e) };
}

/** The same entry, confirmed: only vitals carry `confirm`. */
export function confirmed(draft: EntryDraft): EntryDraft {
  return draft.type === 'vitals' ? { ...draft, confirm: true } : draft;
}

export interface EntryForm extends Omit<EntryFeedback, 'done'> {
  busy: boolean;
  /** Sends the entry; true when it is charted or safely waiting on the device (the form may reset). */
  submit: (draft: EntryDraft) => Promise<boolean>;
  /** Sends the entry the server asked about again, confirmed. */
  confirm: () => Promise<boolean>;
}

const initial: EntryFeedback = {
  done: false,
  notice: undefined,
  confirmation: undefined,
  errors: {},
  error: undefined,
};

/** One chart form's submit: busy while the entry is sent, then the feedback of `entryFeedback`. */
export function useEntryForm(entries: SessionEntries, prefixes: readonly string[] = ['body']): EntryForm {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<EntryFeedback>(initial);

  const run = async (draft: EntryDraft): Promise<boolean> => {
    setBusy(true);
    setFeedback(initial);
    const next = entryFeedback(await entries.send(draft), draft, prefixes);
    setBusy(false);
    setFeedback(next);
    return next.done;
  };

  return {
    busy,
    notice: feedback.notice,
    confirmation: feedback.confirmation,
    errors: feedback.errors,
    error: feedback.error,
    submit: run,
    confirm: async () => (feedback.confirmation ? run(confirmed(feedback.confirmation.draft)) : false),
  };
}
