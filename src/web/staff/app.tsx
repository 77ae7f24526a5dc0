import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, apiPost, onSessionEnded } from './api-client';
import type { Me, SessionStage } from '../../contracts/auth';
import { CodeStepPage } from './auth/code-step-page';
import { EnrolPage } from './auth/enrol-page';
import { NewPasswordPage } from './auth/new-password-page';
import { RecoveryCodesPage } from './auth/recovery-codes-page';
import { SetupPage } from './auth/setup-page';
import { SignInPage } from './auth/sign-in-page';
import { clearClientData, OfflineMutations, useClientData } from './query/client-data';
import { SessionContext } from './session-context';
import { AppShell } from './shell/app-shell';
import { setClinicTimeZone } from './format';
import { waitingEntryCount } from './session/entry-queue';

/** Where the person is in signing in; only 'app' holds data, and leaving it drops all of it. */
type Screen =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'sign-in'; notice?: string }
  | { kind: 'code' }
  | { kind: 'enrol' }
  | { kind: 'recovery-codes'; codes: string[] }
  | { kind: 'new-password'; email: string }
  | { kind: 'app'; me: Me; generation: number };

let generation = 0;

/**
 * Chart entries that have not reached the server stay on this device until they are sent; signing out
 * with some waiting asks first, so a nurse does not leave them on a shared tablet unknowingly.
 */
function confirmLeavingWaitingEntries(userId: string): boolean {
  let waiting = 0;
  try {
    waiting = waitingEntryCount(window.localStorage, userId);
  } catch {
    return true;
  }
  return (
    waiting === 0 ||
    window.confirm(
      `${waiting} chart ${waiting === 1 ? 'entry has' : 'entries have'} not reached the server yet. They stay on this device and are sent when you open the session again. Sign out anyway?`,
    )
  );
}

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const clientData = useClientData();

  /** Leaving the signed-in app: everything read or waiting to be written is forgotten first. */
  const toSignIn = useCallback(
    (notice?: string) => {
      clearClientData(clientData);
      setClinicTimeZone(undefined);
      setScreen({ kind: 'sign-in', notice });
    },
    [clientData],
  );

  const toStage = useCallback(
    async (stage?: SessionStage) => {
      try {
        const me = await apiGet<Me>('/api/auth/me', { expectUnauthenticated: true });
        const current = stage ?? me.stage;
        if (current === 'full') {
          // Set before the pages render, so the first paint already shows the clinic's times.
          setClinicTimeZone(me.clinic.timeZone);
          setScreen({ kind: 'app', me, generation: ++generation });
        } else if (current === 'change-password') setScreen({ kind: 'new-password', email: me.user.email });
        else setScreen({ kind: current === 'enrol' ? 'enrol' : 'code' });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) toSignIn();
        else setScreen({ kind: 'unavailable', message: (error as Error).message });
      }
    },
    [toSignIn],
  );

  useEffect(() => {
    apiGet<{ needsSetup: boolean }>('/api/setup').then(
      ({ needsSetup }) => (needsSetup ? setScreen({ kind: 'setup' }) : void toStage()),
      (error: unknown) => setScreen({ kind: 'unavailable', message: (error as Error).message }),
    );
  }, [toStage]);

  // A 401 from any data call means the server ended the session (idle timeout, revoked, signed out elsewhere).
  useEffect(() => {
    onSessionEnded(() => toSignIn('Your session ended. Sign in again to continue.'));
    return () => onSessionEnded(undefined);
  }, [toSignIn]);

  const signOut = useCallback(async () => {
    try {
      await apiPost('/api/auth/logout', {}, { expectUnauthenticated: true });
    } catch {
      // The screen is cleared either way; the server also ends idle sessions by itself.
    }
    toSignIn('You have signed out.');
  }, [toSignIn]);

  // Same generation: the pages stay as they are and only the header's facts (clinic name) update.
  const refresh = useCallback(async () => {
    try {
      const fresh = await apiGet<Me>('/api/auth/me');
      setClinicTimeZone(fresh.clinic.timeZone);
      setScreen((current) => (current.kind === 'app' ? { ...current, me: fresh } : current));
    } catch {
      // A 401 here already sent the person to sign-in; anything else leaves the header as it was.
    }
  }, []);

  const me = screen.kind === 'app' ? screen.me : undefined;
  const session = useMemo(
    () =>
      me
        ? {
            me,
            signOut: () => {
              if (confirmLeavingWaitingEntries(me.user.id)) void signOut();
            },
            refresh: () => void refresh(),
          }
        : undefined,
    [me, signOut, refresh],
  );

  switch (screen.kind) {
    case 'loading':
      return (
        <main className="auth-card" id="main">
          <h1 className="visually-hidden">Arbor</h1>
          <p role="status">Loading…</p>
        </main>
      );
    case 'unavailable':
      return (
        <main className="auth-card" id="main">
          <h1>Arbor is not reachable</h1>
          <p role="alert">{screen.message}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </main>
      );
    case 'setup':
      return <SetupPage onDone={() => setScreen({ kind: 'enrol' })} />;
    case 'sign-in':
      return (
        <SignInPage
          notice={screen.notice}
          onStage={(stage) =>
            stage === 'enrol'
              ? setScreen({ kind: 'enrol' })
              : stage === 'mfa'
                ? setScreen({ kind: 'code' })
                : void toStage()
          }
        />
      );
    case 'code':
      return <CodeStepPage onDone={() => void toStage()} onCancel={() => void signOut()} />;
    case 'enrol':
      return (
        <EnrolPage
          onDone={(codes) => setScreen({ kind: 'recovery-codes', codes })}
          onCancel={() => void signOut()}
        />
      );
    case 'recovery-codes':
      return <RecoveryCodesPage codes={screen.codes} onDone={() => void toStage()} />;
    case 'new-password':
      return (
        <NewPasswordPage email={screen.email} onDone={() => void toStage()} onCancel={() => void signOut()} />
      );
    case 'app':
      return (
        <SessionContext.Provider value={session}>
          {/* A new key per sign-in: nothing from a previous person's session survives in memory. */}
          <OfflineMutations key={screen.generation} userId={screen.me.user.id}>
            <AppShell />
          </OfflineMutations>
        </SessionContext.Provider>
      );
  }
}
