import type { Protocol } from '../protocols';
import { acknowledgementOf } from './acknowledgements';
import { exceeds } from './dose-ceiling';
import type { DoseRequest, DoseWarning, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';

/**
 * SPRAVATO for treatment-resistant depression, as the label doses it (docs/clinical-sources.md#spravato-dosing):
 * adults under 65 receive 56 mg on day 1, then 56 or 84 mg by efficacy and tolerability; at 65 and over the
 * start is 28 mg (a secondary source, so a clinic setting). Day 1 counts sessions GIVEN, never sessions
 * without response. A larger first dose is a hard stop that only a physician may override, with a reason.
 *
 * The protocol schema has no age field, so the age band of the two library protocols is listed here by id;
 * a clinic's copy inherits the band of the protocol it was copied from.
 */

/** Day 1 for TRD in adults under 65 (label, primary). */
export const TRD_FIRST_SESSION_MG = 56;

export const ESKETAMINE_TRD_ID = 'esketamine-trd';
export const ESKETAMINE_TRD_OLDER_ADULT_ID = 'esketamine-trd-65-plus';

type AgeBand = 'under-older-adult-age' | 'older-adult';

const LIBRARY_AGE_BANDS: Readonly<Record<string, AgeBand>> = {
  [ESKETAMINE_TRD_ID]: 'under-older-adult-age',
  [ESKETAMINE_TRD_OLDER_ADULT_ID]: 'older-adult',
};

/** Intranasal esketamine for TRD: the protocols the label's day-1 rule governs. */
export function isEsketamineTrd(protocol: Protocol): boolean {
  return protocol.route === 'intranasal' && protocol.indication === 'treatment-resistant-depression';
}

/** The age band a protocol is written for, by its id or the protocol it was copied from. */
export function protocolAgeBand(protocol: Protocol): AgeBand | undefined {
  return LIBRARY_AGE_BANDS[protocol.id] ?? LIBRARY_AGE_BANDS[protocol.lineage?.copiedFrom?.id ?? ''];
}

/**
 * The most mg a first session may hold: by the patient's age when the chart gives it, else by the
 * protocol's own band (the under-65 day 1 when neither says).
 */
export function firstSessionLimitMg(
  protocol: Protocol,
  ageYears: number | undefined,
  s: DosingSettings,
): { mg: number; why: string } {
  const { olderAdultAgeYears, olderAdultStartMg } = s.esketamine;
  const older =
    ageYears !== undefined ? ageYears >= olderAdultAgeYears : protocolAgeBand(protocol) === 'older-adult';
  const who = ageYears !== undefined ? `a patient of ${ageYears}` : 'this protocol';
  return older
    ? {
        mg: olderAdultStartMg,
        why: `${who} starts at ${olderAdultStartMg} mg (${olderAdultAgeYears} and over)`,
      }
    : {
        mg: TRD_FIRST_SESSION_MG,
        why: `day 1 for adults under ${olderAdultAgeYears} is ${TRD_FIRST_SESSION_MG} mg`,
      };
}

/** The flag for a protocol written for the other age band, naming the one to use. */
function ageBandWarning(protocol: Protocol, ageYears: number, s: DosingSettings): DoseWarning | undefined {
  const band = protocolAgeBand(protocol);
  const age = s.esketamine.olderAdultAgeYears;
  if (band === 'under-older-adult-age' && ageYears >= age)
    return {
      code: 'protocol-for-other-age',
      field: 'protocol',
      message: `the patient is ${ageYears} (from the date of birth); this protocol is for adults under ${age}: use '${ESKETAMINE_TRD_OLDER_ADULT_ID}', which starts at ${s.esketamine.olderAdultStartMg} mg`,
    };
  if (band === 'older-adult' && ageYears < age)
    return {
      code: 'protocol-for-other-age',
      field: 'protocol',
      message: `the patient is ${ageYears} (from the date of birth); this protocol is for patients ${age} and over: '${ESKETAMINE_TRD_ID}' is written for younger adults`,
    };
  return undefined;
}

/** The age flag and the first-session rule for esketamine TRD; other protocols pass untouched. */
export function esketamineLabelGate(
  request: DoseRequest,
  protocol: Protocol,
  totalMg: number,
  s: DosingSettings,
  warnings: DoseWarning[],
): HardStop[] {
  if (!isEsketamineTrd(protocol)) return [];
  const chart = request.chart;
  const flag = chart?.ageYears === undefined ? undefined : ageBandWarning(protocol, chart.ageYears, s);
  if (flag) warnings.push(flag);

  if ((chart?.sessionsGiven ?? 0) > 0) return [];
  const limit = firstSessionLimitMg(protocol, chart?.ageYears, s);
  if (!exceeds(totalMg, limit.mg)) return [];
  const what = `${totalMg} mg at the first session: ${limit.why} (no session of this protocol family has been given yet)`;
  const state = acknowledgementOf(request.acknowledgements?.firstSession, {
    code: 'first-session-dose-above-label',
    field: 'acknowledgements.firstSession',
    message: `${what}. Only a physician may override this, with a reason.`,
  });
  if (!state.given) return [state.stop];
  if (chart?.prescriberIsPhysician !== true)
    return [
      {
        code: 'physician-override-required',
        field: 'acknowledgements.firstSession',
        message: `${what}. Only a physician may override the label's first-session dose.`,
      },
    ];
  warnings.push({
    code: 'first-session-override',
    field: 'acknowledgements.firstSession',
    message: `${what}. Overridden by a physician: ${state.reason}`,
  });
  return [];
}
