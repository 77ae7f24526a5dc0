import type { z } from 'zod';
import type {
  certificationBody,
  enrolmentBody,
  formItemView,
  formsDueResponse,
  formValuesBody,
  submissionBody,
  templateBody,
  templateList,
  CertificationView,
  EnrolmentView,
  FormsDueItem,
  RemsFormView,
} from '../../../contracts/rems';
import { apiGet, apiPost } from '../api-client';

/** The SPRAVATO REMS API as the staff screens call it: request paths, types and query keys. */

export type { CertificationView, EnrolmentView, FormsDueItem, RemsFormView };
export type FormItem = z.infer<typeof formItemView>;
export type FormsDueResponse = z.infer<typeof formsDueResponse>;
export type TemplateList = z.infer<typeof templateList>;
export type CertificationRequest = z.input<typeof certificationBody>;
export type EnrolmentRequest = z.input<typeof enrolmentBody>;
export type FormValuesRequest = z.input<typeof formValuesBody>;
export type SubmissionRequest = z.input<typeof submissionBody>;
export type TemplateRequest = z.input<typeof templateBody>;
export type FormStatus = RemsFormView['status'];

const id = encodeURIComponent;

export const remsPaths = {
  certification: '/api/rems/certification',
  enrolment: (patientId: string) => `/api/patients/${id(patientId)}/rems-enrolment`,
  sessionForm: (sessionId: string) => `/api/sessions/${id(sessionId)}/rems-form`,
  values: (formId: string) => `/api/rems-forms/${id(formId)}/values`,
  submission: (formId: string) => `/api/rems-forms/${id(formId)}/submission`,
  pdf: (formId: string) => `/api/rems-forms/${id(formId)}/pdf`,
  formsDue: '/api/rems/forms-due',
  templates: '/api/rems/form-templates',
};

/** Every REMS read starts with 'rems', so one invalidation refreshes what a write changed. */
const all = ['rems'] as const;
export const remsKeys = {
  all,
  certification: [...all, 'certification'] as const,
  enrolment: (patientId: string) => [...all, 'enrolment', patientId] as const,
  form: (formId: string) => [...all, 'form', formId] as const,
  formsDue: [...all, 'forms-due'] as const,
  templates: [...all, 'templates'] as const,
};

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined);

export const fetchCertification = (signal?: AbortSignal) =>
  apiGet<CertificationView>(remsPaths.certification, withSignal(signal));
export const fetchEnrolment = (patientId: string, signal?: AbortSignal) =>
  apiGet<EnrolmentView>(remsPaths.enrolment(patientId), withSignal(signal));
export const fetchFormsDue = (signal?: AbortSignal) =>
  apiGet<FormsDueResponse>(remsPaths.formsDue, withSignal(signal));
export const fetchTemplates = (signal?: AbortSignal) =>
  apiGet<TemplateList>(remsPaths.templates, withSignal(signal));

/**
 * The API reads a form through its session (it creates the form on the first read after the start); the
 * links to a form page carry the session (`paths.remsForm(formId, sessionId)`).
 */
export const fetchSessionForm = (sessionId: string, signal?: AbortSignal) =>
  apiGet<RemsFormView>(remsPaths.sessionForm(sessionId), withSignal(signal));

export const recordCertification = (body: CertificationRequest) =>
  apiPost<CertificationView>(remsPaths.certification, body);
export const recordEnrolment = (patientId: string, body: EnrolmentRequest) =>
  apiPost<EnrolmentView>(remsPaths.enrolment(patientId), body);
export const saveFormValues = (formId: string, body: FormValuesRequest) =>
  apiPost<RemsFormView>(remsPaths.values(formId), body);
export const submitForm = (formId: string, body: SubmissionRequest) =>
  apiPost<RemsFormView>(remsPaths.submission(formId), body);
export const loadTemplate = (body: TemplateRequest) => apiPost<unknown>(remsPaths.templates, body);
