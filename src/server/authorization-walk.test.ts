import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, staffRoles, type StaffRole } from '../domain/auth/permissions.js';
import { auditLog, clinics, messageOutbox, patients, users } from '../db/schema.js';
import { clinicProtocols, doses } from '../db/schema-dosing.js';
import { enquiries } from '../db/schema-site.js';
import { createTestContext, type TestClinic, type TestContext } from '../test/test-app.js';
import {
  seedMeasurementRecords,
  type SeededMeasurementRecords,
} from './capabilities/measurement/assessment-fixtures.js';
import {
  seedSchedulingRecords,
  type SeededSchedulingRecords,
} from './capabilities/scheduling/scheduling-fixtures.js';
import { seedConsent } from './capabilities/consent/consent-fixtures.js';
import { seedFormLink } from './capabilities/patient-forms/form-link-fixtures.js';
import { seedSession } from './capabilities/session/session-fixtures.js';
import { seedRemsForm } from './capabilities/rems-forms/rems-form-fixtures.js';
import { seedLedger, type SeededLedger } from './capabilities/ledger/ledger-fixtures.js';
import type { AnyRoute } from './shared/http/define-route.js';
import { allRoutes } from './routes.js';
import { sampleBodies } from './route-samples.js';

/** Routes anyone may call: each is reviewed and listed here on purpose. */
const publicRoutes = new Set([
  'get /api/setup',
  'post /api/setup',
  'post /api/auth/login',
  'post /api/auth/logout',
  'get /api/auth/me',
  // Self-report pages: the single-use token is the credential (docs/measurement-based-care.md).
  'get /portal/assets/portal.css',
  'get /r/:token',
  'post /r/:token',
  // A staff member's calendar feed: the unguessable, revocable address is the credential.
  'get /calendar/:file',
  // The patient's intake and consent forms: the single-use token, then the date of birth
  // (src/server/capabilities/patient-forms/README.md).
  'get /portal/assets/signature-pad.js',
  'get /f/:token',
  'post /f/:token',
]);

const keyOf = (route: AnyRoute) => `${route.method} ${route.path}`;

let ctx: TestContext;
let home: TestClinic;
let other: TestClinic;
let otherPatientId: string;
let otherDoseId: string;
let otherProtocolRowId: string;
let otherMbc: SeededMeasurementRecords;
let otherEnquiryId: string;
let otherOutboxId: string;
let cookies: Record<string, string>;
let otherScheduling: SeededSchedulingRecords;
let otherConsentId: string;
let otherFormLinkId: string;
let otherSessionId: string;
let otherRemsFormId: string;
let otherLedger: SeededLedger;

/** Another clinic's record of the kind the route addresses. */
function foreignIdFor(route: AnyRoute): string {
  if (route.path.startsWith('/api/patients/')) return otherPatientId;
  if (route.path.startsWith('/api/users/')) return other.users.nurse.id;
  if (route.path.startsWith('/api/doses/')) return otherDoseId;
  if (route.path.startsWith('/api/protocols/')) return otherProtocolRowId;
  if (route.path.startsWith('/api/assessments/')) return otherMbc.responseId;
  if (route.path.startsWith('/api/safety-alerts/')) return otherMbc.alertId;
  if (route.path.startsWith('/api/measurement-plans/')) return otherMbc.planId;
  if (route.path.startsWith('/api/anchors/')) return otherMbc.anchorId;
  if (route.path.startsWith('/api/self-report-links/')) return otherMbc.linkId;
  if (route.path.startsWith('/api/enquiries/')) return otherEnquiryId;
  if (route.path.startsWith('/api/outbox/')) return otherOutboxId;
  if (route.path.startsWith('/api/scheduling/rooms/')) return otherScheduling.roomId;
  if (route.path.startsWith('/api/scheduling/staff/')) return other.users.nurse.id;
  if (route.path.startsWith('/api/scheduling/time-off/')) return otherScheduling.timeOffId;
  if (route.path.startsWith('/api/scheduling/closures/')) return otherScheduling.closureId;
  if (route.path.startsWith('/api/scheduling/types/')) return otherScheduling.typeId;
  if (route.path.startsWith('/api/appointments/')) return otherScheduling.appointmentId;
  if (route.path.startsWith('/api/consents/')) return otherConsentId;
  if (route.path.startsWith('/api/form-links/')) return otherFormLinkId;
  if (route.path.startsWith('/api/sessions/')) return otherSessionId;
  if (route.path.startsWith('/api/rems-forms/')) return otherRemsFormId;
  if (route.path.startsWith('/api/ledger/receipts/')) return otherLedger.receiptId;
  if (route.path.startsWith('/api/ledger/containers/')) return otherLedger.containerId;
  if (route.path.startsWith('/api/ledger/events/')) return otherLedger.eventId;
  if (route.path.startsWith('/api/ledger/counts/')) return otherLedger.countId;
  if (route.path.startsWith('/api/ledger/discrepancies/')) return otherLedger.discrepancyId;
  if (route.path.startsWith('/api/ledger/inventories/')) return otherLedger.inventoryId;
  if (route.path.startsWith('/api/ledger/sessions/')) return otherSessionId;
  throw new Error(`No foreign record known for ${keyOf(route)}: extend foreignIdFor`);
}

