import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { pkSimulateCommand } from './pk-simulate';

const PLAN = {
  model: 'domino',
  patient: { weightKg: 70, ageYears: 40, sex: 'female', heightCm: 165 },
  doses: [
    { kind: 'bolus', atMin: 0, mgPerKg: 0.2 },
    { kind: 'infusion', startMin: 0, endMin: 20, mgPerKgPerHour: 0.5 },
    { kind: 'infusion', startMin: 20, endMin: 60, totalMg: 35 },
  ],
};

function fakeIo(files: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readFile: async (path: string) => {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return f;
    },
    readStdin: async () => stdin,
    env: {},
  };
  return io;
}

async function run(args: string[], plan: unknown = PLAN) {
  const io = fakeIo({ 'plan.json': typeof plan === 'string' ? plan : JSON.stringify(plan) });
  const code = await pkSimulateCommand(args, io);
  return { code, out: io.out, err: io.err };
}

describe('arbor pk simulate', () => {
  it('prints a CSV grid from 0 to until inclusive', async () => {
    const { code, out, err } = await run(['plan.json', '--until', '60', '--step', '1']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('t_min,cp_ng_ml,ce_ng_ml,nmda_occupancy_illustrative');
    expect(lines.length).toBe(62);
    expect(lines[1]!.startsWith('0,')).toBe(true);
    expect(lines[61]!.startsWith('60,')).toBe(true);
    // Bolus of 14 mg into 4.41 L at t = 0 is in the first row; Ce starts at 0.
    const [t, cp, ce] = lines[1]!.split(',').map(Number);
    expect(t).toBe(0);
    expect(cp).toBeCloseTo((14 / 4.41) * 1000, 9);
    expect(ce).toBe(0);
    expect(err).toMatch(/# model domino; ke0 0.238/);
    expect(err).toMatch(/Illustrative NMDA-receptor occupancy/);
  });

  it('prints grid times without floating-point accumulation', async () => {
    const { code, out } = await run(['plan.json', '--until', '0.3', '--step', '0.1']);
    expect(code).toBe(0);
    expect(
      out
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['0', '0.1', '0.2', '0.3']);
  });

  it('prints concentrations at full round-trip precision', async () => {
    const { out } = await run(['plan.json', '--until', '10', '--step', '5', '--no-occupancy']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('t_min,cp_ng_ml,ce_ng_ml');
    const cp = lines[2]!.split(',')[1]!;
    expect(String(Number(cp))).toBe(cp);
    expect(cp.replace(/^\d+\./, '').length).toBeGreaterThan(8);
  });

  it('reads the plan from stdin with -', async () => {
    const io = fakeIo({}, JSON.stringify(PLAN));
    expect(await pkSimulateCommand(['-', '--until', '2', '--step', '1'], io)).toBe(0);
    expect(io.out.split('\n').length).toBe(5);
  });

  it('--ke0 overrides the model ke0', async () => {
    const { code, err } = await run(['plan.json', '--until', '1', '--step', '1', '--ke0', '0.652']);
    expect(code).toBe(0);
    expect(err).toMatch(/ke0 0.652 min⁻¹ set for this plan/);
  });

  it('prints population warnings on stderr, keeping stdout pure CSV', async () => {
    const { code, out, err } = await run(['plan.json', '--until', '1', '--step', '1'], {
      ...PLAN,
      model: 'herd-2007',
    });
    expect(code).toBe(0);
    expect(err).toMatch(/# warning: .*paediatric/);
    expect(out).not.toMatch(/#/);
  });

  it.each<[string, string[], unknown, RegExp]>([
    [
      'unknown model',
      ['plan.json', '--until', '60', '--step', '1'],
      { ...PLAN, model: 'nope' },
      /^model: unknown model/,
    ],
    [
      'end before start',
      ['plan.json', '--until', '60', '--step', '1'],
      { ...PLAN, doses: [PLAN.doses[0], { kind: 'infusion', startMin: 20, endMin: 10, mgPerHour: 5 }] },
      /^doses\[1\]\.endMin: must be greater than startMin/,
    ],
    [
      'negative dose',
      ['plan.json', '--until', '60', '--step', '1'],
      { ...PLAN, doses: [{ kind: 'bolus', atMin: 0, mg: -5 }] },
      /^doses\[0\]\.mg: must not be negative/,
    ],
    [
      'missing weight',
      ['plan.json', '--until', '60', '--step', '1'],
      { ...PLAN, patient: { ageYears: 40 } },
      /^patient\.weightKg: is required/,
    ],
    ['invalid JSON', ['plan.json', '--until', '60', '--step', '1'], '{oops', /^not valid JSON/],
    [
      'unreadable file',
      ['missing.json', '--until', '60', '--step', '1'],
      PLAN,
      /^missing\.json: cannot read plan file/,
    ],
    ['unknown flag', ['plan.json', '--until', '60', '--step', '1', '--fast'], PLAN, /^--fast: unknown flag/],
    ['missing until', ['plan.json', '--step', '1'], PLAN, /^--until: is required/],
    ['non-numeric step', ['plan.json', '--until', '60', '--step', 'x'], PLAN, /^--step: must be a number/],
    ['zero step', ['plan.json', '--until', '60', '--step', '0'], PLAN, /^--step: must be greater than 0/],
    ['negative until', ['plan.json', '--until', '-1', '--step', '1'], PLAN, /^--until: must not be negative/],
    ['flag without value', ['plan.json', '--until', '--step', '1'], PLAN, /^--until: needs a value/],
    [
      'too many rows',
      ['plan.json', '--until', '1e9', '--step', '1'],
      PLAN,
      /^--step: would produce more than/,
    ],
    ['no plan', ['--until', '60', '--step', '1'], PLAN, /^plan: a plan file is required/],
  ])('%s: non-zero exit and one line on stderr naming the field', async (_name, args, plan, message) => {
    const { code, out, err } = await run(args, plan);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });
});
