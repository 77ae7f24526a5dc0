import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { scoreCommand } from './score';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async () => '',
    readStdin: async () => '',
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join(''), writes: () => out.length };
}

const dir = mkdtempSync(join(tmpdir(), 'arbor-score-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arbor score <instrument> <answers>', () => {
  it('prints one line of JSON', async () => {
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '1,1,1,1,1,1,2,1,1'], f.io)).toBe(0);
    expect(f.out().endsWith('\n')).toBe(true);
    expect(f.out().trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(f.out())).toMatchObject({
      instrument: 'phq9',
      total: 10,
      severity: 'moderate',
      flags: ['suicidal-ideation'],
      details: { total: { formula: expect.stringContaining('item9') } },
    });
  });

  it('exits 2 naming the item for invalid answers', async () => {
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '1,1,1,1,1,1,1,1'], f.io)).toBe(2);
    expect(f.err()).toMatch(/item9/);
    expect(f.out()).toBe('');
    const g = fakeIo();
    expect(await scoreCommand(['gad7', '0,0,9,0,0,0,0'], g.io)).toBe(2);
    expect(g.err()).toMatch(/item3.*out of range/);
  });

  it('accepts yes/no for the C-SSRS with blanks for skipped questions', async () => {
    const f = fakeIo();
    expect(await scoreCommand(['cssrs-screener', 'yes,no,,,,yes,yes'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toMatchObject({ severity: 'high', total: null });
    const g = fakeIo();
    expect(await scoreCommand(['cssrs-screener', '1,1,1,1,0,0'], g.io)).toBe(0);
    expect(JSON.parse(g.out()).severity).toBe('high');
  });

  it('takes settings with --set', async () => {
    const f = fakeIo();
    const answers = '3,3,3,3,3,3,3,3,3,3,1,0,0,0,0,0,0,0,0,0';
    expect(await scoreCommand(['pcl5', answers, '--set', 'cutoff=31'], f.io)).toBe(0);
    expect(JSON.parse(f.out()).flags).toEqual(['above-cutoff']);
    const g = fakeIo();
    expect(await scoreCommand(['pcl5', answers, '--set', 'cutof=31'], g.io)).toBe(2);
    expect(g.err()).toMatch(/unknown setting/);
    const h = fakeIo();
    expect(await scoreCommand(['cssrs-screener', '1,1,1,0,0,0', '--set', 'moderateItems='], h.io)).toBe(0);
    expect(JSON.parse(h.out()).severity).toBe('low');
  });

  it('prints usage and per-instrument help', async () => {
    const f = fakeIo();
    expect(await scoreCommand(['--help'], f.io)).toBe(0);
    expect(f.out()).toMatch(/cssrs-screener/);
    const g = fakeIo();
    expect(await scoreCommand(['cssrs-screener', '--help'], g.io)).toBe(0);
    expect(g.out()).toMatch(/item6-recent.*only when item6 = 1/);
    expect(g.out()).toMatch(/CSV header: \[id,\]item1,item2,item3,item4,item5,item6,item6-recent/);
    const h = fakeIo();
    expect(await scoreCommand([], h.io)).toBe(2);
    const u = fakeIo();
    expect(await scoreCommand(['phq-9', '1'], u.io)).toBe(2);
    expect(u.err()).toMatch(/unknown instrument "phq-9"/);
  });
});

describe('arbor score <instrument> --csv <file>', () => {
  const header = 'id,item1,item2,item3,item4,item5,item6,item7,item8,item9';

  it('scores every row and exits 0 when all are valid', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, `${header}\na,0,0,0,0,0,0,0,0,0\nb,3,3,3,3,3,3,3,3,3\n`);
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '--csv', file], f.io)).toBe(0);
    expect(f.out()).toBe(
      'id,total,severity,flags\na,0,none-minimal,\nb,27,severe,suicidal-ideation;major-depressive-syndrome\n',
    );
    expect(f.err()).toBe('');
  });

  it('reports invalid rows by line number, scores the rest, exits 1', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, `${header}\na,0,0,0,0,0,0,0,0,\nb,1,1,1,1,1,1,1,1,1\nc,1,1,1,1,1,1,1,1,7\n`);
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '--csv', file], f.io)).toBe(1);
    expect(f.out()).toBe('id,total,severity,flags\nb,9,mild,suicidal-ideation\n');
    expect(f.err()).toMatch(
      /^line 2: item9 .*missing.*\nline 4: item9 .*out of range.*\nscored 1 of 3 rows; 2 invalid\n$/,
    );
  });

  it('exits 2 for a bad header or a missing file', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id,q1,q2\n1,2\n');
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '--csv', file], f.io)).toBe(2);
    expect(f.err()).toMatch(/bad header/);
    const g = fakeIo();
    expect(await scoreCommand(['phq9', '--csv', join(dir, 'nope.csv')], g.io)).toBe(2);
    expect(g.err()).toMatch(/cannot read/);
  });

  it('streams a large file and writes output in large chunks', async () => {
    const rows = 200_000;
    const file = join(dir, 'big.csv');
    const lines = [header];
    for (let r = 0; r < rows; r++) lines.push(`p${r},${[0, 1, 2, 3, 0, 1, 2, 3, r % 4].join(',')}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const f = fakeIo();
    expect(await scoreCommand(['phq9', '--csv', file], f.io)).toBe(0);
    const out = f.out().split('\n');
    expect(out.length).toBe(rows + 2);
    expect(out[rows]).toBe(`p${rows - 1},15,moderately-severe,suicidal-ideation`);
    // Far fewer writes than rows: output is buffered into chunks.
    expect(f.writes()).toBeLessThan(20);
  });
});
