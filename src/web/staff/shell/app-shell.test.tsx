import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { Me } from '../../../contracts/auth';
import { permissionTable, staffRoles, type StaffRole } from '../../../domain/auth';
import { appBase, parseRoute, paths, type Route } from '../routing/routes';
import { SessionContext } from '../session-context';
import { AppNav } from './app-nav';
import { PageBoundary, PageLoadFailed } from './page-boundary';
import { pageLoaders, shellPages } from './shell-pages';

function me(role: StaffRole): Me {
  return {
    stage: 'full',
    user: { id: 'u1', email: 'someone@example.test', displayName: 'Someone', role },
    clinic: { id: 'c1', name: 'Clinic', isDemo: false, timeZone: 'America/New_York' },
    permissions: [...permissionTable[role]],
  };
}

function nav(role: StaffRole, route: Route) {
  return renderToStaticMarkup(
    <Router base={appBase} ssrPath="/app/outbox">
      <SessionContext.Provider value={{ me: me(role), signOut: () => undefined, refresh: () => undefined }}>
        <AppNav route={route} />
      </SessionContext.Provider>
    </Router>,
  );
}

describe('the shell’s pages', () => {
  it('loads every page on demand, so signing in downloads none of them', () => {
    const lazy = Symbol.for('react.lazy');
    const pages = Object.entries(shellPages);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const [name, page] of pages) expect((page as { $$typeof?: symbol }).$$typeof, name).toBe(lazy);
    expect(Object.keys(pageLoaders).sort()).toEqual(Object.keys(shellPages).sort());
  });

  it('shows a small labelled loading state, and no heading, while a page loads', () => {
    const html = renderToStaticMarkup(
      <PageBoundary resetKey="/app/users">
        <shellPages.UsersPage />
      </PageBoundary>,
    );
    expect(html).toBe('<p class="muted page-loading" role="status" aria-live="polite">Loading page…</p>');
    expect(html).not.toContain('<h1');
  });

  it('says plainly when a page could not be loaded, with a way to reload', () => {
    const html = renderToStaticMarkup(<PageLoadFailed />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('<h1>This page could not be loaded</h1>');
    expect(html).toContain('>Reload</button>');
  });
});

describe('the outbox in the menu', () => {
  it('has its own address', () => {
    expect(paths.outbox()).toBe('/app/outbox');
    expect(parseRoute('/app/outbox')).toEqual({ name: 'outbox' });
  });

  it('is shown to administrators only, and marked current on its page', () => {
    for (const role of staffRoles) {
      const html = nav(role, { name: 'outbox' });
      if (role === 'admin') expect(html).toContain('<a aria-current="page" href="/app/outbox">Outbox</a>');
      else expect(html, role).not.toContain('Outbox');
    }
  });
});
