import type pg from 'pg';
import { clientOf, type Database } from '../../../db/client.js';

/**
 * Session changes fanned out to every chair board. A change is announced with PostgreSQL NOTIFY in the
 * transaction that made it (delivered only if it commits), so every Arbor process serving the clinic
 * hears it, whichever process wrote it. Each process keeps one listening connection, opened on the
 * first subscriber and reopened after it drops (a database restart), and passes each change to the
 * boards of that clinic connected to it.
 */

export interface SessionChange {
  clinicId: string;
  sessionId: string;
  version: number;
}
type Listener = (change: SessionChange) => void;

export const SESSION_CHANNEL = 'arbor_session';

export class SessionEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  /** Calls `listener` for every change of the clinic's sessions until the returned function is called. */
  async subscribe(clinicId: string, listener: Listener): Promise<() => void> {
    await this.ensureListening();
    const set = this.listeners.get(clinicId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(clinicId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(clinicId);
    };
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', () => this.drop(client));
    await client.query(`LISTEN ${SESSION_CHANNEL}`);
    this.client = client;
  }

  private drop(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    client.release(true);
    this.log('session events: the listening connection dropped; reconnecting');
    if (!this.closed && this.listeners.size > 0)
      setTimeout(() => void this.ensureListening().catch(() => undefined), 1000).unref();
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    let change: SessionChange;
    try {
      change = JSON.parse(payload) as SessionChange;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(change.clinicId) ?? []) listener(change);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    if (client) {
      await client.query(`UNLISTEN ${SESSION_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }
}

const hubs = new WeakMap<Database, SessionEventHub>();

/** The process's hub for a database (one listening connection per process and database). */
export function sessionEventHub(db: Database, log: (line: string) => void): SessionEventHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new SessionEventHub(clientOf(db), log);
    hubs.set(db, hub);
  }
  return hub;
}