async function lastAuditSeq(): Promise<number> {
  const [row] = await ctx.deps.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row?.seq ?? 0;
}

/** The failure rows a role's user left since `afterSeq` naming `recordId` as the record asked for. */
async function refusalRows(role: StaffRole, recordId: string, afterSeq: number) {
  return ctx.deps.db
    .select()
    .from(auditLog)
    .where(
      and(
        gt(auditLog.seq, afterSeq),
        eq(auditLog.userId, home.users[role].id),
        eq(auditLog.entityId, recordId),
        eq(auditLog.outcome, 'failure'),
      ),
    );
}

/** A patient of the caller's clinic, registered through the API (the clinic's MRN counter). */
async function registerHomePatient(given: string): Promise<{ id: string }> {
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: cookies.physician,
    json: { legalGivenName: given, legalFamilyName: 'Walk', birthDate: '1980-02-02', sexAtBirth: 'female' },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

function call(route: AnyRoute, cookie: string | undefined, id?: string) {
  const path = route.path.replace(':id', id ?? '00000000-0000-4000-8000-000000000000');
  const body = sampleBodies[keyOf(route)];
  return ctx.request(path, {
    method: route.method.toUpperCase(),
    cookie,
    ...(route.body ? { json: body } : {}),
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  home = await ctx.seedClinic('Home');
  other = await ctx.seedClinic('Other');
  const [patient] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: other.id,
      mrn: 'A0000018',
      legalGivenName: 'Foreign',
      legalFamilyName: 'Record',
      birthDate: '1970-05-05',
      sexAtBirth: 'male',
    })
    .returning();
  otherPatientId = patient!.id;
  const [enquiry] = await ctx.deps.db
    .insert(enquiries)
    .values({ clinicId: other.id, name: 'Foreign', email: 'foreign@example.test', consentAt: new Date() })
    .returning();
  otherEnquiryId = enquiry!.id;
  const [message] = await ctx.deps.db
    .insert(messageOutbox)
    .values({ clinicId: other.id, channel: 'email', recipient: 'foreign@example.test', body: 'Foreign' })
    .returning();
  otherOutboxId = message!.id;
  const [protocol] = await ctx.deps.db
    .insert(clinicProtocols)
    .values({
      clinicId: other.id,
      protocolId: 'foreign-protocol',
      version: 1,
      name: 'Foreign protocol',
      definition: {},
      createdBy: other.users.physician.id,
    })
    .returning();
  otherProtocolRowId = protocol!.id;
  const [dose] = await ctx.deps.db
    .insert(doses)
    .values({
      clinicId: other.id,
      patientId: otherPatientId,
      protocolOrigin: 'library',
      protocolId: 'iv-depression',
      protocolVersion: 1,
      stepId: 'standard',
      protocolSnapshot: {},
      inputs: {},
      settings: {},
      totalMg: 35,
      result: { note: 'Foreign' },
      verificationRequired: true,
      orderedBy: other.users.physician.id,
    })
    .returning();
  otherDoseId = dose!.id;
  otherMbc = await seedMeasurementRecords(ctx.deps.db, other.id, otherPatientId, other.users.physician.id);
  otherScheduling = await seedSchedulingRecords(ctx.deps.db, other.id, otherPatientId, other.users.nurse.id);
  otherConsentId = await seedConsent(ctx.deps.db, other.id, otherPatientId);
  otherFormLinkId = await seedFormLink(ctx.deps.db, other.id, otherPatientId, other.users.nurse.id);
  otherSessionId = await seedSession(ctx.deps.db, other.id, otherPatientId, other.users.nurse.id);
  otherRemsFormId = await seedRemsForm(ctx.deps.db, other.id, otherSessionId, otherPatientId);
  otherLedger = await seedLedger(ctx.deps.db, other.id, other.users.nurse.id, other.users.physician.id);
  cookies = {};
  for (const role of staffRoles) cookies[role] = await ctx.cookieFor(home.users[role].id, home.id);
});
afterAll(async () => {
  await ctx.close();
});

