import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { ModalPropagator } from './modal-propagator';

describe('ModalPropagator', () => {
  it('flushes a decayed mode to exactly 0 instead of letting it turn subnormal', () => {
    const compiled = compileModel('domino', { weightKg: 70 });
    const out = { cp: new Float64Array(4000), ce: new Float64Array(4000) };
    const prop = new ModalPropagator(compiled, out);
    prop.reset();
    prop.prepareStep(60);
    prop.bolus(35);
    prop.write(0);
    prop.run(1, 3999);
    const subnormal = (v: number) => v > 0 && v < 1e-250;
    expect(out.cp.some(subnormal)).toBe(false);
    expect(out.ce.some(subnormal)).toBe(false);
    expect(out.cp[3999]).toBe(0);
    expect(out.cp[1]).toBeGreaterThan(out.cp[2]!);
  });

  it('reaches the steady state of a constant infusion', () => {
    const compiled = compileModel('domino', { weightKg: 70 });
    const out = { cp: new Float64Array(2) };
    const prop = new ModalPropagator(compiled, out);
    prop.reset();
    prop.setRate(1);
    prop.advance(1e6);
    prop.write(0);
    prop.advance(60);
    prop.write(1);
    expect(out.cp[0]).toBeGreaterThan(0);
    expect(out.cp[1]).toBeCloseTo(out.cp[0]!, 9);
  });
});
