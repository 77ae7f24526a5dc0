import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { DensePropagator } from './dense-propagator';
import { ModalPropagator } from './modal-propagator';
import type { Propagator } from './propagator';

/** A bolus, then an infusion over uniform steps and one off-grid advance, sampled by `write`. */
function drive(prop: Propagator): void {
  prop.reset();
  prop.prepareStep(0.5);
  prop.bolus(35);
  prop.write(0);
  prop.setRate(2);
  prop.run(1, 40);
  prop.advance(0.25);
  prop.setRate(0);
  prop.write(41);
  prop.run(42, 18);
}

describe('DensePropagator', () => {
  it('agrees with the modal recursion for Cp and Ce', () => {
    const compiled = compileModel('domino', { weightKg: 70, ageYears: 40 });
    const modal = { cp: new Float64Array(60), ce: new Float64Array(60) };
    const dense = { cp: new Float64Array(60), ce: new Float64Array(60) };
    drive(new ModalPropagator(compiled, modal));
    drive(new DensePropagator(compiled, dense));
    for (let i = 0; i < 60; i++) {
      expect(dense.cp[i]).toBeCloseTo(modal.cp[i]!, 6);
      expect(dense.ce[i]).toBeCloseTo(modal.ce[i]!, 6);
    }
    expect(modal.cp[0]).toBeGreaterThan(0);
    expect(modal.ce[59]).toBeGreaterThan(0);
  });

  it('leaves the effect site alone when no Ce buffer is given', () => {
    const compiled = compileModel('domino', { weightKg: 70 });
    const out = { cp: new Float64Array(60) };
    drive(new DensePropagator(compiled, out));
    expect(out.cp.every((v) => v >= 0)).toBe(true);
    expect(out.cp[0]).toBeGreaterThan(out.cp[59]!);
  });
});
