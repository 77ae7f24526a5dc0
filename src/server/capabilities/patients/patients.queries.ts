import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { clinicCounters, patientHistory, patients, users } from '../../../db/schema.js';

/**
 * The patient registry's SQL: small named statements over `patients`, `patient_history` and the
 * clinic's MRN counter. No audit, no HTTP errors, no rules: the services decide, these fetch.
 */

export type PatientRow = typeof patients.$inferSelect;
type NewPatientRow = typeof patients.$inferInsert;
type NewPatientHistoryRow = typeof patientHistory.$inferInsert;

/** The clinic's next MRN number (a per-clinic counter), taken inside the caller's transaction. */
export async function nextMrnNumber(tx: Executor, clinicId: string): Promise<number> {
  const [row] = await tx
    .insert(clinicCounters)
    .values({ clinicId, name: 'mrn', value: 1 })
    .onConflictDoUpdate({
      target: [clinicCounters.clinicId, clinicCounters.name],
      set: { value: sql`${clinicCounters.value} + 1` },
    })
    .returning({ value: clinicCounters.value });
  return row!.value;
}

export async function insertPatient(tx: Executor, values: NewPatientRow): Promise<PatientRow> {
  const [row] = await tx.insert(patients).values(values).returning();
  return row!;
}

/** Changes a patient of the clinic and returns the stored row (the caller holds its lock). */
export async function updatePatientRow(
  tx: Executor,
  clinicId: string,
  id: string,
  changes: Partial<NewPatientRow>,
): Promise<PatientRow> {
  const [row] = await tx
    .update(patients)
    .set(changes)
    .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)))
    .returning();
  return row!;
}

export async function insertPatientHistory(tx: Executor, values: NewPatientHistoryRow): Promise<void> {
  await tx.insert(patientHistory).values(values);
}

function preparePatientRead(db: Database) {
  return db
    .select()
    .from(patients)
    .where(and(eq(patients.id, sql.placeholder('id')), eq(patients.clinicId, sql.placeholder('clinicId'))))
    .prepare('arbor-read-patient');
}
const patientReads = new WeakMap<Database, ReturnType<typeof preparePatientRead>>();

/**
 * A patient of the clinic, or undefined: the chart's most frequent read, so it is a prepared
 * statement (one per database handle). Writers use loadClinicPatient, which locks and 404s.
 */
export async function findClinicPatient(
  db: Database,
  clinicId: string,
  id: string,
): Promise<PatientRow | undefined> {
  let statement = patientReads.get(db);
  if (!statement) patientReads.set(db, (statement = preparePatientRead(db)));
  const [row] = await statement.execute({ id, clinicId });
  return row;
}

/** Every version of a patient record, newest first, with the display name of whoever saved it. */
export async function listPatientHistory(db: Executor, clinicId: string, patientId: string) {
  return db
    .select({ history: patientHistory, changedByLabel: users.displayName })
    .from(patientHistory)
    .leftJoin(users, and(eq(users.id, patientHistory.changedBy), eq(users.clinicId, clinicId)))
    .where(and(eq(patientHistory.patientId, patientId), eq(patientHistory.clinicId, clinicId)))
    .orderBy(desc(patientHistory.version));
}

// ---- Search ------------------------------------------------------------------------------------

/** One word of a search, already classified: a birth date (ISO), an MRN fragment or a name part. */
export type SearchToken =
  { kind: 'date'; iso: string } | { kind: 'mrn'; text: string } | { kind: 'name'; text: string };

/** Name tokens match the start of a name part (btree prefix indexes), or anywhere (trigram index). */
export type NameMatch = 'prefix' | 'substring';

export interface PatientSearchFilter {
  clinicId: string;
  includeInactive: boolean;
  careStatus?: string;
  tokens: SearchToken[];
  nameMatch: NameMatch;
  /** At most this many candidates are ranked; one more is fetched to tell that there are more. */
  candidateCap: number;
  limit: number;
  offset: number;
}

function searchConditions(filter: PatientSearchFilter): SQL[] {
  const conditions: SQL[] = [eq(patients.clinicId, filter.clinicId)];
  if (!filter.includeInactive) conditions.push(eq(patients.active, true));
  if (filter.careStatus) conditions.push(eq(patients.careStatus, filter.careStatus));
  for (const token of filter.tokens) {
    if (token.kind === 'date') {
      conditions.push(sql`${patients.birthDate} = ${token.iso}::date`);
    } else if (token.kind === 'mrn') {
      conditions.push(sql`lower(${patients.mrn}) LIKE ${'%' + token.text + '%'}`);
    } else {
      // LIKE metacharacters typed by the person are matched literally.
      const escaped = token.text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      conditions.push(
        filter.nameMatch === 'prefix'
          ? sql`(lower(${patients.legalFamilyName}) LIKE ${escaped + '%'} OR lower(${patients.legalGivenName}) LIKE ${escaped + '%'} OR lower(${patients.preferredName}) LIKE ${escaped + '%'})`
          : sql`${patients.searchName} LIKE ${'%' + escaped + '%'}`,
      );
    }
  }
  return conditions;
}

const listColumns = {
  id: patients.id,
  mrn: patients.mrn,
  legalGivenName: patients.legalGivenName,
  legalFamilyName: patients.legalFamilyName,
  preferredName: patients.preferredName,
  birthDate: patients.birthDate,
  sexAtBirth: patients.sexAtBirth,
  careStatus: patients.careStatus,
  active: patients.active,
  isDemo: patients.isDemo,
};

/**
 * One page of matching patients among at most candidateCap + 1 candidates (the first found by
 * the btree or trigram indexes, never every match), each row with `total`: how many candidates
 * matched (up to candidateCap + 1). Prefix matches (and searches without a name) come by family
 * name, given name and id, with no per-row scoring; substring matches are ranked by trigram
 * likeness first. Candidates carry their sort keys, so only the page is joined back for its
 * columns.
 */
export async function searchPatientRows(db: Database, filter: PatientSearchFilter) {
  const names = filter.tokens.flatMap((t) => (t.kind === 'name' ? [t.text] : []));
  const candidates = db
    .select({
      id: sql<string>`${patients.id}`.as('candidate_id'),
      family: sql<string>`${patients.legalFamilyName}`.as('family'),
      given: sql<string>`${patients.legalGivenName}`.as('given'),
      searchName: sql<string>`${patients.searchName}`.as('search_name'),
    })
    .from(patients)
    .where(and(...searchConditions(filter)))
    .limit(filter.candidateCap + 1)
    .as('candidates');
  // Substring matches: best trigram likeness first; prefix matches all score alike.
  const score =
    filter.nameMatch === 'substring' && names[0]
      ? sql<number>`similarity(${candidates.searchName}, ${names.join(' ')})`
      : sql<number>`0::real`;
  const page = db
    .select({
      id: candidates.id,
      family: candidates.family,
      given: candidates.given,
      score: score.as('score'),
      // Over every candidate: the window is computed before the page is cut.
      total: sql<number>`count(*) OVER ()`.as('total'),
    })
    .from(candidates)
    .orderBy(desc(score), candidates.family, candidates.given, candidates.id)
    .limit(filter.limit)
    .offset(filter.offset)
    .as('page');
  return db
    .select({ ...listColumns, total: sql<number>`${page.total}`.mapWith(Number) })
    .from(page)
    .innerJoin(patients, eq(patients.id, page.id))
    .orderBy(desc(page.score), page.family, page.given, page.id);
}
