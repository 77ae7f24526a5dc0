import type { Database } from '../../../db/client.js';
import { patientFormLinks } from '../../../db/schema-intake.js';
import { newLinkToken } from '../../shared/patient-links.js';

/** A pending intake form link of a clinic written straight to the table, for tests about another clinic's records. */
export async function seedFormLink(
  db: Database,
  clinicId: string,
  patientId: string,
  createdBy: string,
): Promise<string> {
  const [row] = await db
    .insert(patientFormLinks)
    .values({
      clinicId,
      patientId,
      purpose: 'intake',
      tokenHash: newLinkToken().tokenHash,
      channel: 'copy',
      createdBy,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return row!.id;
}
