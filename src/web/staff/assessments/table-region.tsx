import type { ReactNode } from 'react';

/**
 * A data table inside a focusable, labelled scroll region, so keyboard users can scroll a wide
 * table and screen readers announce what it holds. Column headers are given in order.
 */
export function TableRegion({
  label,
  caption,
  captionHidden = true,
  className = 'table',
  columns,
  children,
}: {
  label: string;
  caption: ReactNode;
  /** Most tables sit under a visible heading; their caption is for screen readers only. */
  captionHidden?: boolean;
  className?: string;
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className={className}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
