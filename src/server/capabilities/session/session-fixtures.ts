import type { Database } from '../../../db/client.js';
import { sessionEntries, treatmentSessions } from '../../../db/schema-session.js';

/** A checked-in session of a clinic written straight to the tables, for tests about another clinic's records. */
export async function seedSession(
  db: Database,
  clinicId: string,
  patientId: string,
  userId: string,
): Promise<string> {
  const now = new Date();
  const [session] = await db
    .insert(treatmentSessions)
    .values({
      clinicId,
      patientId,
      kind: 'iv_ketamine',
      checkedInAt: now,
      checkedInBy: userId,
      updatedAt: now,
      chairLabel: 'Foreign chair',
    })
    .returning();
  await db.insert(sessionEntries).values({
    clinicId,
    sessionId: session!.id,
    patientId,
    clientEntryId: crypto.randomUUID(),
    type: 'action',
    payload: { action: 'check_in' },
    eventAt: now,
    recordedAt: now,
    recordedBy: userId,
    stateAfter: 'checked_in',
    version: 1,
  });
  return session!.id;
}
