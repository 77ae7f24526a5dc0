import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { clinicProtocols } from '../../../db/schema-dosing.js';
import { clinics, users } from '../../../db/schema.js';

/** The SQL of protocols: clinic protocol versions (one row each, never rewritten) and clinic settings. */

export type ClinicProtocolRow = typeof clinicProtocols.$inferSelect;
export type NewClinicProtocolRow = typeof clinicProtocols.$inferInsert;

/** The clinic's stored settings document, or undefined for an unknown clinic. */
export async function findClinicSettings(
  db: Executor,
  clinicId: string,
): Promise<{ settings: unknown } | undefined> {
  const [clinic] = await db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return clinic;
}

/** Every stored version of every clinic protocol, with its author's name, by id then version. */
export async function listClinicProtocolRows(db: Executor, clinicId: string) {
  return db
    .select({ row: clinicProtocols, label: users.displayName })
    .from(clinicProtocols)
    .innerJoin(users, eq(users.id, clinicProtocols.createdBy))
    .where(eq(clinicProtocols.clinicId, clinicId))
    .orderBy(asc(clinicProtocols.protocolId), asc(clinicProtocols.version));
}

export async function findClinicProtocolVersion(
  db: Executor,
  clinicId: string,
  protocolId: string,
  version: number,
): Promise<ClinicProtocolRow | undefined> {
  const [row] = await db
    .select()
    .from(clinicProtocols)
    .where(
      and(
        eq(clinicProtocols.clinicId, clinicId),
        eq(clinicProtocols.protocolId, protocolId),
        eq(clinicProtocols.version, version),
      ),
    );
  return row;
}

/** The versions the clinic stored of one protocol id (none when the id is free). */
export async function listClinicProtocolVersions(
  db: Executor,
  clinicId: string,
  protocolId: string,
): Promise<number[]> {
  const rows = await db
    .select({ version: clinicProtocols.version })
    .from(clinicProtocols)
    .where(and(eq(clinicProtocols.clinicId, clinicId), eq(clinicProtocols.protocolId, protocolId)));
  return rows.map((r) => r.version);
}

export async function insertClinicProtocol(
  db: Executor,
  values: NewClinicProtocolRow,
): Promise<ClinicProtocolRow> {
  const [row] = await db.insert(clinicProtocols).values(values).returning();
  return row!;
}
