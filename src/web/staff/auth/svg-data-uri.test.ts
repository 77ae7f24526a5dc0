import { describe, expect, it } from 'vitest';
import { groupSecret, svgDataUri } from './svg-data-uri';

describe('svgDataUri', () => {
  it('base64-encodes UTF-8 so the SVG round-trips', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>é</text></svg>';
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const decoded = Buffer.from(uri.split(',')[1]!, 'base64').toString('utf8');
    expect(decoded).toBe(svg);
  });
});

describe('groupSecret', () => {
  it('splits into groups of four', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCD')).toBe('ABCD');
  });
});
