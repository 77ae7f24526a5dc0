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

/** LIKE metacharacters typed by the person are matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The three name parts a prefix matches; each has a covering btree index (migration 0015). */
const nameParts = [patients.legalFamilyName, patients.legalGivenName, patients.preferredName];

/** The placeholder of the i-th search word (its value: the date, or the LIKE pattern). */
const word = (i: number) => sql.placeholder(`w${i}`);

function tokenCondition(token: SearchToken, i: number, nameMatch: NameMatch): SQL {
  if (token.kind === 'date') return sql`${patients.birthDate} = ${word(i)}::date`;
  if (token.kind === 'mrn') return sql`lower(${patients.mrn}) LIKE ${word(i)}`;
  if (nameMatch === 'substring') return sql`${patients.searchName} LIKE ${word(i)}`;
  return sql`(${sql.join(
    nameParts.map((part) => sql`lower(${part}) LIKE ${word(i)}`),
    sql` OR `,
  )})`;
}

function wordPattern(token: SearchToken, nameMatch: NameMatch): string {
  if (token.kind === 'date') return token.iso;
  if (token.kind === 'mrn') return `%${token.text}%`;
  return nameMatch === 'prefix' ? `${escapeLike(token.text)}%` : `%${escapeLike(token.text)}%`;
}

/** Every condition but the words in `skip` (the word that picks the candidates from an index). */
function searchConditions(filter: PatientSearchFilter, skip = -1): SQL[] {
  const conditions: SQL[] = [eq(patients.clinicId, sql.placeholder('clinicId'))];
  if (!filter.includeInactive) conditions.push(eq(patients.active, true));
  if (filter.careStatus) conditions.push(eq(patients.careStatus, sql.placeholder('careStatus')));
  filter.tokens.forEach((token, i) => {
    if (i !== skip) conditions.push(tokenCondition(token, i, filter.nameMatch));
  });
  return conditions;
}

const candidateColumns = {
  id: sql<string>`${patients.id}`.as('candidate_id'),
  family: sql<string>`${patients.legalFamilyName}`.as('family'),
  given: sql<string>`${patients.legalGivenName}`.as('given'),
  searchName: sql<string>`${patients.searchName}`.as('search_name'),
};

/**
 * At most candidateCap + 1 matching patients with their sort keys. A prefix search on a name reads
 * the first name word through one covering index per name part (index-only scans, each capped, then
 * de-duplicated: a patient can match on two parts) instead of a bitmap scan that visits the heap
 * page of every candidate; the other words filter on columns the indexes carry.
 */
function searchCandidates(db: Database, filter: PatientSearchFilter) {
  const cap = sql.placeholder('cap');
  const leading = filter.tokens.findIndex((t) => t.kind === 'name');
  if (filter.nameMatch === 'substring' || leading < 0) {
    return db
      .select(candidateColumns)
      .from(patients)
      .where(and(...searchConditions(filter)))
      .limit(cap)
      .as('candidates');
  }
  const rest = searchConditions(filter, leading);
  const [first, ...others] = nameParts.map((part) =>
    db
      .select({ ...candidateColumns, searchName: sql<string>`''`.as('search_name') })
      .from(patients)
      .where(and(...rest, sql`lower(${part}) LIKE ${word(leading)}`))
      .limit(cap),
  );
  const branches = first!.unionAll(others[0]!).unionAll(others[1]!).as('branches');
  return db
    .selectDistinctOn([branches.id], {
      id: sql<string>`${branches.id}`.as('candidate_id'),
      family: sql<string>`${branches.family}`.as('family'),
      given: sql<string>`${branches.given}`.as('given'),
      searchName: sql<string>`${branches.searchName}`.as('search_name'),
    })
    .from(branches)
    .orderBy(branches.id)
    .limit(cap)
    .as('candidates');
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
function prepareSearch(db: Database, filter: PatientSearchFilter) {
  const candidates = searchCandidates(db, filter);
  // Substring matches: best trigram likeness first; prefix matches all score alike.
  const score =
    filter.nameMatch === 'substring' && filter.tokens.some((t) => t.kind === 'name')
      ? sql<number>`similarity(${candidates.searchName}, ${sql.placeholder('names')})`
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
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return (
    db
      .select({ ...listColumns, total: sql<number>`${page.total}`.mapWith(Number) })
      .from(page)
      .innerJoin(patients, eq(patients.id, page.id))
      .orderBy(desc(page.score), page.family, page.given, page.id)
      // Unnamed: PostgreSQL plans each execution with its own words, so a prefix pattern becomes
      // an index range (a named statement's generic plan could not use the prefix indexes).
      .prepare('')
  );
}

/** Searches of one shape (which kinds of words, which filters) share their built statement. */
function searchShape(filter: PatientSearchFilter): string {
  const words = filter.tokens.map((t) => t.kind[0]).join('');
  return `${filter.nameMatch}:${filter.includeInactive}:${filter.careStatus ? 1 : 0}:${words}`;
}

const preparedSearches = new WeakMap<Database, Map<string, ReturnType<typeof prepareSearch>>>();

/**
 * One page of matching patients among at most candidateCap + 1 candidates (the first found by
 * the btree or trigram indexes, never every match), each row with `total`: how many candidates
 * matched (up to candidateCap + 1). Prefix matches (and searches without a name) come by family
 * name, given name and id, with no per-row scoring; substring matches are ranked by trigram
 * likeness first. Candidates carry their sort keys, so only the page is joined back for its
 * columns. Building the statement costs more than running it, so each shape is built once.
 */
export async function searchPatientRows(db: Database, filter: PatientSearchFilter) {
  let byShape = preparedSearches.get(db);
  if (!byShape) preparedSearches.set(db, (byShape = new Map()));
  const shape = searchShape(filter);
  let statement = byShape.get(shape);
  if (!statement) byShape.set(shape, (statement = prepareSearch(db, filter)));
  const words = Object.fromEntries(
    filter.tokens.map((token, i) => [`w${i}`, wordPattern(token, filter.nameMatch)]),
  );
  return statement.execute({
    ...words,
    clinicId: filter.clinicId,
    careStatus: filter.careStatus,
    names: filter.tokens.flatMap((t) => (t.kind === 'name' ? [t.text] : [])).join(' '),
    cap: filter.candidateCap + 1,
    limit: filter.limit,
    offset: filter.offset,
  });
}
