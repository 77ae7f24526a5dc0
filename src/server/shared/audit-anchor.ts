import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { canonicalJson, genesisHash, onAuditAppend } from './audit.js';
import type { Logger } from './logger.js';

/**
 * Anchors for the audit trail's hash chain, kept outside PostgreSQL.
 *
 * The chain (audit.ts) shows that no row was changed or removed in the middle, but someone who
 * holds the database superuser can delete the newest rows (or rewrite every hash consistently)
 * and the chain still verifies. So the server signs the chain's head (seq, hash, time) with an
 * HMAC key that is not in the database and appends it, one JSON line per anchor, to
 * `audit-anchors.log` in the data directory: every `auditAnchorRows` rows, every
 * `auditAnchorSeconds` seconds while rows arrive, at start and at a clean shutdown. The file is
 * opened with O_APPEND and each line is fsync'd. `arbor audit verify` then checks that every row
 * an anchor covered is still there with the anchored hash (45 CFR 164.312(c)(2); ONC
 * 170.315(d)(2): the technology must detect whether the audit log has been altered).
 */
export const anchorLogFileName = 'audit-anchors.log';
export const anchorKeyFileName = 'audit-anchor.key';

export interface AuditAnchor {
  v: 1;
  /** The chain's head when the anchor was written: its last row and that row's hash. */
  seq: number;
  hash: string;
  /** When the anchor was written (UTC). */
  at: string;
  /** Which key signed it (a digest of the key, not the key). */
  key: string;
  /** HMAC-SHA256 over the fields above. */
  mac: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function anchorKeyId(key: Buffer): string {
  return createHash('sha256').update('arbor audit anchor key\0').update(key).digest('hex').slice(0, 16);
}

function anchorMac(key: Buffer, fields: Omit<AuditAnchor, 'mac'>): string {
  return createHmac('sha256', key)
    .update(canonicalJson([fields.v, fields.seq, fields.hash, fields.at, fields.key]))
    .digest('hex');
}

export function signAnchor(key: Buffer, head: ChainHead, at: Date): AuditAnchor {
  const fields = {
    v: 1 as const,
    seq: head.seq,
    hash: head.hash,
    at: at.toISOString(),
    key: anchorKeyId(key),
  };
  return { ...fields, mac: anchorMac(key, fields) };
}

function parseKey(text: string, source: string): Buffer {
  const raw = text.trim();
  const key = Buffer.from(raw, 'base64');
  if (key.length < 32) throw new Error(`${source} must hold at least 32 random bytes in base64`);
  return key;
}

/**
 * The anchor key: ARBOR_AUDIT_KEY when set; otherwise, for the embedded database,
 * `<dataDir>/audit-anchor.key` (mode 600), created on first start when `create` is set. With
 * DATABASE_URL and no ARBOR_AUDIT_KEY there is no key and the chain is not anchored.
 */
export async function loadAnchorKey(options: {
  dataDir: string;
  auditKey: Buffer | undefined;
  embedded: boolean;
  create: boolean;
}): Promise<{ key: Buffer; source: string } | undefined> {
  if (options.auditKey) return { key: options.auditKey, source: 'ARBOR_AUDIT_KEY' };
  if (!options.embedded) return undefined;
  const file = path.join(options.dataDir, anchorKeyFileName);
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text !== undefined) {
    const stat = await fs.stat(file);
    if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
    return { key: parseKey(text, file), source: file };
  }
  if (!options.create) return undefined;
  const key = randomBytes(32);
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: file };
}

export async function readChainHead(db: Executor): Promise<ChainHead> {
  const result = await db.execute<{ seq: string; hash: string }>(
    sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  const row = result.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: genesisHash };
}

/** The stored hash of each of these rows (absent rows are absent from the map). */
async function hashesAt(db: Executor, seqs: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 10_000) {
    const batch = seqs.slice(i, i + 10_000);
    const list = sql.join(
      batch.map((seq) => sql`${seq}`),
      sql`, `,
    );
    const result = await db.execute<{ seq: string; hash: string }>(
      sql`SELECT seq, hash FROM audit_log WHERE seq IN (${list})`,
    );
    for (const row of result.rows) found.set(Number(row.seq), row.hash);
  }
  return found;
}

type ParsedLine = { anchor: AuditAnchor } | { problem: string };

function parseAnchorLine(text: string, key: Buffer): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not an anchor record' };
  }
  const a = value as Partial<AuditAnchor> | null;
  if (
    !a ||
    typeof a !== 'object' ||
    a.v !== 1 ||
    !Number.isSafeInteger(a.seq) ||
    (a.seq as number) < 0 ||
    typeof a.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(a.hash) ||
    typeof a.at !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(a.at) ||
    typeof a.key !== 'string' ||
    !/^[0-9a-f]{16}$/.test(a.key) ||
    typeof a.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(a.mac)
  ) {
    return { problem: 'not an anchor record' };
  }
  const anchor: AuditAnchor = { v: 1, seq: a.seq!, hash: a.hash, at: a.at, key: a.key, mac: a.mac };
  if (anchor.key !== anchorKeyId(key)) {
    return { problem: `signed with another key (id ${anchor.key}), not the current anchor key` };
  }
  const expected = Buffer.from(anchorMac(key, anchor), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(anchor.mac, 'hex'))) {
    return { problem: 'the signature does not match: the anchor was forged or altered' };
  }
  return { anchor };
}

