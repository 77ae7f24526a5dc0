import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, clinics } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let admin: string;

interface ClinicAnswer {
  settings: {
    timeZone: string;
    security: { sessionIdleMinutes: number };
    site: { bookingUrl: string; logoUrl: string; publicUrl: string; tagline: string };
  };
  storedSettingsProblems: Array<{ field: string; message: string }>;
}

async function stored(): Promise<unknown> {
  const [row] = await ctx.deps.db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinic.id));
  return row!.settings;
}

function patch(settings: unknown) {
  return ctx.request('/api/clinic', { method: 'PATCH', cookie: admin, json: { settings } });
}

async function refusedFields(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as { error: { fields: Array<{ field: string }> } };
  return error.fields.map((f) => f.field);
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Settings');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
});
beforeEach(async () => {
  await ctx.deps.db.update(clinics).set({ settings: {} }).where(eq(clinics.id, clinic.id));
});
afterAll(async () => {
  await ctx.close();
});

describe('settings are validated strictly', () => {
  it('refuses an unknown section or an unknown field with a 400 naming each, and stores nothing', async () => {
    expect(await refusedFields(await patch({ bogus: { a: 1 }, other: 2 }))).toEqual([
      'body.settings.bogus',
      'body.settings.other',
    ]);
    expect(await refusedFields(await patch({ site: { tagline: 'Calm', colour: 'red' } }))).toEqual([
      'body.settings.site.colour',
    ]);
    expect(await stored()).toEqual({});
  });

  it('accepts only IANA time zones, stored under their canonical name', async () => {
    for (const timeZone of ['Mars/Olympus', 'Eastern', 'GMT+25', '+01:00', 'America/New_York; DROP']) {
      expect(await refusedFields(await patch({ timeZone })), timeZone).toEqual(['body.settings.timeZone']);
    }
    const saved = await patch({ timeZone: 'america/chicago' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as ClinicAnswer).settings.timeZone).toBe('America/Chicago');
    expect((await patch({ timeZone: 'UTC' })).status).toBe(200);
  });

  it('accepts only absolute https addresses for the public booking link and the site address', async () => {
    for (const bookingUrl of [
      '//evil.example',
      '/\\evil.example',
      '/book',
      'http://book.example',
      'javascript:alert(1)',
      'https://user:secret@book.example',
      'https:evil.example',
      'https://',
    ]) {
      expect(await refusedFields(await patch({ site: { bookingUrl } })), bookingUrl).toEqual([
        'body.settings.site.bookingUrl',
      ]);
    }
    for (const publicUrl of [
      '//evil.example',
      'http://clinic.example',
      'https://clinic.example/path',
      'https://a@b.example',
    ]) {
      expect(await refusedFields(await patch({ site: { publicUrl } })), publicUrl).toEqual([
        'body.settings.site.publicUrl',
      ]);
    }
    const saved = await patch({
      site: { bookingUrl: 'https://book.example/arbor?clinic=1', publicUrl: 'https://clinic.example' },
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as ClinicAnswer).settings.site).toMatchObject({
      bookingUrl: 'https://book.example/arbor?clinic=1',
      publicUrl: 'https://clinic.example',
    });
  });

  it('accepts a logo only from an https address or a path on this site, never another host', async () => {
    for (const logoUrl of [
      '//evil.example/logo.png',
      '/\\evil.example/logo.png',
      'http://evil.example/l.png',
      'data:image/png;base64,AAAA',
    ]) {
      expect(await refusedFields(await patch({ site: { logoUrl } })), logoUrl).toEqual([
        'body.settings.site.logoUrl',
      ]);
    }
    expect((await patch({ site: { logoUrl: '/site-assets/logo.png' } })).status).toBe(200);
    expect((await patch({ site: { logoUrl: 'https://cdn.example/logo.png' } })).status).toBe(200);
  });
});

describe('stored settings that no longer validate', () => {
  it('still load: the bad parts read as their defaults, the rest as stored, and the answer says which', async () => {
    await ctx.deps.db
      .update(clinics)
      .set({
        settings: {
          timeZone: 'Mars/Olympus',
          security: { sessionIdleMinutes: 10, lockMinutes: 'soon' },
          site: { tagline: 'Kept as stored', bookingUrl: '//evil.example' },
          retiredSection: { x: 1 },
        },
      })
      .where(eq(clinics.id, clinic.id));
    const response = await ctx.request('/api/clinic', { cookie: admin });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ClinicAnswer;
    expect(body.settings.timeZone).toBe('America/New_York');
    expect(body.settings.security.sessionIdleMinutes).toBe(10);
    expect(body.settings.site.tagline).toBe('Kept as stored');
    expect(body.settings.site.bookingUrl).toBe('');
    expect(body.storedSettingsProblems.map((p) => p.field).sort()).toEqual([
      'settings.retiredSection',
      'settings.security.lockMinutes',
      'settings.site.bookingUrl',
      'settings.timeZone',
    ]);
    // The next change saves a clean document, which then reads without problems.
    expect((await patch({ security: { sessionIdleMinutes: 12 } })).status).toBe(200);
    const after = (await (await ctx.request('/api/clinic', { cookie: admin })).json()) as ClinicAnswer;
    expect(after.storedSettingsProblems).toEqual([]);
    expect(after.settings.site.tagline).toBe('Kept as stored');
  });

  it('still load when the stored document is not an object at all', async () => {
    await ctx.deps.db.update(clinics).set({ settings: 'corrupt' }).where(eq(clinics.id, clinic.id));
    const response = await ctx.request('/api/clinic', { cookie: admin });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ClinicAnswer).storedSettingsProblems.map((p) => p.field)).toEqual([
      'settings',
    ]);
  });

  it('keep the valid sections in force where other capabilities read them', async () => {
    await ctx.deps.db
      .update(clinics)
      .set({
        settings: { audit: { bulkAccessPatientsPerHour: 7 }, site: { bookingUrl: 'ftp://book.example' } },
      })
      .where(eq(clinics.id, clinic.id));
    const report = await ctx.request('/api/audit?limit=1', { cookie: admin });
    expect(report.status).toBe(200);
    expect(((await report.json()) as { bulkAccess: { threshold: number } }).bulkAccess.threshold).toBe(7);
  });
});

describe('a settings change is audited', () => {
  it('writes one settings-change row naming the changed sections and their values before', async () => {
    expect((await patch({ security: { sessionIdleMinutes: 9 } })).status).toBe(200);
    const [row] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.clinicId, clinic.id), eq(auditLog.action, 'settings-change')))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(row).toMatchObject({
      entity: 'clinic.settings',
      outcome: 'success',
      userId: clinic.users.admin.id,
    });
    expect(row!.detail).toMatchObject({
      sections: ['security'],
      before: { security: { sessionIdleMinutes: 15 } },
    });
  });
});
