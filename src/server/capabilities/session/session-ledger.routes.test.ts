import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../contracts/session.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { MAPLE_SITE, physicianWitness, registerSite } from '../ledger/ledger-reports.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import {
  chart,
  charted,
  completeChecklist,
  readyPatient,
  sessionCookies,
  type SessionCookies,
} from './session.test-helper.js';

/**
 * The note of a session in which drug was given is signed only once the controlled-substance ledger
 * holds the session's administration, where the clinic keeps its ledger here.
 */

let ctx: TestContext;
let clinic: TestClinic;
let c: SessionCookies & { admin: string };

const post = (path: string, cookie: string, body: unknown = {}) =>
  ctx.request(path, { method: 'POST', cookie, json: body });

/** An IV session checked in, started with the patient's ready dose, and ended early by the physician. */
async function infusionEndedEarly() {
  const { patientId, doseId } = await readyPatient(ctx, clinic, c);
  const session = await json<SessionView>(
    await post('/api/sessions', c.nurse, { patientId, kind: 'iv_ketamine', chairLabel: 'Chair 1' }),
    201,
  );
  await charted(ctx, c.nurse, session.id, completeChecklist());
  await charted(ctx, c.nurse, session.id, { type: 'action', action: 'complete_checklist' });
  await charted(ctx, c.nurse, session.id, { type: 'action', action: 'start', doseId });
  await charted(ctx, c.physician, session.id, {
    type: 'action',
    action: 'end_early',
    reason: 'Nausea despite ondansetron; stopped at the patient’s request',
  });
  await charted(ctx, c.nurse, session.id, {
    type: 'dose_explanation',
    text: 'Stopped at once at the patient’s request; almost nothing was given',
  });
  return { sessionId: session.id, doseId };
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Session ledger');
  c = {
    ...(await sessionCookies(ctx, clinic)),
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
  };
});
afterAll(async () => {
  await ctx.close();
});

describe('signing the note of a session whose drug comes from the ledger', () => {
  it('signs without a ledger while the clinic keeps none here', async () => {
    const { sessionId } = await infusionEndedEarly();
    const held = await ctx.request(`/api/ledger/sessions/${sessionId}/administrations`, { cookie: c.nurse });
    expect(await json(held, 200)).toEqual({ kept: false, items: [] });
    const view = await charted(ctx, c.nurse, sessionId, { type: 'note_sign' });
    expect(view.state).toBe('note_signed');
  });

  it('refuses the signature until the vial used is recorded, then signs', async () => {
    // A session under way before the ledger was set up cannot have its vial in it: it signs as before.
    const before = await infusionEndedEarly();
    ctx.clock.advance(60_000);
    const safe = await registerSite(ctx, c.admin, MAPLE_SITE, 'Safe A');
    expect((await charted(ctx, c.nurse, before.sessionId, { type: 'note_sign' })).state).toBe('note_signed');

    const { sessionId, doseId } = await infusionEndedEarly();

    const refused = await problem(await chart(ctx, c.nurse, sessionId, { type: 'note_sign' }), 409);
    expect(refused.fields).toEqual([
      { field: 'body.ledger', message: expect.stringContaining('no vial is recorded') },
    ]);

    const receipt = await json<{ id: string }>(
      await post('/api/ledger/receipts', c.nurse, {
        locationId: safe.locationId,
        supplier: { name: 'Henry Schein', address: '135 Duryea Rd, Melville, NY', deaNumber: 'RH0123456' },
        invoiceNumber: 'INV-SL1',
        receivedOn: ctx.clock.now().toISOString().slice(0, 10),
        containers: [
          { productKey: 'ketamine-50-10', lotNumber: 'LOT-7', expiryDate: '2030-06-30', labelNumber: 'S-1' },
        ],
      }),
      201,
    );
    const confirmed = await json<{ containers: { containerId: string }[] }>(
      await post(`/api/ledger/receipts/${receipt.id}/confirm`, c.physician),
      200,
    );
    const vial = confirmed.containers[0]!.containerId;
    await json(await post(`/api/ledger/containers/${vial}/open`, c.nurse), 201);
    const given = await json<{ event: { id: string } }>(
      await post(`/api/ledger/containers/${vial}/administer`, c.nurse, {
        sessionId,
        doseId,
        quantity: { value: 35, unit: 'mg' },
      }),
      201,
    );

    // A correction reverses the administration: the ledger holds none for the session again.
    await json(
      await post(`/api/ledger/events/${given.event.id}/correction`, c.nurse, {
        reason: 'Entered twice',
        witness: await physicianWitness(ctx, clinic),
      }),
      201,
    );
    await problem(await chart(ctx, c.nurse, sessionId, { type: 'note_sign' }), 409);
    await json(
      await post(`/api/ledger/containers/${vial}/administer`, c.nurse, {
        sessionId,
        doseId,
        quantity: { value: 35, unit: 'mg' },
      }),
      201,
    );
    // What the session page shows beside the vial form: the one administration standing.
    const held = await json<{ kept: boolean; items: { labelNumber: string; quantity: { mg: string } }[] }>(
      await ctx.request(`/api/ledger/sessions/${sessionId}/administrations`, { cookie: c.nurse }),
      200,
    );
    expect(held).toEqual({ kept: true, items: [expect.objectContaining({ labelNumber: 'S-1' })] });
    expect(held.items[0]!.quantity.mg).toBe('35');
    const view = await charted(ctx, c.nurse, sessionId, { type: 'note_sign' });
    expect(view.state).toBe('note_signed');
  });
});
