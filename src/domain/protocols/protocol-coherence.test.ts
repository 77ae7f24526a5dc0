import { describe, expect, it } from 'vitest';
import { coherenceErrors } from './protocol-coherence';
import { ESKETAMINE_TRD, IV_DEPRESSION } from './protocol-library';
import type { Protocol } from './protocol-shape';

const draft = (p: Protocol = IV_DEPRESSION): Protocol => structuredClone(p);

describe('coherenceErrors', () => {
  it('finds nothing in the library protocols', () => {
    expect(coherenceErrors(draft())).toEqual([]);
    expect(coherenceErrors(draft(ESKETAMINE_TRD))).toEqual([]);
  });

  it('reports unknown references where they are made', () => {
    const p = draft();
    p.steps[0]!.citationIds = ['nowhere'];
    p.schedule.phases[0]!.stepIds = ['ghost'];
    expect(coherenceErrors(p)).toEqual([
      { field: 'steps[0].citationIds[0]', message: "unknown citation 'nowhere'" },
      { field: 'schedule.phases[0].stepIds[0]', message: "unknown step 'ghost'" },
    ]);
  });

  it('keeps steps to the kinds the route allows', () => {
    const p = draft(ESKETAMINE_TRD);
    p.route = 'iv';
    const fields = coherenceErrors(p).map((e) => e.field);
    expect(fields).toContain('steps[0].kind');
    expect(fields.every((f) => /^steps\[\d+\]\.kind$/.test(f))).toBe(true);
  });

  it('needs an escalation to move up to a different step', () => {
    const p = draft();
    const rule = p.escalation[0]!;
    rule.toStepId = rule.fromStepId;
    expect(coherenceErrors(p)).toEqual([
      { field: 'escalation[0].toStepId', message: 'an escalation must move to a different step' },
    ]);
  });
});
