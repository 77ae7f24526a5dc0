import type { Sex } from './body-weight';
import { exceeds } from './dose-ceiling';
import type { BodyMeasurementFact, ChartFacts, DoseWarning, ExplanationLine, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { explain, given } from './explain';

/**
 * Inputs that belong to the chart, not to the request: the sex the ideal-weight formula uses, and the
 * dated body measurement the weight and height come from (docs/dosing.md §2.1).
 */

const isFormulaSex = (v: unknown): v is Sex => v === 'male' || v === 'female';

/**
 * The sex the Devine formula uses: the chart's, when it records male or female (a request that differs is
 * flagged); otherwise the clinician's choice, flagged, because the chart cannot answer.
 */
export function resolveSex(
  requested: unknown,
  chart: ChartFacts | undefined,
  warnings: DoseWarning[],
): unknown {
  const recorded = chart?.sexAtBirth;
  if (recorded === undefined) return requested;
  if (isFormulaSex(recorded)) {
    if (requested !== undefined && requested !== recorded)
      warnings.push({
        code: 'sex-differs-from-chart',
        field: 'patient.sex',
        message: `the request said '${String(requested)}' but the chart records sex at birth as '${recorded}'; the chart's value is used`,
      });
    return recorded;
  }
  warnings.push({
    code: 'sex-not-in-chart',
    field: 'patient.sex',
    message: `the chart records sex at birth as '${recorded}'; the Devine formula needs male or female, so the clinician's choice '${String(requested)}' is used`,
  });
  return requested;
}

/** A stored measurement older than the clinic accepts is a hard stop on the weight. */
export function measurementAgeStop(
  measurement: BodyMeasurementFact | undefined,
  s: DosingSettings,
): HardStop | undefined {
  if (!measurement || measurement.source !== 'stored') return undefined;
  const max = s.bodyMeasurement.maxAgeDays;
  if (!exceeds(measurement.ageDays, max)) return undefined;
  return {
    code: 'measurement-too-old',
    field: 'patient.weight',
    message: `the latest weight and height were measured ${Math.floor(measurement.ageDays)} days ago; this clinic doses on a measurement at most ${max} days old. Record a new measurement or enter today's weight and height.`,
  };
}

/** A change since the weight of the last dose beyond the clinic's percentage is flagged. */
export function weightChangeWarning(
  weightKg: number,
  chart: ChartFacts | undefined,
  s: DosingSettings,
): DoseWarning | undefined {
  const last = chart?.lastDoseWeightKg;
  if (last === undefined || last === null || !(last > 0)) return undefined;
  const percent = (Math.abs(weightKg - last) / last) * 100;
  const limit = s.bodyMeasurement.weightChangeWarnPercent;
  if (!exceeds(percent, limit)) return undefined;
  return {
    code: 'weight-changed-since-last-dose',
    field: 'patient.weight',
    message: `weight ${weightKg} kg differs by ${percent.toFixed(1)}% from the ${last} kg of the last dose (the clinic flags more than ${limit}%); check the measurement`,
  };
}

/** How old the weight and height are, as a line of the explanation. */
export function measurementLine(m: BodyMeasurementFact): ExplanationLine {
  return explain(
    'bodyMeasurementAgeDays',
    'Age of the weight and height',
    Math.floor(m.ageDays),
    'days',
    'time of the calculation − time measured (whole days)',
    [
      given('measured at', m.measuredAt, ''),
      given(
        'source',
        m.source === 'stored' ? 'dated body measurement on the chart' : 'entered with this dose',
        '',
      ),
    ],
  );
}
