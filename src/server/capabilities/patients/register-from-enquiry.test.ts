import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, patients } from '../../../db/schema.js';
import { assessmentObservations, assessmentResponses, safetyAlerts } from '../../../db/schema-measurement.js';
import { enquiries } from '../../../db/schema-site.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let frontDesk: string;

async function seedEnquiry(clinicId: string, selfCheck: object | null = null): Promise<string> {
  const [row] = await ctx.deps.db
    .insert(enquiries)
    .values({
      clinicId,
      name: 'Noor Haddad',
      email: 'noor.haddad@example.test',
      phone: '555-0177',
      contactPreference: 'phone',
      concern: 'depression',
      selfCheck,
      consentAt: new Date(),
    })
    .returning({ id: enquiries.id });
  return row!.id;
}

const register = (fromEnquiryId: string, who = frontDesk) =>
  ctx.request('/api/patients', {
    method: 'POST',
    cookie: who,
    json: {
      legalGivenName: 'Noor',
      legalFamilyName: 'Haddad',
      birthDate: '1990-05-04',
      sexAtBirth: 'unknown',
      phone: '555-0177',
      email: 'noor.haddad@example.test',
      fromEnquiryId,
    },
  });

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Willow');
  other = await ctx.seedClinic('Elsewhere');
  frontDesk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
});
afterAll(async () => ctx?.close());

describe('POST /api/patients with fromEnquiryId', () => {
  it('links the enquiry to the new patient, marks it registered and audits both', async () => {
    const enquiryId = await seedEnquiry(clinic.id);
    const response = await register(enquiryId);
    expect(response.status).toBe(201);
    const patient = (await response.json()) as { id: string };
    const [enquiry] = await ctx.deps.db.select().from(enquiries).where(eq(enquiries.id, enquiryId));
    expect(enquiry).toMatchObject({ status: 'registered', patientId: patient.id, version: 2 });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'lead'), eq(auditLog.entityId, enquiryId)));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'status-change', outcome: 'success', patientId: patient.id }),
    ]);
    // The inbox shows the link.
    const read = await ctx.request(`/api/enquiries/${enquiryId}`, { cookie: frontDesk });
    expect(await read.json()).toMatchObject({ status: 'registered', patientId: patient.id });
    // Its status no longer moves by hand.
    const moved = await ctx.request(`/api/enquiries/${enquiryId}`, {
      method: 'PATCH',
      cookie: frontDesk,
      json: { version: 2, status: 'closed' },
    });
    expect(moved.status).toBe(409);
    // Registering the same enquiry twice is refused and creates no second patient.
    const again = await register(enquiryId);
    expect(again.status).toBe(409);
    const named = await ctx.deps.db.select().from(patients).where(eq(patients.legalGivenName, 'Noor'));
    expect(named).toHaveLength(1);
  });

  it('carries the self-check scores into the chart as self-reported, and a positive item 9 raises a safety alert', async () => {
    const enquiryId = await seedEnquiry(clinic.id, { phq9Total: 17, gad7Total: 12, phq9Item9Positive: true });
    const response = await register(enquiryId);
    expect(response.status).toBe(201);
    const patient = (await response.json()) as { id: string };
    const responses = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.patientId, patient.id));
    expect(responses.map((r) => [r.instrumentId, r.source]).sort()).toEqual([
      ['gad7', 'self-report'],
      ['phq9', 'self-report'],
    ]);
    const observations = await ctx.deps.db
      .select()
      .from(assessmentObservations)
      .where(eq(assessmentObservations.patientId, patient.id));
    const phq9 = observations.find((o) => o.instrumentId === 'phq9');
    expect(phq9).toMatchObject({ severity: 'moderately-severe' });
    expect(Number(phq9!.value)).toBe(17);
    expect(phq9!.flags).toContain('suicidal-ideation');
    const alerts = await ctx.deps.db
      .select()
      .from(safetyAlerts)
      .where(eq(safetyAlerts.patientId, patient.id));
    expect(alerts).toHaveLength(1);
  });

  it("refuses another clinic's enquiry with 404, registers no patient and audits the refusal", async () => {
    const elsewhere = await seedEnquiry(other.id, { phq9Total: 3, gad7Total: 2, phq9Item9Positive: false });
    const before = await ctx.deps.db.select().from(patients).where(eq(patients.clinicId, clinic.id));
    const response = await register(elsewhere);
    expect(response.status).toBe(404);
    const after = await ctx.deps.db.select().from(patients).where(eq(patients.clinicId, clinic.id));
    expect(after).toHaveLength(before.length);
    const [enquiry] = await ctx.deps.db.select().from(enquiries).where(eq(enquiries.id, elsewhere));
    expect(enquiry).toMatchObject({ status: 'new', patientId: null });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, elsewhere), eq(auditLog.outcome, 'failure')));
    expect(audit).toHaveLength(1);
  });

  it('names the field when the enquiry id is not an id', async () => {
    const response = await register('not-an-id');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('fromEnquiryId');
  });
});
