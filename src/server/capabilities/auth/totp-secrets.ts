import type { Database } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { isSealed, sealedPrefix, type SecretBox } from '../../shared/secret-box.js';
import { anySealedTotpSecret, listTotpSecrets, replaceTotpSecret } from './auth.queries.js';

/*
 * TOTP secrets at rest. A code is checked against the secret itself, so it cannot be hashed; it is
 * sealed with the key held outside the database (shared/secret-box.ts), which keeps the second
 * factor safe from a leaked database or backup on its own.
 */

/** The authenticated context of the sealed value: it opens only as a users.totp_secret. */
const context = 'users.totp_secret';

export function sealTotpSecret(box: SecretBox, secret: string): string {
  return box.seal(secret, context);
}

export function openTotpSecret(box: SecretBox, stored: string): string {
  return box.open(stored, context);
}

/** Whether the database already holds a sealed secret (so its key must not be replaced). */
export function storedTotpSecretsAreSealed(db: Database): Promise<boolean> {
  return anySealedTotpSecret(db, sealedPrefix);
}

/**
 * At start-up: every secret still stored in clear is sealed (each in its own transaction, with an
 * audit row), and every sealed one must open with this key; a key that does not open them refuses
 * the start, since sign-ins would fail and new enrolments would mix two keys. Safe to run on several
 * servers at once: a secret is replaced only if it still holds the value read. Returns how many
 * secrets were sealed.
 */
export async function sealStoredTotpSecrets(deps: Pick<AppDeps, 'db' | 'secrets'>): Promise<number> {
  const rows = await listTotpSecrets(deps.db);
  const unreadable = rows.filter((row) => {
    if (!row.totpSecret || !isSealed(row.totpSecret)) return false;
    try {
      openTotpSecret(deps.secrets, row.totpSecret);
      return false;
    } catch {
      return true;
    }
  });
  if (unreadable.length > 0) {
    throw new Error(
      `The secret key does not decrypt ${unreadable.length} of the authenticator secrets in this database. ` +
        'Start Arbor with the key they were sealed with (ARBOR_SECRET_KEY, or secret.key in the data directory).',
    );
  }
  let sealed = 0;
  for (const row of rows) {
    const plain = row.totpSecret;
    if (!plain || isSealed(plain)) continue;
    const done = await deps.db.transaction(async (tx) => {
      if (!(await replaceTotpSecret(tx, row.id, plain, sealTotpSecret(deps.secrets, plain)))) return false;
      await appendAudit(tx, [
        {
          clinicId: row.clinicId,
          userLabel: 'Arbor start-up',
          action: 'update',
          entity: 'user.totp',
          entityId: row.id,
          detail: { sealedAtRest: true },
          outcome: 'success',
          clientIp: 'local',
        },
      ]);
      return true;
    });
    if (done) sealed += 1;
  }
  return sealed;
}
