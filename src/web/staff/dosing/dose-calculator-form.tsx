import type { BodyMeasurement } from '../../../contracts/dosing';
import type { DosingSettings, Sex } from '../../../domain/dosing';
import { STEP_DOSE_UNIT } from '../../../domain/protocols';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { AcknowledgementField } from './acknowledgement-field';
import {
  basisChoiceOptions,
  citationText,
  measurementChoice,
  olderAdultProposal,
  overrideHint,
  protocolOptionLabel,
  stepOptionLabel,
  type ChartSex,
} from './dose-calculator-model';
import { PatientPreparationFieldset } from './patient-preparation-fieldset';
import type { DoseFormBinding } from './use-dose-form';
import type { DoseRequests } from './use-dose-requests';
import { WeightBasisChoice } from './weight-basis-choice';

/** What the calculator needs from the chart and the clinic besides the form itself. */
export interface CalculatorChart {
  sexDefault: ChartSex;
  ageYears: number;
  latest: BodyMeasurement | null;
  settings: DosingSettings;
}

/**
 * The dose calculator: protocol and step, the IV patient and preparation, the clinician's choices, and
 * the acknowledgements a hard stop asked for.
 */
export function DoseCalculatorForm({
  doseForm,
  requests,
  chart,
}: {
  doseForm: DoseFormBinding;
  requests: DoseRequests;
  chart: CalculatorChart;
}) {
  return (
    <form onSubmit={requests.calculate} noValidate aria-labelledby="dose-calc-heading">
      <h3 id="dose-calc-heading">Calculate a dose</h3>
      <ProtocolFieldset doseForm={doseForm} chart={chart} />
      {doseForm.protocol?.route === 'iv' ? (
        <PatientPreparationFieldset
          doseForm={doseForm}
          sexDefault={chart.sexDefault}
          latest={chart.latest}
          maxAgeDays={chart.settings.bodyMeasurement.maxAgeDays}
        />
      ) : null}
      <ClinicianChoicesFieldset doseForm={doseForm} />
      <AcknowledgementsSection doseForm={doseForm} chart={chart} />
      <ErrorBanner>{requests.formError}</ErrorBanner>
      <button type="submit" className="button" disabled={requests.busy}>
        {requests.busy ? 'Calculating…' : 'Calculate'}
      </button>
    </form>
  );
}

function ProtocolFieldset({ doseForm, chart }: { doseForm: DoseFormBinding; chart: CalculatorChart }) {
  const { form, errors, set, choices, protocol, step } = doseForm;
  const proposal = olderAdultProposal(protocol, chart.ageYears, chart.settings, choices);
  return (
    <fieldset>
      <legend>Protocol</legend>
      <div className="grid">
        <SelectField
          label="Protocol"
          value={form.protocol}
          onChange={set('protocol')}
          error={errors.protocol}
          options={choices.map((c) => ({ value: c.key, label: protocolOptionLabel(c) }))}
        />
        <SelectField
          label="Protocol step"
          value={form.step}
          onChange={set('step')}
          error={errors.step}
          options={(protocol?.steps ?? []).map((s) => ({ value: s.id, label: stepOptionLabel(s) }))}
        />
      </div>
      {proposal ? (
        <div className="alert alert--warning dosing__proposal">
          <p>
            This patient is {chart.ageYears} (from the date of birth). This protocol is written for adults
            under {chart.settings.esketamine.olderAdultAgeYears}; the proposed protocol is “
            {proposal.protocol.name}”, which starts at {chart.settings.esketamine.olderAdultStartMg} mg.
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => set('protocol')(proposal.key)}
          >
            Use the {chart.settings.esketamine.olderAdultAgeYears}-and-over protocol
          </button>
        </div>
      ) : null}
      {step?.notes ? <p className="muted">{step.notes}</p> : null}
      {step && protocol ? <p className="muted">Sources: {citationText(protocol, step.citationIds)}</p> : null}
    </fieldset>
  );
}