export interface AnchorLog {
  /** Anchors whose signature checks, with their line number. */
  anchors: Array<AuditAnchor & { line: number }>;
  /** Lines that are not valid anchors: each is evidence that the file was written by someone else. */
  problems: string[];
  /** Worth saying but not a failure: a last line cut short by a crash mid-write. */
  notes: string[];
  missing: boolean;
}

export async function readAnchorLog(file: string, key: Buffer): Promise<AnchorLog> {
  const log: AnchorLog = { anchors: [], problems: [], notes: [], missing: false };
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return { ...log, missing: true };
  const endsWithNewline =
    stat.size === 0 ||
    (await (async () => {
      const handle = await fs.open(file, 'r');
      try {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, stat.size - 1);
        return last[0] === 0x0a;
      } finally {
        await handle.close();
      }
    })());
  const take = (line: number, text: string, isLast: boolean) => {
    const parsed = parseAnchorLine(text, key);
    if ('anchor' in parsed) log.anchors.push({ ...parsed.anchor, line });
    else if (isLast && !endsWithNewline && parsed.problem === 'not an anchor record')
      log.notes.push(`line ${line} of ${file} is incomplete (a write was interrupted); it was skipped`);
    else log.problems.push(`line ${line} of ${file}: ${parsed.problem}`);
  };
  // Streamed, one line behind: only the last line may be a write cut short by a crash.
  let previous: { line: number; text: string } | undefined;
  let number = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    number += 1;
    if (text.trim() === '') continue;
    if (previous) take(previous.line, previous.text, false);
    previous = { line: number, text };
  }
  if (previous) take(previous.line, previous.text, true);
  return log;
}

function rowRange(from: number, to: number): string {
  return from === to ? `row ${to} is` : `rows ${from}–${to} are`;
}

export interface AnchorCheck {
  ok: boolean;
  /** Valid anchors read. */
  anchors: number;
  /** The anchor with the highest seq: how far the chain is known to have reached. */
  latest?: AuditAnchor;
  problems: string[];
  notes: string[];
}

/**
 * Compares the database with the anchors: every anchored row must still be there with the hash it
 * had when it was anchored, so rows deleted from the end (the database's head is behind the last
 * anchor) and a chain rewritten consistently (the hashes no longer match) are both reported.
 */
export async function checkAuditAnchors(db: Executor, key: Buffer, file: string): Promise<AnchorCheck> {
  const log = await readAnchorLog(file, key);
  const problems = [...log.problems];
  if (log.anchors.length === 0) {
    problems.push(
      log.missing
        ? `no anchor log at ${file}, although an anchor key exists: it was removed, or it is kept elsewhere (arbor audit verify --anchors FILE)`
        : `${file} holds no valid anchor`,
    );
    return { ok: false, anchors: 0, problems, notes: log.notes };
  }
  let latest = log.anchors[0]!;
  for (const anchor of log.anchors) {
    if (anchor.seq > latest.seq || (anchor.seq === latest.seq && anchor.at > latest.at)) latest = anchor;
  }
  const head = await readChainHead(db);
  if (latest.seq > head.seq) {
    problems.push(
      `${rowRange(head.seq + 1, latest.seq)} missing: the last anchor at ${latest.at} covered seq ${latest.seq}`,
    );
  }
  // One seq anchored with two hashes means the chain was rewritten between the two anchors.
  const bySeq = new Map<number, AuditAnchor & { line: number }>();
  const reported = new Set<number>();
  for (const anchor of log.anchors) {
    const seen = bySeq.get(anchor.seq);
    if (!seen) bySeq.set(anchor.seq, anchor);
    else if (seen.hash !== anchor.hash && !reported.has(anchor.seq)) {
      reported.add(anchor.seq);
      problems.push(
        `row ${anchor.seq} was anchored with two different hashes (lines ${seen.line} and ${anchor.line}): the chain was rewritten between them`,
      );
    }
  }
  const seqs = [...bySeq.keys()].filter((seq) => seq > 0 && seq <= head.seq).sort((a, b) => a - b);
  const stored = await hashesAt(db, seqs);
  for (const seq of seqs) {
    const anchor = bySeq.get(seq)!;
    const hash = stored.get(seq);
    if (hash === undefined) {
      problems.push(`row ${seq} is missing: the anchor at ${anchor.at} (line ${anchor.line}) covered it`);
      break;
    }
    if (hash !== anchor.hash) {
      problems.push(
        `row ${seq} does not match the anchor at ${anchor.at} (line ${anchor.line}): the chain up to it was rewritten after it was anchored`,
      );
      break;
    }
  }
  return { ok: problems.length === 0, anchors: log.anchors.length, latest, problems, notes: log.notes };
}

