import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvScorer } from './csv-scorer';

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

describe('createCsvScorer reads CSV as other tools export it', () => {
  const items = 'item1,item2,item3,item4,item5,item6,item7';
  const head = 'id,total,severity,flags\n';
  // gad7 answers 1,2,3,0,1,2,3 score 12 (moderate); 0,0,0,0,0,0,1 score 1 (minimal).
  it.each([
    {
      name: 'a quoted id with a comma',
      csv: `id,${items}\n"Smith, Jane",1,2,3,0,1,2,3\n`,
      out: `${head}"Smith, Jane",12,moderate,\n`,
      err: '',
    },
    {
      name: 'quoted answers and a quoted header',
      csv: `"id","item1","item2","item3","item4","item5","item6","item7"\n"x","1","2","3","0","1","2","3"\n`,
      out: `${head}x,12,moderate,\n`,
      err: '',
    },
    {
      name: 'a comma inside a quoted answer is one cell, named when it is not an answer',
      csv: `id,${items}\na,"1,2",2,3,0,1,2,3\nb,1,2,3,0,1,2,3\n`,
      out: `${head}b,12,moderate,\n`,
      err: 'line 2: item1 (Nervous): "1,2" is not a valid answer (expected a number)\n',
    },
    {
      name: 'a line break inside a quoted id; later rows keep their file line numbers',
      csv: `id,${items}\n"two\nlines",1,2,3,0,1,2,3\nbad,1,2,3,0,1,2,9\n`,
      out: `${head}"two\nlines",12,moderate,\n`,
      err: 'line 4: item7 (Afraid): answer 9 is out of range (allowed 0–3)\n',
    },
    {
      name: 'rows without an id column are numbered by the line they start on',
      csv: `item1,item2,item3,item4,item5,item6,"item7"\n"1\n",2,3,0,1,2,3\n0,0,0,0,0,0,1\n`,
      out: `${head}2,12,moderate,\n4,1,minimal,\n`,
      err: '',
    },
    {
      name: 'doubled quotes inside a quoted cell',
      csv: `id,${items}\n"say ""hi""",1,2,3,0,1,2,3\n"""",0,0,0,0,0,0,1\n`,
      out: `${head}"say ""hi""",12,moderate,\n"""",1,minimal,\n`,
      err: '',
    },
    {
      name: 'a byte order mark before the header',
      csv: `\uFEFFid,${items}\nx,1,2,3,0,1,2,3\n`,
      out: `${head}x,12,moderate,\n`,
      err: '',
    },
    {
      name: 'a byte order mark before a quoted header',
      csv: `\uFEFF"id",${items}\n"x",1,2,3,0,1,2,3\n`,
      out: `${head}x,12,moderate,\n`,
      err: '',
    },
    {
      name: 'CRLF line endings with quoted cells, blank lines and a CRLF inside a cell',
      csv: `id,${items}\r\n"a\r\nb",1,2,3,0,1,2,3\r\n\r\n"c",0,0,0,0,0,0,1\r\n"d",0,0,0,0,0,0,\r\n`,
      out: `${head}"a\r\nb",12,moderate,\nc,1,minimal,\n`,
      err: 'line 6: item7 (Afraid) is missing; it is required\n',
    },
    {
      name: 'CRLF line endings without quotes and no final line break',
      csv: `id,${items}\r\nx,1,2,3,0,1,2,3\r\ny,0,0,0,0,0,0,1`,
      out: `${head}x,12,moderate,\ny,1,minimal,\n`,
      err: '',
    },
    {
      name: 'a stray quote inside an unquoted cell is that cell’s problem only',
      csv: `id,${items}\na,1,2",3,0,1,2,3\nb,1,2,3,0,1,2,3\n`,
      out: `${head}b,12,moderate,\n`,
      err: 'line 2: item2 (Uncontrolled worry): "2"" is not a valid answer (expected a number)\n',
    },
    {
      name: 'a quote left open at the end of the file',
      csv: `id,${items}\na,1,2,3,0,1,2,3\n"b,1,2,3,0,1,2,3\nc,1,2,3,0,1,2,3\n`,
      out: `${head}a,12,moderate,\n`,
      err: 'line 3: a quoted cell is not closed before the end of the file\n',
    },
  ])('$name', ({ csv, out, err }) => {
    const whole = run('gad7', [csv]);
    expect(whole.out).toBe(out);
    expect(whole.err).toBe(err);
    // The same result for every place the text could be cut between two chunks.
    for (let cut = 0; cut <= csv.length; cut++) {
      const split = run('gad7', [csv.slice(0, cut), csv.slice(cut)]);
      expect(split.out).toBe(out);
      expect(split.err).toBe(err);
    }
    expect(run('gad7', csv.split('')).out).toBe(out);
  });

  it('counts rows and reports a quoted header problem by line', () => {
    const { summary } = run('gad7', [`\n"id","item1","item 2"\n1,2,3\n`]);
    expect(summary.fatal).toMatch(/^line 2: bad header for gad7: unknown column "item 2"/);
    const quoted = run('gad7', [`id,${items}\n"a",1,2,3,0,1,2,3\n\n"b",1,2,3,0,1,2\n`]);
    expect(quoted.summary).toEqual({ rows: 2, scored: 1, invalid: 1, fatal: null });
    expect(quoted.err).toBe('line 4: expected 8 columns, got 7\n');
  });

  it('gives the same output whether or not cells are quoted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.boolean(), { minLength: 8 * 31, maxLength: 8 * 31 }),
        fc.nat(2000),
        (rows, quoteCell, cut) => {
          const plain = [`id,${items}`, ...rows.map((r, i) => [`r${i}`, ...r].join(','))].join('\n') + '\n';
          let k = 0;
          const cell = (text: string) => (quoteCell[k++] ? `"${text}"` : text);
          const quoted =
            [
              `id,${items}`,
              ...rows.map((r, i) => [`r${i}`, ...r].map((x) => cell(String(x))).join(',')),
            ].join('\r\n') + '\r\n';
          const at = Math.min(cut, quoted.length);
          expect(run('gad7', [quoted.slice(0, at), quoted.slice(at)]).out).toBe(run('gad7', [plain]).out);
        },
      ),
      { numRuns: 200 },
    );
  });
});
