import { useCan } from '../session-context';
import { isConsentBlocker, isDecisionBlocker, productWords } from './eligibility-text';
import { useEligibilityOverview } from './use-eligibility-queries';

/**
 * The chart banner's reminder: no valid consent or no valid eligibility decision for a product, from the
 * readiness blockers. Shown only to people who can read eligibility.
 */
export function EligibilityBadge({ patientId }: { patientId: string }) {
  const can = useCan();
  const { data } = useEligibilityOverview(patientId, can('intake.read'));
  if (!data) return null;
  const missing = (test: (code: string) => boolean) =>
    data.readiness.filter((r) => r.blockers.some((b) => test(b.code)));
  const noConsent = missing(isConsentBlocker);
  const noDecision = missing(isDecisionBlocker);
  if (noConsent.length === 0 && noDecision.length === 0) return null;
  const names = (list: typeof noConsent) => list.map((r) => productWords[r.product]).join(', ');
  return (
    <p className="eligibility-badge" aria-label="Eligibility and consent">
      {noDecision.length > 0 ? (
        <span className="badge badge--warning">No valid eligibility decision: {names(noDecision)}</span>
      ) : null}{' '}
      {noConsent.length > 0 ? (
        <span className="badge badge--warning">No valid consent: {names(noConsent)}</span>
      ) : null}
    </p>
  );
}
