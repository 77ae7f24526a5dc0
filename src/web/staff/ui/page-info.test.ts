import { describe, expect, it } from 'vitest';
import { pageInfo } from './page-info';

describe('pageInfo', () => {
  it('describes the first of several pages', () => {
    expect(pageInfo(60, 0, 25)).toMatchObject({
      page: 1,
      pages: 3,
      from: 1,
      to: 25,
      hasPrevious: false,
      hasNext: true,
      nextOffset: 25,
    });
  });
  it('describes the last, partial page', () => {
    expect(pageInfo(60, 50, 25)).toMatchObject({
      page: 3,
      from: 51,
      to: 60,
      hasNext: false,
      previousOffset: 25,
    });
  });
  it('handles no results', () => {
    expect(pageInfo(0, 0, 25)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, hasNext: false });
  });
});
