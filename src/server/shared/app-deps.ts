import type { Database } from '../../db/client.js';
import type { AuditWriter } from './audit.js';
import type { Mailer } from './mailer.js';
import type { SecretBox } from './secret-box.js';

/** What every route and service may use; built once at start-up and shared by all requests. */
export interface AppDeps {
  db: Database;
  audit: AuditWriter;
  mailer: Mailer;
  /** Seals and opens secrets kept in the database (TOTP secrets) with the key held outside it. */
  secrets: SecretBox;
  /** Whether cookies may be marked Secure and HSTS sent (TLS or a loopback host). */
  trustProxy: boolean;
  /** Arbor's public origin (ARBOR_PUBLIC_URL): links sent to patients are built from it, never from a request. */
  publicUrl?: string;
  now: () => Date;
  log: (line: string) => void;
  /**
   * Check every JSON response against its route's contract (tests turn this on): a response that
   * drifts from the shape the web app is typed against fails loudly instead of at a user's screen.
   */
  checkResponses?: boolean;
}
