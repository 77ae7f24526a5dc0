import type { TrajectoryView } from '../../../contracts/measurement';
import { formatDateTime } from '../format';
import { fromBaselineSuffix, outcomeVerdict } from './trajectory-format';

type Outcomes = NonNullable<TrajectoryView['outcomes']>;
type RuleOutcome = NonNullable<Outcomes['response']>;

/** One verdict with the rule that produced it and, when there is one, the rule's citation. */
function OutcomeRuleRow({
  term,
  testId,
  outcome,
  verdict,
  note,
}: {
  term: string;
  testId: string;
  outcome: RuleOutcome;
  verdict: string;
  note?: string;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <strong data-testid={testId}>{verdict}</strong>
        {note} — rule: {outcome.rule}
        {outcome.citation ? (
          <span className="muted">
            {' '}
            [{outcome.citation.source}; {outcome.citation.provenance}]
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** Baseline, latest, response and remission, each with the rule used, so the verdict can be checked. */
export function OutcomeSummary({ outcomes: o, shortTitle }: { outcomes: Outcomes; shortTitle: string }) {
  return (
    <dl className="mbc-outcomes" aria-label="Outcome">
      <div>
        <dt>Baseline</dt>
        <dd>
          {o.baseline.value} on {formatDateTime(o.baseline.date)}{' '}
          <span className="muted">({o.baseline.rule})</span>
        </dd>
      </div>
      <div>
        <dt>Latest</dt>
        <dd>
          {o.latest.value} on {formatDateTime(o.latest.date)}
          {fromBaselineSuffix(o.percentChange.value)}
        </dd>
      </div>
      {o.response ? (
        <OutcomeRuleRow
          term="Response"
          testId="mbc-response"
          outcome={o.response}
          verdict={outcomeVerdict(o.response.met, 'Response', 'No response')}
          note={o.response.firstMetDate ? ` (first met ${formatDateTime(o.response.firstMetDate)})` : ''}
        />
      ) : null}
      {o.remission ? (
        <OutcomeRuleRow
          term="Remission"
          testId="mbc-remission"
          outcome={o.remission}
          verdict={outcomeVerdict(o.remission.met, 'Remission', 'No remission')}
        />
      ) : null}
      {!o.response && !o.remission ? (
        <div>
          <dt>Outcome rules</dt>
          <dd>No cited response or remission definition for {shortTitle}.</dd>
        </div>
      ) : null}
    </dl>
  );
}
