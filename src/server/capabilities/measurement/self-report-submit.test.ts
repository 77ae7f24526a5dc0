import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessmentResponses, safetyAlerts, selfReportLinks } from '../../../db/schema-measurement.js';
import { auditLog } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { submitSelfReport, type SubmittedForm } from './self-report-portal.service.js';

/**
 * The patient's submission as one use case: one throttle count per unknown token, and one stored
 * response per link however many submissions race for it.
 */

let ctx: TestContext;
let clinic: TestClinic;
let desk: string;
let patientId: string;

/** A form whose answer to every asked item is `value`. */
const formOf = (value: number | null): SubmittedForm => ({
  kind: 'form',
  answersFor: (itemIds) => Object.fromEntries(itemIds.map((id) => [id, value])),
});

async function newLink(): Promise<{ id: string; token: string }> {
  const response = await ctx.request(`/api/patients/${patientId}/self-report-links`, {
    method: 'POST',
    cookie: desk,
    json: { instrumentId: 'phq9', channel: 'copy' },
  });
  const body = (await response.json()) as { id: string; url: string };
  return { id: body.id, token: new URL(body.url).pathname.split('/').pop()! };
}

async function throttleRows() {
  const { rows } = await ctx.deps.db.execute<{ key: string; failures: number }>(
    sql`SELECT key, failures FROM auth_throttle WHERE key LIKE 'selfreport:%'`,
  );
  return rows;
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Submit');
  desk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: desk,
    json: {
      legalGivenName: 'Sasha',
      legalFamilyName: 'Submitter',
      birthDate: '1988-03-03',
      sexAtBirth: 'female',
    },
  });
  patientId = ((await response.json()) as { id: string }).id;
});
beforeEach(async () => {
  await ctx.deps.db.execute(sql`DELETE FROM auth_throttle`);
});
afterAll(async () => {
  await ctx.close();
});

describe('submitting a self-report form', () => {
  it('counts a wrong token submitted once as exactly one failure', async () => {
    const response = await ctx.request(`/r/${'C'.repeat(43)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'item1=1',
    });
    expect(response.status).toBe(404);
    const rows = await throttleRows();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.failures)).toBe(1);
  });

  it('counts no failure for a real link, whether the answers are complete or not', async () => {
    const link = await newLink();
    const invalid = await submitSelfReport(ctx.deps, {
      token: link.token,
      clientIp: '10.7.0.1',
      form: formOf(null),
    });
    expect(invalid.state).toBe('invalid');
    // Nothing is stored and the link stays usable.
    const [row] = await ctx.deps.db.select().from(selfReportLinks).where(eq(selfReportLinks.id, link.id));
    expect(row!.usedAt).toBeNull();
    const done = await submitSelfReport(ctx.deps, {
      token: link.token,
      clientIp: '10.7.0.1',
      form: formOf(0),
    });
    expect(done.state).toBe('done');
    expect(await throttleRows()).toEqual([]);
  });

  it('stores exactly one response, one alert and one audit row when two submissions race for a link', async () => {
    const link = await newLink();
    const outcomes = await Promise.all(
      [1, 2, 3].map((value) =>
        submitSelfReport(ctx.deps, { token: link.token, clientIp: '10.7.0.2', form: formOf(value) }),
      ),
    );
    expect(outcomes.map((o) => o.state).sort()).toEqual(['done', 'used', 'used']);
    const stored = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.linkId, link.id));
    expect(stored).toHaveLength(1);
    // Item 9 ≥ 1 in every form: the one stored response raised its alert, in the same transaction.
    expect(
      await ctx.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.responseId, stored[0]!.id)),
    ).toHaveLength(1);
    const audited = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'assessment.response'), eq(auditLog.entityId, stored[0]!.id)));
    expect(audited).toHaveLength(1);
    const [row] = await ctx.deps.db.select().from(selfReportLinks).where(eq(selfReportLinks.id, link.id));
    expect(row!.responseId).toBe(stored[0]!.id);
  });
});
