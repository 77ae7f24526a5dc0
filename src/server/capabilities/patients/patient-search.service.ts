import { searchWordDate, searchWords, type PatientSearchResult } from '../../../contracts/patients.js';
import type { CareStatus } from '../../../domain/patients/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { searchPatientRows, type NameMatch, type SearchToken } from './patients.queries.js';

export interface PatientSearch {
  q?: string;
  careStatus?: CareStatus;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

/** A date of birth (two formats), an MRN fragment ("a00012", "0012") or a part of a name. */
function classify(token: string): SearchToken {
  // The query schema has refused date-shaped words that are no real date (1980-02-30).
  const iso = searchWordDate(token);
  if (iso && iso !== 'invalid') return { kind: 'date', iso };
  if (/^a?\d{3,}$/.test(token)) return { kind: 'mrn', text: token };
  return { kind: 'name', text: token };
}

/** A search matching more than this asks the user to refine it instead of ranking everything. */
export const searchCandidateCap = 500;

/**
 * Search by name (legal or preferred), date of birth (YYYY-MM-DD or MM/DD/YYYY) or MRN. Name
 * tokens first match the start of a name part (btree prefix indexes: "smi" finds Smith); only if
 * that finds nobody do they match anywhere in a name (trigram index: "walc" finds Kowalczyk).
 * At most 500 candidates are read: beyond that the answer says `more: true` and the list asks
 * for a more precise search, so a one-letter search never counts or sorts the whole registry.
 * Prefix matches come by family name, then given name (no per-row scoring); substring matches
 * are ranked by trigram likeness first.
 */
export async function searchPatients(
  deps: AppDeps,
  actor: Actor,
  search: PatientSearch,
): Promise<PatientSearchResult> {
  const tokens = searchWords(search.q).map(classify);
  const run = (nameMatch: NameMatch) =>
    searchPatientRows(deps.db, {
      clinicId: actor.clinicId,
      includeInactive: search.includeInactive ?? false,
      careStatus: search.careStatus,
      tokens,
      nameMatch,
      candidateCap: searchCandidateCap,
      limit: search.limit,
      offset: search.offset,
    });
  let nameMatch: NameMatch = 'prefix';
  let rows = await run(nameMatch);
  if (rows.length === 0 && tokens.some((t) => t.kind === 'name') && search.offset === 0) {
    nameMatch = 'substring';
    rows = await run(nameMatch);
  }
  const matched = rows[0]?.total ?? 0;
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'patient',
    detail: {
      q: search.q ?? '',
      careStatus: search.careStatus ?? null,
      results: rows.length,
      patientIds: rows.map((r) => r.id),
    },
    outcome: 'success',
  });
  return {
    total: Math.min(matched, searchCandidateCap),
    more: matched > searchCandidateCap,
    nameMatch,
    // The columns hold what the field schemas accepted (sex at birth, care status).
    items: rows.map(({ total: _total, ...rest }) => rest as PatientSearchResult['items'][number]),
  };
}
