// Pieces every benchmark uses: a free local port, and the service layer's dependencies and actors for
// seeding a clinic through its own use cases in the bench process (no HTTP, no mail).
import net from 'node:net';
import type { Database } from '../src/db/client.js';
import type { Actor } from '../src/server/shared/actor.js';
import type { AppDeps } from '../src/server/shared/app-deps.js';
import { AuditWriter } from '../src/server/shared/audit.js';

/** The first port in [from, to] nothing listens on at 127.0.0.1. */
export function freePort(from: number, to: number): Promise<number> {
  const tryPort = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      if (port > to) return reject(new Error(`no free port in ${from}–${to}`));
      const s = net.createServer();
      s.once('error', () => resolve(tryPort(port + 1)));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(port)));
    });
  return tryPort(from);
}

/** What a service call needs, audit on; the bench sends no mail and keeps no secrets. */
export function benchDeps(db: Database, log: (line: string) => void): AppDeps {
  return {
    db,
    audit: new AuditWriter(db),
    mailer: undefined as unknown as AppDeps['mailer'],
    secrets: undefined as unknown as AppDeps['secrets'],
    trustProxy: false,
    now: () => new Date(),
    log,
  };
}

/** A staff member of the clinic as the services see one. */
export function benchActor(clinicId: string, userId: string, role: 'nurse' | 'physician'): Actor {
  return {
    userId,
    clinicId,
    role,
    label: `bench ${role}`,
    sessionTokenHash: '',
    clientIp: '127.0.0.1',
  };
}
