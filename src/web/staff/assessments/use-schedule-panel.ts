import { useState, type FormEvent } from 'react';
import type { Plan } from '../../../contracts/measurement';
import { examplePlanRules } from '../../../domain/measurement/index';
import { errorMessage } from '../api-client';
import { useLoad } from '../ui/use-load';
import { localInputToIso, measurementApi } from './measurement-api';
import { maintenanceStartIso, nextInfusionLabel } from './schedule-model';

/**
 * The schedule panel's data and actions. The form fields live here rather than in the forms, so a
 * form that hides (a plan started) and shows again (the plan ended) keeps what was typed.
 */
export function useSchedulePanel(patientId: string, refreshKey: number) {
  const { data, error, loading, reload } = useLoad(
    (signal) => measurementApi.schedule(patientId, signal),
    `${patientId}:${refreshKey}`,
  );
  const [when, setWhen] = useState('');
  const [maintenanceFrom, setMaintenanceFrom] = useState('');
  const [clinician, setClinician] = useState('');
  const [problem, setProblem] = useState<string>();
  // Every change reloads the schedule, since the due list is recomputed from plans and dates.
  const act = (run: () => Promise<unknown>) => {
    setProblem(undefined);
    run().then(reload, (e: unknown) => setProblem(errorMessage(e)));
  };

  const addAnchor = (event: FormEvent) => {
    event.preventDefault();
    if (!when) return;
    act(() =>
      measurementApi
        .addAnchor(patientId, {
          at: localInputToIso(when),
          label: nextInfusionLabel(data?.anchors.length ?? 0),
        })
        .then(() => setWhen('')),
    );
  };
  const createPlan = (event: FormEvent) => {
    event.preventDefault();
    const from = maintenanceStartIso(maintenanceFrom, Date.now());
    act(() =>
      measurementApi.createPlan(patientId, {
        name: 'PHQ-9 and GAD-7 around infusions, weekly in maintenance',
        rules: examplePlanRules(from),
        responsibleClinicianId: clinician || null,
      }),
    );
  };
  const endPlan = (plan: Plan) =>
    act(() => measurementApi.updatePlan(plan.id, { version: plan.version, status: 'ended' }));
  const cancelAnchor = (anchorId: string) => act(() => measurementApi.cancelAnchor(anchorId));

  return {
    data,
    error,
    loading,
    problem,
    anchorForm: { when, setWhen, addAnchor },
    planForm: { maintenanceFrom, setMaintenanceFrom, clinician, setClinician, createPlan },
    endPlan,
    cancelAnchor,
  };
}