describe('authorisation on every API route', () => {
  it('declares a permission for every non-public route and a sample body for every route with a body', () => {
    for (const route of allRoutes) {
      if (route.auth === 'staff') expect(route.action, keyOf(route)).toBeTruthy();
      if (route.auth === 'public')
        expect(publicRoutes.has(keyOf(route)), `${keyOf(route)} is public but not reviewed`).toBe(true);
      if (route.body) expect(sampleBodies[keyOf(route)], `sample body for ${keyOf(route)}`).toBeDefined();
    }
  });

  for (const route of allRoutes.filter((r) => r.auth !== 'public')) {
    it(`${keyOf(route)} refuses an anonymous caller`, async () => {
      expect((await call(route, undefined)).status).toBe(401);
    });
  }

  for (const route of allRoutes.filter((r) => r.auth === 'staff')) {
    it(`${keyOf(route)} allows exactly the roles holding ${route.action}`, async () => {
      for (const role of staffRoles) {
        const response = await call(route, cookies[role]);
        if (can(role, route.action!)) {
          expect([403, 500], `${role} on ${keyOf(route)}`).not.toContain(response.status);
        } else {
          expect(response.status, `${role} on ${keyOf(route)}`).toBe(403);
        }
      }
    });
  }

  for (const route of allRoutes.filter((r) => r.auth === 'staff' && r.path.includes(':id'))) {
    it(`${keyOf(route)} answers 404 for another clinic's record, for every role, and changes nothing`, async () => {
      const before = await ctx.deps.db.select().from(patients).where(eq(patients.id, otherPatientId));
      const beforeUser = await ctx.deps.db.select().from(users).where(eq(users.id, other.users.nurse.id));
      for (const role of staffRoles) {
        const response = await call(route, cookies[role], foreignIdFor(route));
        expect(response.status, `${role} on ${keyOf(route)}`).toBe(can(role, route.action!) ? 404 : 403);
        const text = await response.text();
        expect(text).not.toContain('Foreign');
      }
      expect(await ctx.deps.db.select().from(patients).where(eq(patients.id, otherPatientId))).toEqual(
        before,
      );
      expect(await ctx.deps.db.select().from(users).where(eq(users.id, other.users.nurse.id))).toEqual(
        beforeUser,
      );
    });
  }

  for (const route of allRoutes.filter((r) => r.auth === 'staff' && r.path.includes(':id'))) {
    it(`${keyOf(route)} leaves exactly one failure audit row naming another clinic's record, for every role`, async () => {
      const foreignId = foreignIdFor(route);
      for (const role of staffRoles) {
        const before = await lastAuditSeq();
        const response = await call(route, cookies[role], foreignId);
        expect([403, 404]).toContain(response.status);
        const rows = await refusalRows(role, foreignId, before);
        // One row: a miss a service already audited (refuseMissingRecord) is not written again.
        expect(rows, `${role} on ${keyOf(route)}`).toHaveLength(1);
        const [row] = rows;
        expect(row!.clinicId).toBe(home.id);
        expect(row!.clientIp).toBeTruthy();
        // Never the other clinic's patient in this clinic's trail (the id stays the record asked for).
        expect(row!.patientId).toBeNull();
        if (row!.action === 'access-denied') {
          expect(row!.detail, `${role} on ${keyOf(route)}`).toMatchObject({
            method: route.method,
            path: route.path,
            status: response.status,
          });
        } else {
          // A service's own refusal names the kind of record it looked for.
          expect(row!.detail).toMatchObject({ reason: 'not-found-in-clinic' });
        }
      }
    });
  }

  it('names the patient asked for in a role refusal inside the caller’s clinic', async () => {
    const own = await registerHomePatient('Home');
    const before = await lastAuditSeq();
    const response = await ctx.request(`/api/patients/${own.id}/assessments`, {
      cookie: cookies.front_desk,
    });
    expect(response.status).toBe(403);
    const rows = await refusalRows('front_desk', own.id, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'access-denied',
      patientId: own.id,
      detail: expect.objectContaining({ method: 'get', path: '/api/patients/:id/assessments', status: 403 }),
    });
  });

  it('refuses a clinical change of a patient record to every role without patient.update-clinical, and audits it', async () => {
    const own = await registerHomePatient('Clinical');
    for (const [field, value] of [
      ['conditions', []],
      ['alerts', [{ text: 'Latex allergy', severity: 'critical' }]],
      ['careStatus', 'screening'],
    ] as const) {
      for (const role of staffRoles) {
        const [current] = await ctx.deps.db.select().from(patients).where(eq(patients.id, own.id));
        const before = await lastAuditSeq();
        const response = await ctx.request(`/api/patients/${own.id}`, {
          method: 'PATCH',
          cookie: cookies[role],
          json: { version: current!.version, changes: { [field]: value } },
        });
        if (can(role, 'patient.update-clinical')) {
          expect(response.status, `${role} changing ${field}`).toBe(200);
          continue;
        }
        expect(response.status, `${role} changing ${field}`).toBe(403);
        expect(JSON.stringify(await response.json())).toContain(`body.changes.${field}`);
        expect(await ctx.deps.db.select().from(patients).where(eq(patients.id, own.id))).toEqual([current]);
        const rows = await refusalRows(role, own.id, before);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ action: 'access-denied', patientId: own.id });
      }
    }
  });

  it('lists and searches only the caller’s clinic', async () => {
    const response = await ctx.request('/api/patients?q=foreign', { cookie: cookies.admin });
    expect(((await response.json()) as { total: number }).total).toBe(0);
    const usersList = (await (await ctx.request('/api/users', { cookie: cookies.admin })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(usersList.items.map((u) => u.id)).not.toContain(other.users.nurse.id);
    const audit = (await (await ctx.request('/api/audit?limit=500', { cookie: cookies.admin })).json()) as {
      items: Array<{ patientId: string | null }>;
    };
    expect(audit.items.some((a) => a.patientId === otherPatientId)).toBe(false);
    const [clinic] = await ctx.deps.db.select().from(clinics).where(eq(clinics.id, other.id));
    const mine = (await (await ctx.request('/api/clinic', { cookie: cookies.admin })).json()) as {
      id: string;
    };
    expect(mine.id).not.toBe(clinic!.id);
  });

  it('ignores a clinicId smuggled into a write', async () => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: cookies.front_desk,
      json: { ...(sampleBodies['post /api/patients'] as object), clinicId: other.id },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a state-changing request from another origin', async () => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: cookies.front_desk,
      headers: { origin: 'https://evil.example' },
      json: sampleBodies['post /api/patients'],
    });
    expect(response.status).toBe(403);
  });

  it('refuses a form-encoded body (no cross-site form posts)', async () => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: cookies.front_desk,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'legalGivenName=x',
    });
    expect(response.status).toBe(415);
  });
});
