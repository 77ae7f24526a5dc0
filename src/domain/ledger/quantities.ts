import { fail, ok, type Result } from './ledger-types.js';

/**
 * Amounts of a controlled substance, kept exact. The ledger counts in whole micrograms (µg) of drug; the
 * volume of a liquid follows from the container's strength (drug per container over volume per container)
 * and is never stored as a running sum, so balances cannot drift by rounding however many events there are.
 * A container of a product counted as units (an esketamine nasal spray device, 28 mg each) holds one unit;
 * it is used whole.
 *
 * Entered amounts carry at most three decimals (0.001 mg = 1 µg, 0.001 mL = 1 µL); anything finer is
 * refused rather than rounded.
 */

export const UG_PER_MG = 1000;
export const UL_PER_ML = 1000;

/** What one container holds: its drug content and, for a liquid or a device, its volume. */
export interface Strength {
  /** Drug per container, µg (a 10 mL vial of 50 mg/mL holds 500,000 µg). */
  contentUg: number;
  /** Volume per container, µL; null when the product has no volume to measure (a solid). */
  volumeUl: number | null;
  /** 'volume': partial amounts are drawn (a vial); 'unit': the container is used whole (a device). */
  countAs: 'volume' | 'unit';
}

export type AmountUnit = 'mg' | 'mL' | 'unit';

/** An amount as a user enters it. */
export interface Amount {
  value: number;
  unit: AmountUnit;
}

/** `value` × 1000 as an exact integer, or null when it has more than three decimals or is not finite. */
export function toThousandths(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = value * 1000;
  const rounded = Math.round(scaled);
  if (!Number.isSafeInteger(rounded)) return null;
  // Binary floating point stores 0.1 as 0.1000000000000000055…: allow that representation error, nothing more.
  return Math.abs(scaled - rounded) <= 1e-6 * Math.max(1, Math.abs(scaled)) ? rounded : null;
}

/** Problems with a strength, as field names under `field`. */
export function strengthProblems(s: Strength, field = 'strength'): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!Number.isSafeInteger(s.contentUg) || s.contentUg <= 0)
    problems.push({ field: `${field}.contentUg`, message: 'must be a whole number of micrograms above 0' });
  if (s.volumeUl !== null && (!Number.isSafeInteger(s.volumeUl) || s.volumeUl <= 0))
    problems.push({ field: `${field}.volumeUl`, message: 'must be a whole number of microlitres above 0' });
  if (s.countAs !== 'volume' && s.countAs !== 'unit')
    problems.push({ field: `${field}.countAs`, message: "must be 'volume' or 'unit'" });
  if (s.countAs === 'volume' && s.volumeUl === null)
    problems.push({ field: `${field}.volumeUl`, message: 'a product drawn by volume needs its volume' });
  return problems;
}

/** Concentration in mg/mL (= µg/µL), or null without a volume. For display; arithmetic stays in µg. */
export function concentrationMgPerMl(s: Strength): number | null {
  return s.volumeUl === null ? null : s.contentUg / s.volumeUl;
}

/**
 * An entered amount as whole micrograms of drug in this product. mL converts through the container's
 * strength and must land on a whole microgram; 'unit' is whole containers of a product counted as units.
 */
export function amountToUg(amount: Amount, s: Strength, field = 'quantity'): Result<number> {
  const bad = (message: string) => fail<number>([{ field, message }]);
  if (!Number.isFinite(amount.value) || amount.value <= 0) return bad('must be a quantity above 0');
  switch (amount.unit) {
    case 'mg': {
      const ug = toThousandths(amount.value);
      if (ug === null) return bad('mg may have at most three decimals (1 µg)');
      return ok(ug);
    }
    case 'mL': {
      if (s.volumeUl === null) return bad('this product has no volume: enter mg or units');
      const ul = toThousandths(amount.value);
      if (ul === null) return bad('mL may have at most three decimals (1 µL)');
      const scaled = ul * s.contentUg;
      if (!Number.isSafeInteger(scaled)) return bad('is too large');
      if (scaled % s.volumeUl !== 0) return bad('does not come to a whole microgram at this concentration');
      return ok(scaled / s.volumeUl);
    }
    case 'unit': {
      if (s.countAs !== 'unit') return bad('this product is drawn by volume: enter mg or mL');
      if (!Number.isInteger(amount.value)) return bad('units are whole devices');
      return ok(amount.value * s.contentUg);
    }
    default:
      return bad("unit must be 'mg', 'mL' or 'unit'");
  }
}

/** The volume of `ug` of this product in µL, rounded to the nearest µL, and whether that is exact. */
export function ugToUl(ug: number, s: Strength): { ul: number; exact: boolean } | null {
  if (s.volumeUl === null) return null;
  const scaled = ug * s.volumeUl;
  return { ul: Math.round(scaled / s.contentUg), exact: scaled % s.contentUg === 0 };
}

/** Thousandths as a decimal string without float error: 12_500 → '12.5', 3 → '0.003', -1500 → '-1.5'. */
export function formatThousandths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** Micrograms as mg text, exact. */
export const formatMg = (ug: number): string => formatThousandths(ug);

/** Micrograms of this product as mL text, to the nearest µL (with '≈' when that rounds), or null. */
export function formatMl(ug: number, s: Strength): string | null {
  const v = ugToUl(ug, s);
  if (!v) return null;
  return `${v.exact ? '' : '≈'}${formatThousandths(v.ul)}`;
}

/** Whole units in `ug` of a product counted as units, or null when not whole (or not a unit product). */
export function unitsOf(ug: number, s: Strength): number | null {
  if (s.countAs !== 'unit' || ug % s.contentUg !== 0) return null;
  return ug / s.contentUg;
}

/** The same quantity in every unit the ledger shows: µg (exact), mg text, mL text, units. */
export interface QuantityView {
  ug: number;
  mg: string;
  ml: string | null;
  units: number | null;
}

export function viewQuantity(ug: number, s: Strength): QuantityView {
  return { ug, mg: formatMg(ug), ml: formatMl(ug, s), units: unitsOf(ug, s) };
}
