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
});