function ClinicianChoicesFieldset({ doseForm }: { doseForm: DoseFormBinding }) {
  const { form, errors, set, step } = doseForm;
  const unit = step ? STEP_DOSE_UNIT[step.kind] : '';
  return (
    <fieldset>
      <legend>Clinician choices (optional)</legend>
      <div className="grid grid--compact">
        <TextField
          label={`Dose override (${unit})`}
          inputMode="decimal"
          value={form.override}
          onChange={set('override')}
          error={errors.override}
          hint={overrideHint(step, unit)}
          autoComplete="off"
        />
        <TextField
          label="Sessions without response so far"
          inputMode="numeric"
          value={form.sessions}
          onChange={set('sessions')}
          error={errors.sessions}
          hint="Checked against the escalation rule and the sessions recorded as given"
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}

/** The weight and height the basis options are computed from: today's entry or the latest measurement. */
function patientForOptions(
  doseForm: DoseFormBinding,
  chart: CalculatorChart,
): { weightKg: number; heightCm: number; sex: Sex } | undefined {
  const { form, measurement } = doseForm;
  const sex = form.sex;
  if (sex !== 'male' && sex !== 'female') return undefined;
  if (measurementChoice(form, measurement) === 'latest' && chart.latest)
    return { weightKg: chart.latest.weightKg, heightCm: chart.latest.heightCm, sex };
  const weightKg = Number(form.weight);
  const heightCm = Number(form.height);
  if (!(weightKg > 0) || !(heightCm > 0)) return undefined;
  return { weightKg, heightCm, sex };
}

/**
 * Each acknowledgement a hard stop asked for (or that the clinician has started answering), as its own
 * group of controls. The server decides which are needed; the form only carries the answers.
 */
function AcknowledgementsSection({ doseForm, chart }: { doseForm: DoseFormBinding; chart: CalculatorChart }) {
  const { form, errors, set, asked, step } = doseForm;
  const shows = (kind: 'weightBasis' | 'escalation' | 'highDose' | 'firstSession', ack: string) =>
    asked.includes(kind) || ack === 'yes';
  const patient = patientForOptions(doseForm, chart);
  const options = patient ? basisChoiceOptions(patient, step, form.override, chart.settings) : [];
  const any =
    shows('weightBasis', form.basisAck) ||
    form.basis !== '' ||
    shows('escalation', form.escalationAck) ||
    shows('highDose', form.highDoseAck) ||
    shows('firstSession', form.firstSessionAck);
  if (!any) return null;
  const check = (key: 'escalationAck' | 'highDoseAck' | 'firstSessionAck') => (checked: boolean) =>
    set(key)(checked ? 'yes' : '');
  return (
    <section aria-labelledby="dose-ack-heading" className="dosing__acks">
      <h4 id="dose-ack-heading">Needs your decision</h4>
      {shows('weightBasis', form.basisAck) || form.basis !== '' ? (
        <WeightBasisChoice doseForm={doseForm} options={options} />
      ) : null}
      {shows('escalation', form.escalationAck) ? (
        <AcknowledgementField
          legend="Dose above the protocol’s escalation rules"
          statement="I acknowledge this dose is above what the escalation rules and the session history allow"
          checked={form.escalationAck === 'yes'}
          onCheckedChange={check('escalationAck')}
          reason={form.escalationReason}
          onReasonChange={set('escalationReason')}
          reasonLabel="Reason for escalating"
          error={errors.escalationAck}
          reasonError={errors.escalationReason}
        />
      ) : null}
      {shows('highDose', form.highDoseAck) ? (
        <AcknowledgementField
          legend="Dose above the protocol’s absolute cap"
          statement="I confirm this high dose"
          checked={form.highDoseAck === 'yes'}
          onCheckedChange={check('highDoseAck')}
          reason={form.highDoseReason}
          onReasonChange={set('highDoseReason')}
          reasonLabel="Reason for the high dose"
          error={errors.highDoseAck}
          reasonError={errors.highDoseReason}
        />
      ) : null}
      {shows('firstSession', form.firstSessionAck) ? (
        <AcknowledgementField
          legend="First-session dose above the label (physician only)"
          statement="As the physician, I override the label’s first-session dose"
          checked={form.firstSessionAck === 'yes'}
          onCheckedChange={check('firstSessionAck')}
          reason={form.firstSessionReason}
          onReasonChange={set('firstSessionReason')}
          reasonLabel="Reason for the override"
          error={errors.firstSessionAck}
          reasonError={errors.firstSessionReason}
        />
      ) : null}
    </section>
  );
}
