/** The chart's key; the thresholds are given as numbers too, not only as line styles. */
export function TrajectoryChartLegend({
  responseLine,
  remission,
  hasInfusions,
}: {
  responseLine: number | undefined;
  remission: { operator: string; value: number } | undefined;
  hasInfusions: boolean;
}) {
  return (
    <figcaption className="mbc-chart__legend">
      <span>
        <span className="mbc-key mbc-key--line" aria-hidden="true" /> score (red dot: flagged)
      </span>
      <span>
        <span className="mbc-key mbc-key--baseline" aria-hidden="true" /> baseline
      </span>
      {responseLine !== undefined ? (
        <span>
          <span className="mbc-key mbc-key--response" aria-hidden="true" /> response threshold (
          {Math.round(responseLine * 10) / 10})
        </span>
      ) : null}
      {remission !== undefined ? (
        <span>
          <span className="mbc-key mbc-key--remission" aria-hidden="true" /> remission ({remission.operator}{' '}
          {remission.value})
        </span>
      ) : null}
      {hasInfusions ? <span>▲ / dashed: infusion</span> : null}
    </figcaption>
  );
}
