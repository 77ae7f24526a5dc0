import { describe, expect, it } from 'vitest';
import { ledgerProblems } from './session-entry-rules.js';
import type { SessionFacts } from './session-view.js';

/** The facts the ledger check reads: the session's kind, the chart's start and devices, the ledger. */
function factsOf(input: {
  kind: 'iv_ketamine' | 'esketamine';
  started: boolean;
  devices: number;
  kept: boolean;
  recorded: number;
  /** Every administration from one container (one device recorded twice). */
  sameDevice?: boolean;
}): SessionFacts {
  return {
    session: { kind: input.kind },
    chart: {
      startedAt: input.started ? 1 : null,
      devices: Array.from({ length: input.devices }, (_, i) => ({ entryId: `d${i}`, at: i, lot: 'L' })),
    },
    ledger: {
      kept: input.kept,
      administrations: Array.from({ length: input.recorded }, (_, i) => ({
        containerId: input.sameDevice ? 'device-1' : `device-${i}`,
        quantityUg: 28_000,
        labelNumber: `E-${i}`,
      })),
    },
  } as unknown as SessionFacts;
}

describe('the chart and the ledger agree before the note is signed', () => {
  it.each([
    // kind, drug given (started / devices), ledger kept, administrations recorded, refused
    ['iv_ketamine', true, 0, true, 0, true],
    ['iv_ketamine', true, 0, true, 1, false],
    ['iv_ketamine', true, 0, true, 2, false],
    ['iv_ketamine', false, 0, true, 0, false],
    ['iv_ketamine', true, 0, false, 0, false],
    ['esketamine', true, 3, true, 3, false],
    ['esketamine', true, 3, true, 2, true],
    ['esketamine', true, 2, true, 3, true],
    ['esketamine', false, 0, true, 0, false],
    ['esketamine', true, 2, false, 0, false],
  ] as const)(
    '%s, started %s, %i devices, ledger kept %s, %i recorded: refused %s',
    (kind, started, devices, kept, recorded, refused) => {
      const problems = ledgerProblems(factsOf({ kind, started, devices, kept, recorded }));
      expect(problems.length > 0).toBe(refused);
      for (const p of problems) expect(p.field).toBe('ledger');
    },
  );

  it('counts devices, not ledger entries: one device recorded twice is one device', () => {
    const facts = factsOf({
      kind: 'esketamine',
      started: true,
      devices: 2,
      kept: true,
      recorded: 2,
      sameDevice: true,
    });
    expect(ledgerProblems(facts)[0]!.message).toMatch(/^2 devices are charted and 1 is recorded/);
  });

  it('says how many devices are charted and how many the ledger holds', () => {
    const [problem] = ledgerProblems(
      factsOf({ kind: 'esketamine', started: true, devices: 3, kept: true, recorded: 1 }),
    );
    expect(problem!.message).toMatch(
      /^3 devices are charted and 1 is recorded in the controlled-substance ledger/,
    );
  });
});
