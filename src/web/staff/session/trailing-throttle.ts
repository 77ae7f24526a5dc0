/** The least time between two board reads caused by events. */
export const BOARD_REFRESH_MS = 500;

/**
 * Calls `fn` at once, then at most once per `ms` while calls keep coming, always once more after the last
 * call (so the final state is read).
 */
export function trailingThrottle(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  return {
    call: () => {
      if (timer) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
