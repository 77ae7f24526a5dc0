import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sessionKeys, sessionPaths } from './session-api';
import { BOARD_REFRESH_MS, trailingThrottle } from './trailing-throttle';

/** The sessionId of a change event, or undefined for data that is not one. */
export function changedSessionId(data: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && 'sessionId' in parsed) {
      const id = (parsed as { sessionId: unknown }).sessionId;
      return typeof id === 'string' ? id : undefined;
    }
  } catch {
    // Not JSON: not an event this page understands.
  }
  return undefined;
}

/**
 * Keeps the chair board and an open session current: the server sends an event for every change to a
 * session of the clinic, and the reads it concerns are fetched again. EventSource reconnects by itself
 * after a dropped connection or a server restart; on reconnecting everything is fetched again, since
 * events may have been missed meanwhile. Returns whether the stream is connected.
 */
export function useBoardStream(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(sessionPaths.boardStream, { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      setConnected(true);
      if (opened) void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      opened = true;
    };
    source.onerror = () => setConnected(false);
    // A burst of events becomes at most one board read per interval, the last one after the last event:
    // re-reading on every event cancelled the read in flight each time and a busy board never caught up.
    const refreshBoard = trailingThrottle(
      () => void queryClient.invalidateQueries({ queryKey: sessionKeys.board() }),
      BOARD_REFRESH_MS,
    );
    source.addEventListener('session', (event) => {
      refreshBoard.call();
      const id = changedSessionId((event as MessageEvent<string>).data);
      if (id) void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id) });
    });
    return () => {
      refreshBoard.cancel();
      source.close();
    };
  }, [queryClient]);
  return connected;
}
