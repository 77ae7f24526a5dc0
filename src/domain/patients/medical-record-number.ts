/**
 * Medical record numbers: a clinic prefix, a sequence number, and a Luhn check digit so a digit
 * typed wrong at the front desk is caught instead of opening another patient's chart.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatMrn(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError('MRN sequence must be a positive integer');
  const digits = String(sequence).padStart(6, '0');
  return `A${digits}${luhnCheckDigit(digits)}`;
}

export function isValidMrn(mrn: string): boolean {
  const match = /^A(\d{6,})(\d)$/.exec(mrn);
  if (!match) return false;
  return luhnCheckDigit(match[1]!) === Number(match[2]);
}
