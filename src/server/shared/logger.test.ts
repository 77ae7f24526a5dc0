import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { base, createTestContext, type TestContext } from '../../test/test-app.js';
import { createLogger, safeError } from './logger.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('server log', () => {
  it('holds no name, date of birth or query text when a patient search fails with a 500', async () => {
    const clinic = await ctx.seedClinic('Logs');
    const cookie = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    const lines: string[] = [];
    const app = createApp({ ...ctx.deps, log: (line) => lines.push(line) });
    // The database refuses the search: a real failure from PostgreSQL, not a stub.
    const owner = new pg.Client({ connectionString: ctx.database.ownerUrl });
    await owner.connect();
    await owner.query('REVOKE SELECT ON patients FROM arbor_app');
    try {
      const response = await app.request(`${base}/api/patients?q=Kowalczyk%2003/02/1961`, {
        headers: { cookie },
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { errorId: string } };
      const text = lines.join('\n');
      expect(text).toContain(body.error.errorId);
      expect(text.toLowerCase()).not.toContain('kowalczyk');
      expect(text).not.toContain('1961');
      expect(text).not.toContain('03/02');
      // What the line does carry: the id, the route template, the class and PostgreSQL's code.
      const entry = JSON.parse(lines.find((line) => line.includes(body.error.errorId))!) as {
        level: string;
        route: string;
        err: { type: string; stack: string; cause: { type: string; code: string } };
      };
      expect(entry).toMatchObject({
        level: 'error',
        route: '/api/patients',
        err: { type: 'DrizzleQueryError', cause: { type: 'DatabaseError', code: '42501' } },
      });
      expect(entry.err.stack).toContain('patient-search.service.ts');
    } finally {
      await owner.query('GRANT SELECT ON patients TO arbor_app');
      await owner.end();
    }
  });

  it('removes parameters, bodies, query strings and error detail wherever a caller puts them', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const databaseError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'patients_mrn_unique',
      table: 'patients',
      detail: 'Key (mrn)=(A000123) already exists.',
      parameters: ['Maria Kowalczyk', '1961-03-02'],
    });
    logger.info(
      {
        params: ['Maria Kowalczyk'],
        request: { body: { birthDate: '1961-03-02' }, query: { q: 'kowalczyk' }, url: '/api/patients?q=x' },
        err: databaseError,
      },
      'something happened',
    );
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(lines[0]).not.toMatch(/kowalczyk|1961|A000123|duplicate key/i);
    expect(entry).toMatchObject({
      params: '[redacted]',
      request: { body: '[redacted]', query: '[redacted]', url: '[redacted]' },
      err: { type: 'Error', code: '23505', constraint: 'patients_mrn_unique', table: 'patients' },
    });
  });

  it('keeps only the call frames of a stack, never the message line', () => {
    const error = new TypeError('Cannot read properties of undefined (reading "Kowalczyk")');
    const safe = safeError(error);
    expect(safe.type).toBe('TypeError');
    expect(safe.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(safe)).not.toContain('Kowalczyk');
  });
});
