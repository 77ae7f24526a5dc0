import { describe, expect, it } from 'vitest';
import { routerHref } from './link';
import { appRelativePath, decodeParam, matchPattern, parseRoute, paths, routePatterns } from './routes';

describe('route patterns', () => {
  it('types and reads the parameters of a pattern', () => {
    const params = matchPattern(routePatterns.patient, '/patients/abc/history');
    expect(params).toMatchObject({ id: 'abc', tab: 'history' });
    // Typed from the pattern: `id` is a string, `tab` optional.
    const id: string | undefined = params?.id;
    const tab: string | undefined = params?.tab;
    expect([id, tab]).toEqual(['abc', 'history']);
    expect(matchPattern(routePatterns.patient, '/patients')).toBeNull();
    expect(matchPattern(routePatterns.patient, '/patients/a/b/c')).toBeNull();
  });

  it('decodes ids once, including escaped slashes, and keeps malformed escapes', () => {
    expect(parseRoute(paths.patient('a/b?c#d%e'))).toEqual({
      name: 'patient',
      id: 'a/b?c#d%e',
      tab: undefined,
    });
    expect(parseRoute(paths.patient('100%25'))).toMatchObject({ id: '100%25' });
    expect(decodeParam('%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodeParam(undefined)).toBeUndefined();
  });

  it('accepts a trailing slash and knows nothing outside /app', () => {
    expect(parseRoute('/app/users/')).toEqual({ name: 'users' });
    expect(parseRoute('/app/patients/new/')).toEqual({ name: 'patient-new' });
    expect(parseRoute('/application')).toEqual({ name: 'not-found' });
    expect(parseRoute('/patients')).toEqual({ name: 'not-found' });
    expect(appRelativePath('/app')).toBe('/');
    expect(appRelativePath('/app/due')).toBe('/due');
    expect(appRelativePath('/elsewhere')).toBeNull();
  });
});

describe('routerHref', () => {
  it('makes app paths relative to the router base and marks others absolute', () => {
    expect(routerHref(paths.patients())).toBe('/patients');
    expect(routerHref(`${paths.patients()}?q=ann`)).toBe('/patients?q=ann');
    expect(routerHref('/app')).toBe('~/app');
    expect(routerHref('/api/users.csv')).toBe('~/api/users.csv');
  });
});
