/**
 * Query keys, one factory per capability. Every key starts with the capability's name, so
 * `invalidateQueries({ queryKey: queryKeys.users.all })` refreshes everything read about it, and a key
 * holds every input of its request (filters, ids), so different requests never share a cache entry.
 */
const users = ['users'] as const;
const patients = ['patients'] as const;

/** The patient search as the list page sends it. */
export interface PatientSearchKey {
  q?: string;
  page?: number;
}

export const queryKeys = {
  users: {
    all: users,
    list: () => [...users, 'list'] as const,
  },
  patients: {
    all: patients,
    list: (search: PatientSearchKey) => [...patients, 'list', search] as const,
    detail: (id: string) => [...patients, 'detail', id] as const,
  },
};
