/** What the grid driver (engine.ts) asks of a propagator, and the caller-owned buffers it writes into. */

export interface OutputBuffers {
  cp: Float64Array;
  /** Omit to skip the effect-site state entirely (≈ 2.5× less work). */
  ce?: Float64Array;
}

/** The operations the grid driver needs; implemented by the modal recursion and the dense fallback. */
export interface Propagator {
  reset(): void;
  prepareStep(stepMin: number): void;
  bolus(mg: number): void;
  setRate(mgPerMin: number): void;
  /** Exact advance by an arbitrary dt at the current rate. */
  advance(dtMin: number): void;
  /** `count` uniform steps, writing samples first … first+count−1. */
  run(first: number, count: number): void;
  write(index: number): void;
}
