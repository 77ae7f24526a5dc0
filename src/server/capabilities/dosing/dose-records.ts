import type { DoseRecord, ProtocolOrigin } from '../../../contracts/dosing.js';
import { recomputeMgPerKg, type ComputedDose, type DosingSettings } from '../../../domain/dosing/index.js';
import type { Executor } from '../../../db/client.js';
import { userLabels, type DoseRow } from './doses.queries.js';

/**
 * Stored dose rows as the API returns them (doseRecordResponse): who ordered, verified, marked ready or
 * cancelled each one by name, and mg/kg recomputed from the stored inputs rather than read back.
 */
export async function doseRecords(db: Executor, rows: DoseRow[]): Promise<DoseRecord[]> {
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.orderedBy, r.verifiedBy, r.markedReadyBy, r.cancelledBy])
        .filter((x): x is string => !!x),
    ),
  ];
  const names = await userLabels(db, ids);
  const person = (id: string, at: Date | null) => ({
    id,
    label: names.get(id) ?? 'Unknown user',
    at: at?.toISOString() ?? null,
  });
  const who = (id: string | null, at: Date | null) => (id ? person(id, at) : null);
  return rows.map((r) => {
    const result = r.result as ComputedDose;
    // Recomputed from the stored weight, height, sex and basis, never read back (docs/dosing.md §5).
    const recomputed =
      result.route === 'iv'
        ? { onBasisUsed: recomputeMgPerKg(result), onActualWeight: recomputeMgPerKg(result, 'actual') }
        : null;
    return {
      id: r.id,
      patientId: r.patientId,
      protocol: {
        origin: r.protocolOrigin as ProtocolOrigin,
        id: r.protocolId,
        version: r.protocolVersion,
        name: result.protocol.name,
      },
      stepId: r.stepId,
      status: r.status,
      verificationRequired: r.verificationRequired,
      inputs: r.inputs as DoseRecord['inputs'],
      settings: r.settings as DosingSettings,
      result,
      recomputed,
      ordered: person(r.orderedBy, r.orderedAt),
      verified: who(r.verifiedBy, r.verifiedAt),
      markedReady: who(r.markedReadyBy, r.markedReadyAt),
      bodyMeasurementId: r.bodyMeasurementId,
      cancelled: r.cancelledBy ? { ...person(r.cancelledBy, r.cancelledAt), reason: r.cancelReason } : null,
      amends: r.amendsDoseId ? { doseId: r.amendsDoseId, reason: r.amendmentReason } : null,
    };
  });
}

export async function doseRecord(db: Executor, row: DoseRow): Promise<DoseRecord> {
  return (await doseRecords(db, [row]))[0]!;
}
