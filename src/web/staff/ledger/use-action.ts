import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../api-client';
import { ledgerKeys } from './ledger-api';

export interface LedgerAction<T> {
  busy: boolean;
  /** The server's problems by field, without the `body.` prefix (`_form` for the body itself). */
  errors: Record<string, string>;
  /** The server's message, for the banner. */
  error: string | undefined;
  notice: string;
  /** Runs the write; on success refreshes every ledger read, shows `done` and returns the answer. */
  run: (write: () => Promise<T>, done: string | ((value: T) => string)) => Promise<T | undefined>;
  reset: () => void;
}

/** One write of a ledger form: busy state, the server's field problems and a notice once it is done. */
export function useLedgerAction<T>(): LedgerAction<T> {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const run = async (write: () => Promise<T>, done: string | ((value: T) => string)) => {
    setBusy(true);
    setProblem(undefined);
    setNotice('');
    try {
      const value = await write();
      setNotice(typeof done === 'string' ? done : done(value));
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
      return value;
    } catch (e) {
      setProblem(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    errors: fieldErrors(problem, ['body', 'params', 'query']),
    error: problem ? errorMessage(problem) : undefined,
    notice,
    run,
    reset: () => {
      setProblem(undefined);
      setNotice('');
    },
  };
}
