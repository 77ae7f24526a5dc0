import { describe, expect, it } from 'vitest';
import { createCsvScorer } from './csv';

function run(instrument: string, chunks: string[], settings?: Record<string, number>) {
  let out = '';
  let err = '';
  const created = createCsvScorer(instrument, {
    settings,
    write: (t) => (out += t),
    writeError: (t) => (err += t),
    chunkSize: 64,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  for (const c of chunks) created.scorer.push(c);
  return { summary: created.scorer.end(), out, err };
}

describe('createCsvScorer', () => {
  it('scores rows, reports invalid ones by line number and keeps going', () => {
    const csv = [
      'id,item1,item2,item3,item4,item5,item6,item7,item8,item9',
      'a,1,1,1,1,1,1,2,1,1',
      'b,1,1,1,1,1,1,1,1,',
      '',
      'c,0,0,0,0,0,0,0,0,4',
      'd,3,3,3,3,3,3,3,3,3',
    ].join('\r\n');
    const { summary, out, err } = run('phq9', [csv]);
    expect(summary).toEqual({ rows: 4, scored: 2, invalid: 2, fatal: null });
    expect(out).toBe(
      'id,total,severity,flags\na,10,moderate,suicidal-ideation\n' +
        'd,27,severe,suicidal-ideation;major-depressive-syndrome\n',
    );
    expect(err).toBe(
      'line 3: item9 (Self-harm thoughts) is missing; it is required\n' +
        'line 5: item9 (Self-harm thoughts): answer 4 is out of range (allowed 0–3)\n',
    );
  });

  it('uses line numbers as ids without an id column and accepts columns in any order', () => {
    const { out } = run('gad7', ['item7,item6,item5,item4,item3,item2,item1\n3,3,3,3,3,0,0\n']);
    expect(out).toBe('id,total,severity,flags\n2,15,severe,\n');
  });

  it('handles lines split across any chunk boundary', () => {
    const csv = 'id,item1,item2,item3,item4,item5,item6,item7\nx,1,2,3,0,1,2,3\ny,0,0,0,0,0,0,1\n';
    const whole = run('gad7', [csv]).out;
    for (let cut = 0; cut <= csv.length; cut++) {
      expect(run('gad7', [csv.slice(0, cut), csv.slice(cut)]).out).toBe(whole);
    }
    expect(run('gad7', csv.split('')).out).toBe(whole);
  });

  it('reads yes/no, blanks behind skip logic, and writes subscores', () => {
    const cssrs = run('cssrs-screener', [
      'id,item1,item2,item3,item4,item5,item6,item6-recent\nq,yes,no,,,,yes,no\n',
    ]);
    expect(cssrs.out).toBe('id,total,severity,flags\nq,,moderate,suicidal-ideation\n');
    const bpi = run('bpi-sf', [
      'worst,least,average,now,general-activity,mood,walking,work,relations,sleep,enjoyment\n5,5,5,4,1,2,,,,3,1\n',
    ]);
    expect(bpi.out).toBe('id,total,severity,flags,severity,interference\n2,,mild,,4.75,1.75\n');
  });

  it('rejects a bad header before scoring anything', () => {
    const { summary, out } = run('phq9', ['id,item1,item2,itemX\n1,2,3\n']);
    expect(summary.fatal).toMatch(/unknown column "itemX".*missing column "item3"/);
    expect(out).toBe('');
    expect(run('phq9', ['']).summary.fatal).toMatch(/empty/);
  });

  it('reports wrong column counts and unparseable cells', () => {
    const { err } = run('gad7', ['item1,item2,item3,item4,item5,item6,item7\n1,2,3\n1,2,3,x,0,0,0\n']);
    expect(err).toBe(
      'line 2: expected 7 columns, got 3\n' +
        'line 3: item4 (Trouble relaxing): "x" is not a valid answer (expected a number)\n',
    );
  });

  it('applies settings', () => {
    const header = 'id,' + Array.from({ length: 20 }, (_, i) => `item${i + 1}`).join(',');
    const row = 'p,' + [...Array(10).fill(3), 1, ...Array(9).fill(0)].join(',');
    expect(run('pcl5', [`${header}\n${row}\n`]).out).toBe(
      'id,total,severity,flags,cluster-b,cluster-c,cluster-d,cluster-e\np,31,,,15,6,10,0\n',
    );
    expect(run('pcl5', [`${header}\n${row}\n`], { cutoff: 31 }).out).toContain(
      'p,31,,above-cutoff,15,6,10,0\n',
    );
  });
});
