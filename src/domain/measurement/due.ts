import type { InstrumentId } from '../instruments';
import type { PlanRule } from './plan-rules';

export interface Anchor {
  id: string;
  /** ISO date-time of the infusion. */
  at: string;
  label?: string | null;
}

export interface CompletedResponse {
  id: string;
  instrumentId: string;
  /** ISO date-time when the questionnaire was answered. */
  administeredAt: string;
}

export type DueStatus = 'completed' | 'upcoming' | 'due' | 'overdue' | 'missed';

export interface DueItem {
  /** Stable across recomputations: rule index, instrument and due time. */
  key: string;
  ruleIndex: number;
  instrumentId: InstrumentId;
  opensAt: string;
  dueAt: string;
  /** After this a response no longer counts for the item. */
  closesAt: string;
  anchorId: string | null;
  reason: string;
  status: DueStatus;
  responseId: string | null;
}

export interface DueOptions {
  now: Date;
  /** How long after dueAt an item stays collectable as "overdue" (clinic setting, default 24 h). */
  overdueAfterHours: number;
  /** Calendar rules are expanded up to now + this many days. */
  horizonDays?: number;
  /** Items that closed before now − this many days are dropped (keeps lists short). */
  lookbackDays?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A hard cap on occurrences per rule, so a malformed plan cannot make the server loop for long. */
const MAX_OCCURRENCES = 2_000;

interface Slot {
  ruleIndex: number;
  instrumentId: InstrumentId;
  opens: number;
  due: number;
  closes: number;
  anchorId: string | null;
  reason: string;
}

function slotsFor(
  rule: PlanRule,
  ruleIndex: number,
  anchors: readonly Anchor[],
  grace: number,
  until: number,
): Slot[] {
  const out: Slot[] = [];
  const push = (opens: number, due: number, closes: number, anchorId: string | null, reason: string) => {
    for (const instrumentId of rule.instruments)
      out.push({ ruleIndex, instrumentId, opens, due, closes, anchorId, reason });
  };
  switch (rule.kind) {
    case 'before-anchor':
      for (const a of anchors) {
        const t = Date.parse(a.at);
        // A "before infusion" score is only that while the infusion has not started: it closes at the anchor.
        push(t - rule.windowHours * HOUR, t, t, a.id, `before infusion${a.label ? ` (${a.label})` : ''}`);
      }
      break;
    case 'after-anchor':
      for (const a of anchors) {
        const opens = Date.parse(a.at) + rule.offsetHours * HOUR;
        const due = opens + rule.windowHours * HOUR;
        push(
          opens,
          due,
          due + grace,
          a.id,
          `${rule.offsetHours} h after infusion${a.label ? ` (${a.label})` : ''}`,
        );
      }
      break;
    case 'every': {
      const start = Date.parse(rule.from);
      const end = Math.min(rule.until ? Date.parse(rule.until) : Number.POSITIVE_INFINITY, until);
      for (
        let i = 0, t = start;
        t <= end && i < MAX_OCCURRENCES;
        i += 1, t = start + i * rule.intervalDays * DAY
      ) {
        const due = t + rule.windowHours * HOUR;
        push(
          t,
          due,
          due + grace,
          null,
          rule.intervalDays === 7 ? 'weekly' : `every ${rule.intervalDays} days`,
        );
      }
      break;
    }
  }
  return out;
}

/**
 * Expands a plan's rules over the anchors into due items and matches them with the responses given
 * (current, not superseded): a response answered inside an item's window [opensAt, closesAt] completes
 * it. Pure: the caller loads plans, anchors and responses.
 */
export function computeDueItems(
  rules: readonly PlanRule[],
  anchors: readonly Anchor[],
  responses: readonly CompletedResponse[],
  options: DueOptions,
): DueItem[] {
  const now = options.now.getTime();
  const grace = options.overdueAfterHours * HOUR;
  const until = now + (options.horizonDays ?? 30) * DAY;
  const oldest = now - (options.lookbackDays ?? 90) * DAY;
  const byInstrument = new Map<string, { id: string; t: number }[]>();
  for (const r of responses) {
    const list = byInstrument.get(r.instrumentId) ?? [];
    list.push({ id: r.id, t: Date.parse(r.administeredAt) });
    byInstrument.set(r.instrumentId, list);
  }
  const items: DueItem[] = [];
  rules.forEach((rule, ruleIndex) => {
    for (const slot of slotsFor(rule, ruleIndex, anchors, grace, until)) {
      if (slot.opens > until || slot.closes < oldest) continue;
      const match = (byInstrument.get(slot.instrumentId) ?? []).find(
        (r) => r.t >= slot.opens && r.t <= slot.closes,
      );
      const status: DueStatus = match
        ? 'completed'
        : now < slot.opens
          ? 'upcoming'
          : now <= slot.due
            ? 'due'
            : now <= slot.closes
              ? 'overdue'
              : 'missed';
      const dueAt = new Date(slot.due).toISOString();
      items.push({
        key: `${ruleIndex}:${slot.instrumentId}:${dueAt}`,
        ruleIndex,
        instrumentId: slot.instrumentId,
        opensAt: new Date(slot.opens).toISOString(),
        dueAt,
        closesAt: new Date(slot.closes).toISOString(),
        anchorId: slot.anchorId,
        reason: slot.reason,
        status,
        responseId: match?.id ?? null,
      });
    }
  });
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.instrumentId.localeCompare(b.instrumentId));
}

/** What the front desk acts on: items that can still be collected, most urgent first. */
export function actionableItems(items: readonly DueItem[]): DueItem[] {
  return items.filter((i) => i.status === 'due' || i.status === 'overdue');
}
