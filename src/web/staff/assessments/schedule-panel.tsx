import type { InstrumentEntry } from '../../../contracts/measurement';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { ActivePlans } from './active-plans';
import { InfusionDates } from './infusion-dates';
import { ScheduleDueTable } from './schedule-due-table';
import { visibleDueItems } from './schedule-model';
import { StartPlanForm } from './start-plan-form';
import { useSchedulePanel } from './use-schedule-panel';

/**
 * The patient's measurement plan, the infusion dates it is relative to (entered by hand until a
 * scheduling module exists) and what is due.
 */
export function SchedulePanel({
  patientId,
  instruments,
  refreshKey,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  refreshKey: number;
}) {
  const can = useCan();
  const { data, error, loading, problem, anchorForm, planForm, endPlan, cancelAnchor } = useSchedulePanel(
    patientId,
    refreshKey,
  );
  if (!data) return <LoadState loading={loading} error={error} />;
  const canManage = can('schedule.manage');
  const active = data.plans.filter((p) => p.status === 'active');
  return (
    <section aria-labelledby="mbc-schedule-title" className="mbc-section">
      <h3 id="mbc-schedule-title">Measurement plan</h3>
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {active.length === 0 ? <p className="muted">No active plan.</p> : null}
      <ActivePlans plans={active} clinicians={data.clinicians} canManage={canManage} onEnd={endPlan} />
      {canManage && active.length === 0 ? <StartPlanForm clinicians={data.clinicians} {...planForm} /> : null}
      <InfusionDates anchors={data.anchors} canManage={canManage} onCancel={cancelAnchor} {...anchorForm} />
      <ScheduleDueTable due={visibleDueItems(data.due, Date.now())} instruments={instruments} />
    </section>
  );
}
