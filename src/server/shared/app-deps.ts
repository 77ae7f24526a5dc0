import type { Database } from '../../db/client.js';
import type { AuditWriter } from './audit.js';
import type { Mailer } from './mailer.js';

/** What every route and service may use; built once at start-up and shared by all requests. */
export interface AppDeps {
  db: Database;
  audit: AuditWriter;
  mailer: Mailer;
  /** Whether cookies may be marked Secure and HSTS sent (TLS or a loopback host). */
  trustProxy: boolean;
  now: () => Date;
  log: (line: string) => void;
  /**
   * Check every JSON response against its route's contract (tests turn this on): a response that
   * drifts from the shape the web app is typed against fails loudly instead of at a user's screen.
   */
  checkResponses?: boolean;
}
