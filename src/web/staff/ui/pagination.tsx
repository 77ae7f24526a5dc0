import { pageInfo } from './page-info';

interface PaginationProps {
  total: number;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  label: string;
}

export function Pagination({ total, offset, pageSize, onOffset, label }: PaginationProps) {
  const info = pageInfo(total, offset, pageSize);
  if (info.pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!info.hasPrevious}
        onClick={() => onOffset(info.previousOffset)}
      >
        Previous
      </button>
      <span>
        Page {info.page} of {info.pages} ({info.from}–{info.to} of {total})
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!info.hasNext}
        onClick={() => onOffset(info.nextOffset)}
      >
        Next
      </button>
    </nav>
  );
}
