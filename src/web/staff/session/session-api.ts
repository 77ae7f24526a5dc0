import type { z } from 'zod';
import type {
  boardResponse,
  checkInBody,
  sessionList,
  BoardItem,
  SessionEntryBody,
  SessionView,
} from '../../../contracts/session';
import { apiGet, apiPost } from '../api-client';

/** The session API as the staff screens call it: request paths, response types and query keys. */

export type { BoardItem, SessionEntryBody, SessionView };
export type BoardResponse = z.infer<typeof boardResponse>;
export type SessionList = z.infer<typeof sessionList>;
export type CheckInRequest = z.input<typeof checkInBody>;

/** An entry as a form builds it; the id that makes a retry safe is added when it is submitted. */
export type EntryDraft = SessionEntryBody extends infer T
  ? T extends SessionEntryBody
    ? Omit<T, 'clientEntryId'>
    : never
  : never;

const id = encodeURIComponent;

export const sessionPaths = {
  checkIn: '/api/sessions',
  session: (sessionId: string) => `/api/sessions/${id(sessionId)}`,
  entries: (sessionId: string) => `/api/sessions/${id(sessionId)}/entries`,
  notePdf: (sessionId: string) => `/api/sessions/${id(sessionId)}/note.pdf`,
  patientSessions: (patientId: string) => `/api/patients/${id(patientId)}/sessions`,
  board: '/api/sessions/board',
  boardStream: '/api/sessions/board/stream',
};

const sessions = ['sessions'] as const;

export const sessionKeys = {
  all: sessions,
  detail: (sessionId: string) => [...sessions, 'detail', sessionId] as const,
  board: () => [...sessions, 'board'] as const,
  patient: (patientId: string) => [...sessions, 'patient', patientId] as const,
};

export const fetchSession = (sessionId: string, signal?: AbortSignal) =>
  apiGet<SessionView>(sessionPaths.session(sessionId), signal ? { signal } : undefined);

export const fetchBoard = (signal?: AbortSignal) =>
  apiGet<BoardResponse>(sessionPaths.board, signal ? { signal } : undefined);

export const fetchPatientSessions = (patientId: string, signal?: AbortSignal) =>
  apiGet<SessionList>(sessionPaths.patientSessions(patientId), signal ? { signal } : undefined);

export const checkIn = (body: CheckInRequest) => apiPost<SessionView>(sessionPaths.checkIn, body);

export const postEntry = (sessionId: string, body: SessionEntryBody) =>
  apiPost<SessionView>(sessionPaths.entries(sessionId), body);
