import { useCallback, useState } from 'react';
import { useRefreshSchedule } from './use-scheduling-queries';

/**
 * One scheduling write at a time: which one is running (and which ran last, so its section shows the
 * outcome), the refusal to show beside it, and a notice once done. Every scheduling read on screen is
 * fetched again afterwards.
 */
export function useSchedulingWrite() {
  const refresh = useRefreshSchedule();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [last, setLast] = useState<string>();

  const run = useCallback(
    async <T>(what: string, work: () => Promise<T>, done: (result: T) => string): Promise<T | undefined> => {
      setBusy(what);
      setLast(what);
      setError(undefined);
      setNotice('');
      try {
        const result = await work();
        setNotice(done(result));
        await refresh();
        return result;
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [refresh],
  );

  const clear = useCallback(() => {
    setError(undefined);
    setNotice('');
  }, []);

  return { busy, last, error, notice, run, clear };
}

export type SchedulingWrite = ReturnType<typeof useSchedulingWrite>;
