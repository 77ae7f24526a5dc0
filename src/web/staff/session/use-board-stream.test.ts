import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trailingThrottle } from './trailing-throttle';
import { changedSessionId } from './use-board-stream';

describe('board refreshes from events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads at once, then at most once per interval, and once more after the last event', () => {
    const fn = vi.fn();
    const throttle = trailingThrottle(fn, 500);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i += 1) {
      vi.advanceTimersByTime(50);
      throttle.call();
    }
    // 1,000 ms of events every 50 ms: the first call, one at 500 ms, one at 1,000 ms…
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(3);
    // …and one after the last event, so the board ends on the latest state.
    vi.advanceTimersByTime(600);
    expect(fn).toHaveBeenCalledTimes(4);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(4);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(5);
  });

  it('never reads after it is cancelled', () => {
    const fn = vi.fn();
    const throttle = trailingThrottle(fn, 500);
    throttle.call();
    throttle.call();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('reads the session id of an event and ignores anything else', () => {
    expect(changedSessionId('{"sessionId":"s1","version":3}')).toBe('s1');
    expect(changedSessionId('not json')).toBeUndefined();
    expect(changedSessionId('{"version":3}')).toBeUndefined();
  });
});
