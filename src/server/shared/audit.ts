import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';

/** ASTM E2147-18 action types (45 CFR 170.210(e)(1)) plus the authentication and administration events. */
export const auditActions = [
  'create',
  'read',
  'update',
  'query',
  'deactivate',
  'reactivate',
  'export',
  'print',
  'login',
  'login-failed',
  'logout',
  'mfa-enrolled',
  'session-ended',
  'access-denied',
  'role-change',
  'status-change',
  'settings-change',
  'setup',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEvent {
  clinicId?: string | null;
  userId?: string | null;
  userLabel?: string | null;
  patientId?: string | null;
  action: AuditAction;
  /** What data: the kind of record touched, e.g. 'patient', 'patient.history', 'user'. */
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  outcome: 'success' | 'failure';
  clientIp?: string | null;
}

export interface StoredAuditRow {
  seq: number;
  occurredAt: Date;
  clinicId: string | null;
  userId: string | null;
  userLabel: string | null;
  patientId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
  outcome: string;
  clientIp: string | null;
  prevHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);
const CHAIN_LOCK = 724_002;

/** JSON with keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditRowHash(row: Omit<StoredAuditRow, 'hash'>): string {
  const material = canonicalJson([
    row.seq,
    row.occurredAt.toISOString(),
    row.clinicId,
    row.userId,
    row.userLabel,
    row.patientId,
    row.action,
    row.entity,
    row.entityId,
    row.detail ?? {},
    row.outcome,
    row.clientIp,
    row.prevHash,
  ]);
  return createHash('sha256').update(row.prevHash).update(material).digest('hex');
}

/** Log text must not carry control characters (CRLF, ANSI escapes) into reports or exports. */
function clean(value: string | null | undefined, max = 300): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, max);
}

/**
 * Told how many rows an append added (before its transaction commits), so the anchor writer
 * (audit-anchor.ts) can sign the chain's head every N rows without polling the database.
 */
const appendListeners = new Set<(rows: number) => void>();

export function onAuditAppend(listener: (rows: number) => void): () => void {
  appendListeners.add(listener);
  return () => void appendListeners.delete(listener);
}

/**
 * Appends events to the chain inside the caller's transaction. The advisory lock serialises
 * appends across every app server so each row's hash covers its predecessor's.
 */
export async function appendAudit(tx: Executor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await tx.execute<{ seq: string; hash: string }>(
    sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  let seq = last.rows[0] ? Number(last.rows[0].seq) : 0;
  let prevHash = last.rows[0]?.hash ?? genesisHash;
  const occurredAt = new Date();
  const rows: StoredAuditRow[] = events.map((event) => {
    seq += 1;
    const base = {
      seq,
      occurredAt,
      clinicId: event.clinicId ?? null,
      userId: event.userId ?? null,
      userLabel: clean(event.userLabel, 200),
      patientId: event.patientId ?? null,
      action: event.action,
      entity: clean(event.entity, 100)!,
      entityId: clean(event.entityId, 200),
      detail: JSON.parse(JSON.stringify(event.detail ?? {})) as unknown,
      outcome: event.outcome,
      clientIp: clean(event.clientIp, 100),
      prevHash,
    };
    const row = { ...base, hash: auditRowHash(base) };
    prevHash = row.hash;
    return row;
  });
  await tx.insert(auditLog).values(rows.map((row) => ({ ...row, detail: row.detail as object })));
  for (const listener of appendListeners) listener(rows.length);
}

/**
 * Reads (and failures) are audited through a small group commit: events arriving while one batch
 * commits go into the next, so a busy chart-read path pays one transaction per batch instead of
 * one per request, and every response still waits until its audit row is durable.
 */
export class AuditWriter {
  private queue: Array<{ event: AuditEvent; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  record(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        await this.db.transaction((tx) =>
          appendAudit(
            tx,
            batch.map((item) => item.event),
          ),
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = false;
  }
}

export interface ChainVerification {
  ok: boolean;
  rowsChecked: number;
  firstBrokenSeq?: number;
  problem?: string;
}

/** Walks the whole chain in order, in pages, and reports the first row that does not fit. */
export async function verifyAuditChain(
  db: Executor,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerification> {
  const totalResult = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log`);
  const total = Number(totalResult.rows[0]?.n ?? 0);
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await db.execute<Record<string, unknown>>(sql`
      SELECT seq, occurred_at, clinic_id, user_id, user_label, patient_id, action, entity, entity_id,
             detail, outcome, client_ip, prev_hash, hash
      FROM audit_log WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT 5000`);
    if (page.rows.length === 0) break;
    for (const raw of page.rows) {
      const row: StoredAuditRow = {
        seq: Number(raw.seq),
        occurredAt: new Date(raw.occurred_at as string | Date),
        clinicId: (raw.clinic_id as string | null) ?? null,
        userId: (raw.user_id as string | null) ?? null,
        userLabel: (raw.user_label as string | null) ?? null,
        patientId: (raw.patient_id as string | null) ?? null,
        action: raw.action as string,
        entity: raw.entity as string,
        entityId: (raw.entity_id as string | null) ?? null,
        detail: raw.detail,
        outcome: raw.outcome as string,
        clientIp: (raw.client_ip as string | null) ?? null,
        prevHash: raw.prev_hash as string,
        hash: raw.hash as string,
      };
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          rowsChecked: checked,
          firstBrokenSeq: expectedSeq,
          problem: `row ${expectedSeq} is missing`,
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rowsChecked: checked,
          firstBrokenSeq: row.seq,
          problem: 'previous-hash link does not match',
        };
      }
      const { hash, ...rest } = row;
      if (auditRowHash(rest) !== hash) {
        return {
          ok: false,
          rowsChecked: checked,
          firstBrokenSeq: row.seq,
          problem: 'row content does not match its hash',
        };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked, total);
  }
  return { ok: true, rowsChecked: checked };
}
