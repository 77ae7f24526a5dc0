import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const clinic = await ctx.seedClinic('Search');
  const nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  cookie = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  for (const [given, family] of [
    ['Quen', 'Zorilla'],
    ['Bo', 'Quennell'],
    ['Abe', 'Quennell'],
    ['Ida', 'Vartell'],
    ['Wendel', 'Wendell'],
    ['Ola', 'Wen%ton'],
  ] as const) {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: nurse,
      json: {
        legalGivenName: given,
        legalFamilyName: family,
        birthDate: '1975-05-05',
        sexAtBirth: 'unknown',
      },
    });
    expect(response.status).toBe(201);
  }
});
afterAll(async () => {
  await ctx.close();
});

interface Answer {
  total: number;
  more: boolean;
  nameMatch: string;
  items: Array<{ legalGivenName: string; legalFamilyName: string }>;
}

async function search(query: string): Promise<Answer> {
  const response = await ctx.request(`/api/patients?${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const names = (answer: Answer) => answer.items.map((i) => `${i.legalFamilyName}, ${i.legalGivenName}`);

describe('patient search order and totals', () => {
  it('lists prefix matches by family name, then given name, whichever name part matched', async () => {
    const answer = await search('q=quen');
    expect(answer.nameMatch).toBe('prefix');
    expect(names(answer)).toEqual(['Quennell, Abe', 'Quennell, Bo', 'Zorilla, Quen']);
    expect(answer.total).toBe(3);
    expect(answer.more).toBe(false);
  });

  it('pages prefix matches in the same order, with the same total on every page', async () => {
    const first = await search('q=quen&limit=2&offset=0');
    const second = await search('q=quen&limit=2&offset=2');
    expect(names(first)).toEqual(['Quennell, Abe', 'Quennell, Bo']);
    expect(names(second)).toEqual(['Zorilla, Quen']);
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([first.more, second.more]).toEqual([false, false]);
  });

  it('still ranks substring matches by likeness when no name starts with the words', async () => {
    const answer = await search('q=artell');
    expect(answer.nameMatch).toBe('substring');
    expect(names(answer)).toEqual(['Vartell, Ida']);
    expect(answer.total).toBe(1);
  });

  it('matches every word, each against any name part', async () => {
    expect(names(await search('q=quennell%20abe'))).toEqual(['Quennell, Abe']);
    expect(names(await search('q=abe%20quennell'))).toEqual(['Quennell, Abe']);
    expect(names(await search('q=quen%201975-05-05'))).toHaveLength(3);
  });

  it('lists a patient once when the word starts two of their names', async () => {
    const answer = await search('q=wendel');
    expect(names(answer)).toEqual(['Wendell, Wendel']);
    expect(answer.total).toBe(1);
  });

  it('matches a typed % literally', async () => {
    expect(names(await search('q=wen%25'))).toEqual(['Wen%ton, Ola']);
  });
});

describe('patient search plan', () => {
  it('reads prefix candidates from the covering name indexes, not the table', async () => {
    await ctx.deps.db.execute(sql`VACUUM ANALYZE patients`);
    await ctx.deps.db.execute(sql`SET enable_seqscan = off`);
    try {
      const plan = await ctx.deps.db.execute(sql`EXPLAIN (COSTS OFF)
        SELECT id FROM patients WHERE clinic_id = ${'00000000-0000-0000-0000-000000000000'} AND active
          AND lower(legal_given_name) LIKE 'abe%' AND (lower(legal_family_name) LIKE 'quen%' OR lower(preferred_name) LIKE 'quen%')
        LIMIT 501`);
      const text = plan.rows.map((r) => Object.values(r).join('')).join('\n');
      expect(text).toMatch(/Index Only Scan using patients_(family|given|preferred)_prefix_cover/);
      expect(text).not.toMatch(/Bitmap Heap Scan|Seq Scan/);
    } finally {
      await ctx.deps.db.execute(sql`RESET enable_seqscan`);
    }
  });
});
