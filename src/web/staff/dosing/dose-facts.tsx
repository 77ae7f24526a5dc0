import type { ReactNode } from 'react';
import type { DoseRecord } from '../../../contracts/dosing';
import type { ComputedIvDose } from '../../../domain/dosing';
import { devicesText, doseTime, pumpRateText } from './dose-card-model';
import { formatDate } from '../format';

/** A dose's amounts and its life so far (ordered, verified, ready, cancelled, amending), as a term list. */
export function DoseFacts({ dose }: { dose: DoseRecord }) {
  const r = dose.result;
  return (
    <dl className="dosing__facts">
      {r.route === 'iv' ? <IvFacts dose={dose} iv={r} /> : <Fact term="Devices">{devicesText(r)}</Fact>}
      <ActorFact term="Ordered" actor={dose.ordered} />
      {dose.verified ? <ActorFact term="Verified" actor={dose.verified} /> : null}
      {dose.markedReady ? <ActorFact term="Ready to administer" actor={dose.markedReady} /> : null}
      {dose.cancelled ? (
        <Fact term="Cancelled">
          {dose.cancelled.label}: {dose.cancelled.reason}
        </Fact>
      ) : null}
      {dose.amends ? <Fact term="Amends">an earlier dose: {dose.amends.reason}</Fact> : null}
    </dl>
  );
}

/** mg/kg is shown recomputed from the stored inputs when the server could, and on actual weight too. */
function IvFacts({ dose, iv }: { dose: DoseRecord; iv: ComputedIvDose }) {
  return (
    <>
      <Fact
        term={
          <>
            mg/kg ({iv.weightBasis.basis} weight {iv.weightBasis.weightUsedKg} kg)
          </>
        }
      >
        {dose.recomputed ? dose.recomputed.onBasisUsed.mgPerKg.toFixed(3) : iv.mgPerKg.toFixed(3)}
      </Fact>
      <Fact term="mg/kg on actual weight">{dose.recomputed?.onActualWeight.mgPerKg.toFixed(3)}</Fact>
      <Fact term="Weight and height">
        {iv.patient.weightKg} kg, {iv.patient.heightCm} cm
        {iv.bodyMeasurement
          ? iv.bodyMeasurement.source === 'stored'
            ? `, measured ${formatDate(iv.bodyMeasurement.measuredAt)}`
            : ', entered with the order'
          : ''}
      </Fact>
      <Fact term="Drug volume">{iv.drugVolumeMl} mL</Fact>
      <Fact term="Pump rate">{pumpRateText(iv)}</Fact>
    </>
  );
}

function ActorFact({ term, actor }: { term: string; actor: { label: string; at: string | null } }) {
  return (
    <Fact term={term}>
      {actor.label}, {doseTime(actor.at)}
    </Fact>
  );
}

function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
