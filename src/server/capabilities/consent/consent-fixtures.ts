import type { Database } from '../../../db/client.js';
import { consentTemplates, consents } from '../../../db/schema-intake.js';

/** A signed consent of a clinic written straight to the tables, for tests about another clinic's records. */
export async function seedConsent(db: Database, clinicId: string, patientId: string): Promise<string> {
  const [template] = await db
    .insert(consentTemplates)
    .values({ clinicId, code: 'iv-ketamine', version: 1, title: 'Foreign form', sections: [], sources: [] })
    .returning();
  const now = new Date();
  const [consent] = await db
    .insert(consents)
    .values({
      clinicId,
      patientId,
      templateId: template!.id,
      templateCode: 'iv-ketamine',
      templateVersion: 1,
      renderedText: 'Foreign consent text',
      textSha256: '0'.repeat(64),
      patientTypedName: 'Foreign Record',
      patientSignature: { width: 10, height: 10, strokes: [] },
      esignConsentAt: now,
      patientSignedAt: now,
    })
    .returning();
  return consent!.id;
}
