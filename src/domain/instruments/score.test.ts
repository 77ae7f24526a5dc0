import { describe, expect, it } from 'vitest';
import { getInstrument, scoreResponse } from './index';
import { answersForTotal, expectOk } from './test-support';

const def = (id: string) => {
  const d = getInstrument(id);
  if (!d) throw new Error(id);
  return d;
};

// Every band boundary, stated from docs/clinical-sources.md (not derived from the definitions under test).
const BOUNDARIES: Record<string, [number, string][]> = {
  phq9: [
    [0, 'none-minimal'],
    [4, 'none-minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ],
  gad7: [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ],
  'qids-sr16': [
    [0, 'none'],
    [5, 'none'],
    [6, 'mild'],
    [10, 'mild'],
    [11, 'moderate'],
    [15, 'moderate'],
    [16, 'severe'],
    [20, 'severe'],
    [21, 'very-severe'],
    [27, 'very-severe'],
  ],
  madrs: [
    [0, 'normal'],
    [6, 'normal'],
    [7, 'mild'],
    [19, 'mild'],
    [20, 'moderate'],
    [34, 'moderate'],
    [35, 'severe'],
    [60, 'severe'],
  ],
};

describe('band boundaries', () => {
  for (const [id, table] of Object.entries(BOUNDARIES)) {
    it.each(table)(`${id}: total %i → %s`, (total, band) => {
      const r = expectOk(scoreResponse(id, answersForTotal(def(id), total)));
      expect(r.total).toBe(total);
      expect(r.severity).toBe(band);
    });
  }

  it('pcl5 and cadss6 and aldrete have totals over their full range and no bands', () => {
    for (const [id, max] of [
      ['pcl5', 80],
      ['cadss6', 24],
      ['aldrete', 10],
    ] as const) {
      expect(expectOk(scoreResponse(id, answersForTotal(def(id), 0))).total).toBe(0);
      const top = expectOk(scoreResponse(id, answersForTotal(def(id), max)));
      expect(top.total).toBe(max);
      expect(top.severity).toBeNull();
    }
  });
});

describe('PHQ-9', () => {
  it('scores the worked example and raises the item 9 flag', () => {
    const r = expectOk(scoreResponse('phq9', [1, 1, 1, 1, 1, 1, 2, 1, 1]));
    expect(r).toMatchObject({
      instrument: 'phq9',
      total: 10,
      severity: 'moderate',
      flags: ['suicidal-ideation'],
    });
    expect(r.details.total?.computation).toBe('1 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 = 10');
    expect(r.details.inputs.item9).toBe(1);
  });

  it('flags item 9 exactly at ≥ 1', () => {
    expect(expectOk(scoreResponse('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).flags).not.toContain(
      'suicidal-ideation',
    );
    expect(expectOk(scoreResponse('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).flags).toEqual(['suicidal-ideation']);
  });

  it('requires item 9 and names it', () => {
    const r = scoreResponse('phq9', [1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ item: 'item9', message: expect.stringContaining('item9') }]);
    const nulled = scoreResponse('phq9', { ...answersForTotal(def('phq9'), 3), item9: null });
    expect(!nulled.ok && nulled.errors[0]?.item).toBe('item9');
  });

  it('applies the major-depressive-syndrome algorithm (item 9 counts at ≥ 1)', () => {
    // Cardinal item 1 at 2 and four symptoms at ≥ 2: one short.
    const four = [2, 0, 2, 2, 2, 0, 0, 0, 0];
    expect(expectOk(scoreResponse('phq9', four)).flags).not.toContain('major-depressive-syndrome');
    const withItem9 = [2, 0, 2, 2, 2, 0, 0, 0, 1];
    expect(expectOk(scoreResponse('phq9', withItem9)).flags).toContain('major-depressive-syndrome');
    // Five symptoms but neither cardinal item at ≥ 2.
    expect(expectOk(scoreResponse('phq9', [1, 1, 2, 2, 2, 2, 2, 0, 0])).flags).not.toContain(
      'major-depressive-syndrome',
    );
  });

  it('accepts the unscored difficulty item without changing the total', () => {
    const r = expectOk(scoreResponse('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0, 3]));
    expect(r.total).toBe(8);
    expect(r.details.inputs.difficulty).toBe(3);
  });
});

describe('validation', () => {
  it('rejects out-of-range, fractional and non-numeric answers, naming the item', () => {
    const cases: [unknown[], string][] = [
      [[4, 0, 0, 0, 0, 0, 0, 0, 0], 'item1'],
      [[0, -1, 0, 0, 0, 0, 0, 0, 0], 'item2'],
      [[0, 0, 1.5, 0, 0, 0, 0, 0, 0], 'item3'],
      [[0, 0, 0, 'often', 0, 0, 0, 0, 0], 'item4'],
      [[0, 0, 0, 0, true, 0, 0, 0, 0], 'item5'],
    ];
    for (const [answers, item] of cases) {
      const r = scoreResponse('phq9', answers as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.item)).toEqual([item]);
    }
  });

  it('never scores missing answers as zero', () => {
    const r = scoreResponse('gad7', [0, 0, null, 0, undefined, 0, '']);
    expect(!r.ok && r.errors.map((e) => e.item)).toEqual(['item3', 'item5', 'item7']);
  });

  it('rejects unknown items, extra answers and unknown instruments', () => {
    expect(scoreResponse('gad7', { item8: 1 }).ok).toBe(false);
    expect(scoreResponse('gad7', [0, 0, 0, 0, 0, 0, 0, 0]).ok).toBe(false);
    const r = scoreResponse('phq-9', []);
    expect(!r.ok && r.errors[0]?.message).toMatch(/unknown instrument "phq-9"/);
  });

  it('accepts text answers ("2", labels) the same as numbers', () => {
    const r = expectOk(scoreResponse('gad7', ['0', ' 2 ', 'Several days', '0', '0', '0', '3']));
    expect(r.total).toBe(6);
  });
});

describe('QIDS-SR16', () => {
  it('takes the maximum of the sleep, appetite/weight and psychomotor groups', () => {
    const answers = [3, 1, 0, 2, 2, 1, 0, 3, 0, 1, 2, 0, 1, 2, 0, 3];
    const r = expectOk(scoreResponse('qids-sr16', answers));
    // 3 + 2 + 3 + 1 + 2 + 0 + 1 + 2 + 3
    expect(r.total).toBe(17);
    expect(r.severity).toBe('severe');
    expect(r.details.total?.computation).toBe(
      'max(3, 1, 0, 2) + 2 + max(1, 0, 3, 0) + 1 + 2 + 0 + 1 + 2 + max(0, 3) = 17',
    );
  });

  it('reaches 27 only with every domain at 3', () => {
    expect(expectOk(scoreResponse('qids-sr16', Array(16).fill(3))).total).toBe(27);
  });
});

describe('PCL-5', () => {
  it('sums clusters and applies the DSM-5 rule', () => {
    const r = expectOk(scoreResponse('pcl5', Array(20).fill(2)));
    expect(r.total).toBe(40);
    expect(r.subscores).toEqual({ 'cluster-b': 10, 'cluster-c': 4, 'cluster-d': 14, 'cluster-e': 12 });
    expect(r.flags).toEqual(['provisional-ptsd', 'above-cutoff']);
  });

  it('needs every cluster: a high total without avoidance is not provisional PTSD', () => {
    const answers = Array(20).fill(3);
    answers[5] = 1;
    answers[6] = 1;
    const r = expectOk(scoreResponse('pcl5', answers));
    expect(r.total).toBe(56);
    expect(r.flags).toEqual(['above-cutoff']);
    const groups = r.details.flags.find((f) => f.id === 'provisional-ptsd')?.groups;
    expect(groups?.find((g) => g.id === 'cluster-c')).toEqual({
      id: 'cluster-c',
      present: 0,
      needed: 1,
      met: false,
    });
  });

  it('counts D and E only with two items each at ≥ 2', () => {
    const base = Array(20).fill(0);
    base[0] = 2; // B
    base[5] = 2; // C
    base[7] = 2; // D (one)
    base[14] = 2;
    base[15] = 2; // E (two)
    expect(expectOk(scoreResponse('pcl5', base)).flags).not.toContain('provisional-ptsd');
    base[8] = 2; // D (two)
    expect(expectOk(scoreResponse('pcl5', base)).flags).toContain('provisional-ptsd');
  });

  it('uses the cut-off setting (default 33)', () => {
    const at = (t: number, cutoff?: number) =>
      expectOk(scoreResponse('pcl5', answersForTotal(def('pcl5'), t), cutoff ? { cutoff } : undefined)).flags;
    expect(at(32)).not.toContain('above-cutoff');
    expect(at(33)).toContain('above-cutoff');
    expect(at(31, 31)).toContain('above-cutoff');
    expect(at(30, 31)).not.toContain('above-cutoff');
    const r = expectOk(scoreResponse('pcl5', answersForTotal(def('pcl5'), 31), { cutoff: 31 }));
    expect(r.details.settings.cutoff).toMatchObject({ value: 31, default: 33, isDefault: false });
  });

  it('rejects bad settings with the setting named', () => {
    const r = scoreResponse('pcl5', answersForTotal(def('pcl5'), 0), { cutoff: 90 });
    expect(!r.ok && r.errors[0]).toMatchObject({ setting: 'cutoff' });
    const u = scoreResponse('pcl5', answersForTotal(def('pcl5'), 0), { cutof: 3 });
    expect(!u.ok && u.errors[0]).toMatchObject({ setting: 'cutof' });
  });
});

describe('MADRS', () => {
  it('moves the severe cut point with the setting (Müller 2003: 31)', () => {
    const at30 = expectOk(scoreResponse('madrs', answersForTotal(def('madrs'), 31), { severeFrom: 31 }));
    expect(at30.severity).toBe('severe');
    expect(at30.details.classification?.rule).toBe('normal 0–6; mild 7–19; moderate 20–30; severe 31–60');
  });

  it('rejects cut points out of order', () => {
    const r = scoreResponse('madrs', answersForTotal(def('madrs'), 0), { moderateFrom: 40 });
    expect(!r.ok && r.errors[0]?.message).toMatch(/band "severe" must start above band "moderate"/);
  });
});

describe('C-SSRS screener', () => {
  const run = (answers: unknown[], settings?: Record<string, unknown>) =>
    scoreResponse('cssrs-screener', answers as never, settings as never);
  const risk = (answers: unknown[], settings?: Record<string, unknown>) =>
    expectOk(run(answers, settings)).severity;

  it.each([
    [[0, 0, null, null, null, 0, null], 'low'],
    [[1, 0, null, null, null, 0, null], 'low'],
    [[1, 1, 0, 0, 0, 0, null], 'low'],
    [[1, 1, 1, 0, 0, 0, null], 'moderate'],
    [[1, 1, 1, 1, 0, 0, null], 'high'],
    [[1, 1, 0, 0, 1, 0, null], 'high'],
    [[0, 0, null, null, null, 1, 0], 'moderate'],
    [[0, 0, null, null, null, 1, 1], 'high'],
    [['yes', 'no', '', '', '', 'yes', 'no'], 'moderate'],
    [[true, true, false, false, false, false, null], 'low'],
  ])('%j → %s', (answers, expected) => {
    expect(risk(answers)).toBe(expected);
  });

  it('follows the skip logic: Q3–Q5 only after Q2 = yes, Q6 recency only after Q6 = yes', () => {
    const skipped = run([1, 0, 1, null, null, 0, null]);
    expect(!skipped.ok && skipped.errors.map((e) => e.item)).toEqual(['item3']);
    const missing = run([1, 1, null, 0, 0, 0, null]);
    expect(!missing.ok && missing.errors.map((e) => e.item)).toEqual(['item3']);
    const noRecency = run([0, 0, null, null, null, 1, null]);
    expect(!noRecency.ok && noRecency.errors.map((e) => e.item)).toEqual(['item6-recent']);
    // "No" for a skipped item is consistent and accepted.
    expect(run([0, 0, 0, 0, 0, 0, 0]).ok).toBe(true);
  });

  it('makes the unverified "moderate" rule a setting', () => {
    expect(risk([1, 1, 1, 0, 0, 0, null], { moderateItems: [] })).toBe('low');
    expect(risk([1, 0, null, null, null, 0, null], { moderateItems: ['item1'] })).toBe('moderate');
    expect(run([0, 0, null, null, null, 0, null], { moderateItems: ['item4'] }).ok).toBe(false);
  });

  it('raises ideation and recent-behaviour flags and has no total', () => {
    const r = expectOk(run([1, 1, 1, 1, 1, 1, 1]));
    expect(r.total).toBeNull();
    expect(r.flags).toEqual(['suicidal-ideation', 'recent-suicidal-behaviour']);
  });
});

describe('BPI short form', () => {
  const full = { worst: 6, least: 2, average: 4, now: 4 };
  const interference = { 'general-activity': 1, mood: 2, walking: 3, work: 4 };

  it('means severity over 4 and interference over the answered items', () => {
    const r = expectOk(scoreResponse('bpi-sf', { ...full, ...interference, sleep: 5 }));
    expect(r.subscores).toEqual({ severity: 4, interference: 3 });
    expect(r.total).toBeNull();
    expect(r.severity).toBe('mild');
    expect(r.details.subscales[1]?.computation).toBe('(1 + 2 + 3 + 4 + 5) / 5 = 15 / 5 = 3');
  });

  it('bands the severity mean by lower bound', () => {
    const band = (worst: number, least: number, average: number, now: number) =>
      expectOk(scoreResponse('bpi-sf', { worst, least, average, now, ...interference })).severity;
    expect(band(5, 5, 5, 4)).toBe('mild'); // 4.75
    expect(band(5, 5, 5, 5)).toBe('moderate');
    expect(band(7, 7, 7, 6)).toBe('moderate'); // 6.75
    expect(band(7, 7, 7, 7)).toBe('severe');
    expect(band(10, 10, 10, 10)).toBe('severe');
  });

  it('accepts 4 of 7 interference items and rejects 3, naming the missing items', () => {
    expect(scoreResponse('bpi-sf', { ...full, ...interference }).ok).toBe(true);
    const r = scoreResponse('bpi-sf', { ...full, mood: 1, work: 2, sleep: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.item).toBe('general-activity');
      expect(r.errors[0]?.message).toMatch(/interference needs at least 4 answered items, got 3/);
    }
    const noNow = scoreResponse('bpi-sf', { worst: 1, least: 1, average: 1, ...interference });
    expect(!noNow.ok && noNow.errors[0]?.item).toBe('now');
  });

  it('rejects 11 on a 0–10 item', () => {
    const r = scoreResponse('bpi-sf', { ...full, ...interference, worst: 11 });
    expect(!r.ok && r.errors[0]?.item).toBe('worst');
  });
});

describe('modified Aldrete', () => {
  const ans = (
    activity: number,
    respiration: number,
    circulation: number,
    consciousness: number,
    spo2: number,
  ) => ({
    activity,
    respiration,
    circulation,
    consciousness,
    spo2,
  });

  it('is discharge-ready at ≥ 9 by default', () => {
    expect(expectOk(scoreResponse('aldrete', ans(2, 2, 2, 2, 1))).flags).toEqual(['discharge-ready']);
    expect(expectOk(scoreResponse('aldrete', ans(2, 2, 2, 1, 1))).flags).toEqual([]);
  });

  it('supports the ≥ 8 variant only with respiration and SpO2 at 2', () => {
    const variant = { allowEightWithRespirationAndSpo2: true };
    expect(expectOk(scoreResponse('aldrete', ans(1, 2, 2, 1, 2), variant)).flags).toEqual([
      'discharge-ready',
    ]);
    expect(expectOk(scoreResponse('aldrete', ans(2, 1, 2, 1, 2), variant)).flags).toEqual([]);
    expect(expectOk(scoreResponse('aldrete', ans(1, 2, 2, 1, 2))).flags).toEqual([]);
  });

  it('uses the threshold setting and records it', () => {
    const r = expectOk(scoreResponse('aldrete', ans(2, 2, 2, 2, 1), { dischargeThreshold: 10 }));
    expect(r.flags).toEqual([]);
    expect(r.details.flags[0]?.rule).toContain('total ≥ 10 (setting dischargeThreshold)');
  });
});

describe('CADSS-6 and pain NRS', () => {
  it('sums six 0–4 items', () => {
    expect(expectOk(scoreResponse('cadss6', [0, 1, 2, 3, 4, 0])).total).toBe(10);
    expect(scoreResponse('cadss6', [0, 1, 2, 3, 5, 0]).ok).toBe(false);
  });

  it('scores a single 0–10 rating', () => {
    // No bands: the register gives 0–4 / 5–6 / 7–10 for the BPI-SF severity score only.
    expect(expectOk(scoreResponse('pain-nrs', { pain: 7 }))).toMatchObject({ total: 7, severity: null });
    expect(scoreResponse('pain-nrs', {}).ok).toBe(false);
  });
});
