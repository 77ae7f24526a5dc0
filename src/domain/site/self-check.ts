/**
 * Self-check scoring for the public site: PHQ-9 and GAD-7 totals, bands and the item 9 flag. The
 * thresholds come from the instrument library's definitions (src/domain/instruments) at render
 * time and travel to the browser inside the page; the browser script applies the same rules as
 * this function, and a test checks both against the library's scoring engine.
 */
export interface BandRule {
  id: string;
  label: string;
  min: number;
}

export interface SelfCheckInstrument {
  id: 'phq9' | 'gad7';
  shortTitle: string;
  stem: string;
  items: { id: string; text: string }[];
  options: { value: number; label: string }[];
  bands: BandRule[];
  max: number;
}

export interface SelfCheckScore {
  total: number;
  band: BandRule;
}

export function bandFor(bands: readonly BandRule[], total: number): BandRule {
  let chosen = bands[0]!;
  for (const band of bands) if (total >= band.min) chosen = band;
  return chosen;
}

/** Null until every item has an answer: a partial total would understate symptoms. */
export function scoreSelfCheck(
  instrument: SelfCheckInstrument,
  answers: readonly (number | null)[],
): SelfCheckScore | null {
  if (answers.length !== instrument.items.length || answers.some((a) => a === null)) return null;
  const total = (answers as number[]).reduce((sum, a) => sum + a, 0);
  return { total, band: bandFor(instrument.bands, total) };
}

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) at 1 or more. */
export function crisisFlag(phq9Answers: readonly (number | null)[]): boolean {
  const item9 = phq9Answers[8];
  return typeof item9 === 'number' && item9 >= 1;
}
