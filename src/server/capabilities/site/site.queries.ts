import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { clinics } from '../../../db/schema.js';

/** The oldest clinic that is (or is not) the demo clinic, with what the public site shows of it. */
export async function findFirstClinic(db: Executor, options: { isDemo: boolean }) {
  const [row] = await db
    .select({ id: clinics.id, name: clinics.name, settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.isDemo, options.isDemo))
    .orderBy(asc(clinics.createdAt), asc(clinics.id))
    .limit(1);
  return row;
}
