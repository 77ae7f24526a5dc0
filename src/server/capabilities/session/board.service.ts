import { inArray } from 'drizzle-orm';
import type { BoardItem } from '../../../contracts/session.js';
import { patients } from '../../../db/schema.js';
import { clinicDateOf, clinicDayBounds } from '../../../domain/clinic/index.js';
import { vitalsSchedule, type SessionKind, type SessionState } from '../../../domain/session/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { foldEntries } from './session-chart.js';
import { entriesOf, sessionsBetween, type SessionRow } from './session.queries.js';

/**
 * The chair board: every session checked in today (the clinic's day), with minutes into the infusion,
 * the next vitals due and whether they are late or missed, the last reading and its alerts. Only what
 * a board at the nurses' station needs: names, not the chart.
 */

type VitalsStatus = BoardItem['vitalsStatus'];

function vitalsStatusOf(statuses: string[]): VitalsStatus {
  if (statuses.length === 0) return 'none';
  for (const s of ['missed', 'late', 'due'] as const) if (statuses.includes(s)) return s;
  return 'on_time';
}

async function boardItem(
  deps: AppDeps,
  row: SessionRow,
  patientName: string,
  settings: Awaited<ReturnType<typeof readStoredClinic>>,
  now: number,
): Promise<BoardItem> {
  const chart = foldEntries(await entriesOf(deps.db, row.id));
  const kind = row.kind as SessionKind;
  const schedule =
    chart.startedAt === null
      ? null
      : vitalsSchedule(
          kind,
          { startedAt: chart.startedAt, stoppedAt: chart.stoppedAt, endedAt: chart.endedAt },
          chart.vitals.map((v) => v.entry.eventAt.getTime()),
          settings!.settings.session.vitalsCadence,
          now,
        );
  const last = chart.vitals[chart.vitals.length - 1];
  const r = last?.payload.reading;
  const runningEnd = chart.stoppedAt ?? now;
  return {
    sessionId: row.id,
    patientName,
    chairLabel: row.chairLabel,
    kind,
    state: row.state as SessionState,
    version: row.version,
    checkedInAt: row.checkedInAt.toISOString(),
    minutesIntoInfusion:
      chart.startedAt === null ? null : Math.floor((runningEnd - chart.startedAt) / 60_000),
    nextVitalsDue: schedule?.nextDue ? new Date(schedule.nextDue).toISOString() : null,
    vitalsStatus: vitalsStatusOf((schedule?.slots ?? []).map((s) => s.status)),
    lastVitals:
      last && r
        ? {
            takenAt: last.entry.eventAt.toISOString(),
            text: `${r.systolic}/${r.diastolic} HR ${r.heartRate} SpO2 ${r.spo2}${r.respiratoryRate ? ` RR ${r.respiratoryRate}` : ''}`,
          }
        : null,
    alerts: last ? last.payload.alerts.map((a) => a.message) : [],
  };
}

export async function readBoard(deps: AppDeps, actor: Actor): Promise<{ items: BoardItem[] }> {
  const clinic = await readStoredClinic(deps.db, actor.clinicId);
  const zone = clinic!.settings.timeZone;
  const now = deps.now();
  const day = clinicDayBounds(clinicDateOf(now.toISOString(), zone), zone);
  const rows = await sessionsBetween(
    deps.db,
    actor.clinicId,
    new Date(day.start.epochMilliseconds),
    new Date(day.end.epochMilliseconds),
  );
  const names = new Map(
    rows.length === 0
      ? []
      : (
          await deps.db
            .select({ id: patients.id, given: patients.legalGivenName, family: patients.legalFamilyName })
            .from(patients)
            .where(inArray(patients.id, [...new Set(rows.map((r) => r.patientId))]))
        ).map((p) => [p.id, `${p.family}, ${p.given}`]),
  );
  const items = await Promise.all(
    rows.map((row) =>
      boardItem(deps, row, names.get(row.patientId) ?? 'Unknown patient', clinic, now.getTime()),
    ),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'session.board',
    detail: { returned: items.length },
    outcome: 'success',
  });
  return { items };
}
