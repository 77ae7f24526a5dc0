import type { z } from 'zod';
import type { consentList, consentTemplateList, ConsentView } from '../../../contracts/consent';
import type {
  DecisionView,
  EligibilityOverview,
  EvaluationView,
  IntakeResponse,
  MedicationsResponse,
  Product,
} from '../../../contracts/intake';
import { apiGet } from '../api-client';

/** The intake, eligibility and consent API as the staff screens call it: paths, types and query keys. */

export type ConsentTemplates = z.infer<typeof consentTemplateList>;
export type ConsentList = z.infer<typeof consentList>;
export type {
  ConsentView,
  DecisionView,
  EligibilityOverview,
  EvaluationView,
  IntakeResponse,
  MedicationsResponse,
  Product,
};

const id = encodeURIComponent;

export const eligibilityPaths = {
  intake: (patientId: string) => `/api/patients/${id(patientId)}/intake`,
  medications: (patientId: string) => `/api/patients/${id(patientId)}/medications`,
  screening: (patientId: string) => `/api/patients/${id(patientId)}/screening`,
  eligibility: (patientId: string) => `/api/patients/${id(patientId)}/eligibility`,
  templates: '/api/consent/templates',
  consents: (patientId: string) => `/api/patients/${id(patientId)}/consents`,
  countersign: (consentId: string) => `/api/consents/${id(consentId)}/countersign`,
  withdraw: (consentId: string) => `/api/consents/${id(consentId)}/withdraw`,
  pdf: (consentId: string) => `/api/consents/${id(consentId)}/pdf`,
};

/** Everything read here starts with 'eligibility', so one invalidation refreshes the tab and the badge. */
const all = ['eligibility'] as const;
export const eligibilityKeys = {
  all,
  intake: (patientId: string) => [...all, 'intake', patientId] as const,
  medications: (patientId: string) => [...all, 'medications', patientId] as const,
  overview: (patientId: string) => [...all, 'overview', patientId] as const,
  consents: (patientId: string) => [...all, 'consents', patientId] as const,
  templates: [...all, 'templates'] as const,
};

export const fetchIntake = (patientId: string, signal: AbortSignal) =>
  apiGet<IntakeResponse>(eligibilityPaths.intake(patientId), { signal });
export const fetchMedications = (patientId: string, signal: AbortSignal) =>
  apiGet<MedicationsResponse>(eligibilityPaths.medications(patientId), { signal });
export const fetchOverview = (patientId: string, signal: AbortSignal) =>
  apiGet<EligibilityOverview>(eligibilityPaths.eligibility(patientId), { signal });
export const fetchConsents = (patientId: string, signal: AbortSignal) =>
  apiGet<ConsentList>(eligibilityPaths.consents(patientId), { signal });
export const fetchTemplates = (signal: AbortSignal) =>
  apiGet<ConsentTemplates>(eligibilityPaths.templates, { signal });
