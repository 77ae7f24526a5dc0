import { INSTRUMENT_DEFINITIONS } from './definitions/index';
import type { InstrumentDefinition, InstrumentId, Licence } from './types';

const BY_ID = new Map<string, InstrumentDefinition>(INSTRUMENT_DEFINITIONS.map((d) => [d.id, d]));

export const INSTRUMENT_IDS: readonly InstrumentId[] = INSTRUMENT_DEFINITIONS.map((d) => d.id);

export interface InstrumentSummary {
  id: InstrumentId;
  title: string;
  shortTitle: string;
  rater: InstrumentDefinition['rater'];
  itemCount: number;
  hasTotal: boolean;
  licence: Licence['status'];
  wordingStored: boolean;
}

/** What a picker needs; call getInstrument(id) for the full definition. */
export function listInstruments(): InstrumentSummary[] {
  return INSTRUMENT_DEFINITIONS.map((d) => ({
    id: d.id,
    title: d.title,
    shortTitle: d.shortTitle,
    rater: d.rater,
    itemCount: d.items.length,
    hasTotal: d.total !== undefined,
    licence: d.licence.status,
    wordingStored: d.licence.wordingStored,
  }));
}

export function isInstrumentId(id: string): id is InstrumentId {
  return BY_ID.has(id);
}

export function getInstrument(id: string): InstrumentDefinition | undefined {
  return BY_ID.get(id);
}
