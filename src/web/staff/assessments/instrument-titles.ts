import type { InstrumentEntry } from '../../../contracts/measurement';

/** The instrument's short title for tables; an id the catalogue no longer lists is shown as is. */
export function instrumentShortTitle(instruments: readonly InstrumentEntry[], id: string): string {
  return instruments.find((i) => i.id === id)?.shortTitle ?? id;
}
