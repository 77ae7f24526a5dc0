import { useState } from 'react';
import type { DoseCancel, DoseVerify } from '../../../contracts/dosing';
import { apiPost } from '../api-client';

export type DoseActionPath = 'verify' | 'mark-ready' | 'cancel';

/** Posts one status action for a dose; the last failure stays shown until the next attempt. */
export function useDoseAction(doseId: string, onChanged: () => void) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const act = async (path: DoseActionPath, body: DoseVerify | DoseCancel) => {
    setBusy(true);
    setError(undefined);
    try {
      await apiPost(`/api/doses/${doseId}/${path}`, body);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return { error, busy, act };
}
