import type { ZodError } from 'zod';
import type { Clinic, ClinicSettingsRequest } from '../../../contracts/clinic.js';
import {
  clinicSettingsSchema,
  readClinicSettings,
  readClinicSettingsChecked,
} from '../../../domain/clinic/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, fieldsFromZod, notFound, type FieldProblem } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { findClinic, updateClinic, type ClinicRow } from './clinic.queries.js';

/** Stored settings that no longer validate are read with defaults for the bad parts, and named. */
function toClinic(row: ClinicRow): Clinic {
  const { settings, problems } = readClinicSettingsChecked(row.settings);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    isDemo: row.isDemo,
    settings,
    storedSettingsProblems: problems,
  };
}

/** The failing fields of a settings change; each unknown section or field is named on its own. */
function settingsFields(error: ZodError): FieldProblem[] {
  const named = fieldsFromZod(error, 'body.settings');
  return error.issues.flatMap((issue, i) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: ['body.settings', ...issue.path.map(String), key].join('.'),
          message: 'is not a setting',
        }))
      : [named[i]!],
  );
}

export async function readClinic(deps: AppDeps, actor: Actor): Promise<Clinic> {
  const clinic = await findClinic(deps.db, actor.clinicId);
  if (!clinic) throw notFound('Clinic');
  return toClinic(clinic);
}

/** Each section given replaces only the fields it names; a non-object value replaces the section. */
function mergeSections(
  before: Record<string, unknown>,
  change: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...before };
  for (const [section, value] of Object.entries(change)) {
    const previous = before[section];
    merged[section] =
      value && typeof value === 'object' && !Array.isArray(value) && previous && typeof previous === 'object'
        ? { ...(previous as object), ...(value as object) }
        : value;
  }
  return merged;
}

/** Merges a partial settings change section by section, validates the whole, and audits the diff. */
export async function updateClinicSettings(
  deps: AppDeps,
  actor: Actor,
  input: ClinicSettingsRequest,
): Promise<Clinic> {
  return deps.db.transaction(async (tx) => {
    const clinic = await findClinic(tx, actor.clinicId, { forUpdate: true });
    if (!clinic) throw notFound('Clinic');
    const before = readClinicSettings(clinic.settings) as Record<string, unknown>;
    const parsed = clinicSettingsSchema.safeParse(mergeSections(before, input.settings ?? {}));
    if (!parsed.success) throw badRequest(settingsFields(parsed.error));
    const row = await updateClinic(tx, actor.clinicId, {
      name: input.name ?? clinic.name,
      settings: parsed.data,
    });
    const after = parsed.data as Record<string, unknown>;
    const changedSections = Object.keys(input.settings ?? {}).filter(
      (section) => JSON.stringify(before[section]) !== JSON.stringify(after[section]),
    );
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'settings-change',
        entity: 'clinic.settings',
        entityId: actor.clinicId,
        detail: {
          sections: changedSections,
          nameChanged: input.name !== undefined && input.name !== clinic.name,
          before: Object.fromEntries(changedSections.map((s) => [s, before[s]])),
        },
        outcome: 'success',
      },
    ]);
    return toClinic(row);
  });
}
