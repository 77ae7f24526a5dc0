import type { Database } from '../../../db/client.js';
import { remsForms } from '../../../db/schema-rems.js';

/** A monitoring form of a clinic's session written straight to the table, for tests about another clinic's records. */
export async function seedRemsForm(
  db: Database,
  clinicId: string,
  sessionId: string,
  patientId: string,
): Promise<string> {
  const now = new Date();
  const [row] = await db
    .insert(remsForms)
    .values({
      clinicId,
      sessionId,
      patientId,
      templateVersion: '2021-11',
      treatmentDate: '2026-12-01',
      dueOn: '2026-12-08',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}
