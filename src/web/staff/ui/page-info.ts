/** Page arithmetic for offset/limit APIs, kept apart so it can be tested without a browser. */
export function pageInfo(total: number, offset: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.floor(offset / pageSize) + 1);
  return {
    page,
    pages,
    from: total === 0 ? 0 : offset + 1,
    to: Math.min(total, offset + pageSize),
    hasPrevious: offset > 0,
    hasNext: offset + pageSize < total,
    previousOffset: Math.max(0, offset - pageSize),
    nextOffset: offset + pageSize,
  };
}