/** The newest valid anchor among the last 64 KiB of the log: the start-up check reads only that. */
async function latestAnchorInTail(file: string, key: Buffer): Promise<AuditAnchor | undefined> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    let latest: AuditAnchor | undefined;
    for (const text of buffer.toString('utf8').split('\n')) {
      const parsed = text.trim() === '' ? undefined : parseAnchorLine(text, key);
      if (parsed && 'anchor' in parsed && (!latest || parsed.anchor.seq > latest.seq)) latest = parsed.anchor;
    }
    return latest;
  } finally {
    await handle.close();
  }
}

export interface AnchorWriterOptions {
  db: Executor;
  key: Buffer;
  file: string;
  /** Anchor after this many appended rows (0: only by time and at start and stop). */
  everyRows: number;
  /** Anchor this often when the head has moved (0: only by row count and at start and stop). */
  everySeconds: number;
  logger: Logger;
  /** Also write each anchor to the server log. */
  toLog: boolean;
  now?: () => Date;
}

/**
 * Writes anchors for one server process. Anchoring is serialised within the process; several
 * servers on one database each anchor the same chain (each line is one O_APPEND write, so lines
 * from different processes never interleave).
 */
export class AuditAnchorWriter {
  private last: ChainHead | undefined;
  private pendingRows = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private rowTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  private constructor(
    private readonly options: AnchorWriterOptions,
    private readonly handle: fs.FileHandle,
  ) {}

  /** Opens the log (created mode 600), checks the head against the last anchor, then anchors it. */
  static async open(options: AnchorWriterOptions): Promise<AuditAnchorWriter> {
    await fs.mkdir(path.dirname(options.file), { recursive: true, mode: 0o700 });
    const existed = await fs
      .stat(options.file)
      .then(() => true)
      .catch(() => false);
    const previous = existed ? await latestAnchorInTail(options.file, options.key) : undefined;
    const handle = await fs.open(options.file, 'a', 0o600);
    if (!existed) {
      // The new file's directory entry must survive a crash too.
      const dir = await fs.open(path.dirname(options.file), 'r');
      await dir.sync().finally(() => dir.close());
    }
    const writer = new AuditAnchorWriter(options, handle);
    if (previous) await writer.warnIfBehind(previous);
    await writer.anchor();
    if (options.everySeconds > 0) {
      writer.timer = setInterval(() => void writer.anchorInBackground(), options.everySeconds * 1000);
      writer.timer.unref();
    }
    if (options.everyRows > 0) writer.unsubscribe = onAuditAppend((rows) => writer.countRows(rows));
    return writer;
  }

  /** A truncated chain found at start is reported at once; verify names the rows. */
  private async warnIfBehind(previous: AuditAnchor): Promise<void> {
    const head = await readChainHead(this.options.db);
    const stored =
      previous.seq === 0 ? genesisHash : (await hashesAt(this.options.db, [previous.seq])).get(previous.seq);
    if (head.seq < previous.seq || stored !== previous.hash) {
      this.options.logger.error(
        { anchoredSeq: previous.seq, anchoredAt: previous.at, headSeq: head.seq },
        'the audit trail does not match its last anchor: run `arbor audit verify`',
      );
    }
  }

  private countRows(rows: number): void {
    this.pendingRows += rows;
    if (this.pendingRows < this.options.everyRows || this.rowTimer || this.closed) return;
    // The rows are counted before their transaction commits: give it a moment to land.
    this.rowTimer = setTimeout(() => {
      this.rowTimer = undefined;
      void this.anchorInBackground();
    }, 100);
    this.rowTimer.unref();
  }

  private async anchorInBackground(): Promise<void> {
    try {
      await this.anchor();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not write an audit anchor');
    }
  }

  /** Signs and appends the current head unless it is the head anchored last. */
  anchor(): Promise<AuditAnchor | undefined> {
    const run = this.queue.then(async () => {
      if (this.closed) return undefined;
      this.pendingRows = 0;
      const head = await readChainHead(this.options.db);
      if (this.last && this.last.seq === head.seq && this.last.hash === head.hash) return undefined;
      const anchor = signAnchor(this.options.key, head, (this.options.now ?? (() => new Date()))());
      await this.handle.write(`${JSON.stringify(anchor)}\n`);
      await this.handle.sync();
      this.last = head;
      if (this.options.toLog) this.options.logger.info({ auditAnchor: anchor }, 'audit anchor');
      return anchor;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The last anchor (at clean shutdown), then the file is closed. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.rowTimer) clearTimeout(this.rowTimer);
    this.unsubscribe?.();
    try {
      await this.anchor();
    } finally {
      this.closed = true;
      await this.queue;
      await this.handle.close();
    }
  }
}
