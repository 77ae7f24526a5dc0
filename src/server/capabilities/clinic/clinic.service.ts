import { eq } from 'drizzle-orm';
import { clinicSettingsSchema, readClinicSettings } from '../../../domain/clinic/clinic-settings.js';
import { clinics } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, fieldsFromZod, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';

export async function readClinic(deps: AppDeps, clinicId: string) {
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) throw notFound('Clinic');
  return {
    id: clinic.id,
    name: clinic.name,
    slug: clinic.slug,
    isDemo: clinic.isDemo,
    settings: readClinicSettings(clinic.settings),
  };
}

/** Merges a partial settings change section by section, validates the whole, and audits the diff. */
export async function updateClinicSettings(
  deps: AppDeps,
  actor: Actor,
  input: { name?: string; settings?: Record<string, unknown> },
) {
  return deps.db.transaction(async (tx) => {
    const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, actor.clinicId)).for('update');
    if (!clinic) throw notFound('Clinic');
    const before = readClinicSettings(clinic.settings) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...before };
    for (const [section, value] of Object.entries(input.settings ?? {})) {
      const previous = before[section];
      merged[section] =
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        previous &&
        typeof previous === 'object'
          ? { ...(previous as object), ...(value as object) }
          : value;
    }
    const parsed = clinicSettingsSchema.safeParse(merged);
    if (!parsed.success) throw badRequest(fieldsFromZod(parsed.error, 'body.settings'));
    const [row] = await tx
      .update(clinics)
      .set({ name: input.name ?? clinic.name, settings: parsed.data })
      .where(eq(clinics.id, actor.clinicId))
      .returning();
    const changedSections = Object.keys(input.settings ?? {}).filter(
      (section) =>
        JSON.stringify(before[section]) !== JSON.stringify((parsed.data as Record<string, unknown>)[section]),
    );
    await appendAudit(tx, [
      {
        clinicId: actor.clinicId,
        userId: actor.userId,
        userLabel: actor.label,
        action: 'settings-change',
        entity: 'clinic.settings',
        entityId: actor.clinicId,
        detail: {
          sections: changedSections,
          nameChanged: input.name !== undefined && input.name !== clinic.name,
          before: Object.fromEntries(changedSections.map((s) => [s, before[s]])),
        },
        outcome: 'success',
        clientIp: actor.clientIp,
      },
    ]);
    return {
      id: row!.id,
      name: row!.name,
      slug: row!.slug,
      isDemo: row!.isDemo,
      settings: readClinicSettings(row!.settings),
    };
  });
}
