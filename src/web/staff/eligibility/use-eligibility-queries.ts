import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApiQuery } from '../query/use-api-query';
import {
  eligibilityKeys,
  fetchConsents,
  fetchIntake,
  fetchMedications,
  fetchOverview,
  fetchTemplates,
} from './eligibility-api';

/** The intake, eligibility and consent reads through the shared cache; `enabled` follows permissions. */

export const useIntake = (patientId: string, enabled = true) =>
  useApiQuery(eligibilityKeys.intake(patientId), (signal) => fetchIntake(patientId, signal), { enabled });

export const useMedications = (patientId: string, enabled = true) =>
  useApiQuery(eligibilityKeys.medications(patientId), (signal) => fetchMedications(patientId, signal), {
    enabled,
  });

export const useEligibilityOverview = (patientId: string, enabled = true) =>
  useApiQuery(eligibilityKeys.overview(patientId), (signal) => fetchOverview(patientId, signal), {
    enabled,
  });

export const useConsents = (patientId: string, enabled = true) =>
  useApiQuery(eligibilityKeys.consents(patientId), (signal) => fetchConsents(patientId, signal), {
    enabled,
  });

export const useConsentTemplates = () => useApiQuery(eligibilityKeys.templates, fetchTemplates);

/** After any write: every intake, eligibility and consent read on screen is fetched again. */
export function useRefreshEligibility(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: eligibilityKeys.all }), [queryClient]);
}
