import type {
  CheckedSignature,
  ConsentStatus,
  ConsentStatusInput,
  DrawnSignature,
  Problem,
  Result,
  SignatureInput,
} from './consent-types.js';

/**
 * Whether a signed consent is in force, and the checks on an electronic signature.
 *
 * Status (docs/clinical-sources.md#consent-versioning): one consent document has one status, chosen in
 * this order when several apply: withdrawn > superseded > expired > awaiting_countersignature > valid.
 * A document nobody has signed is `unsigned`, unless it was withdrawn or a newer version replaced it
 * (then the patient is asked to sign the current version, not this one). Times after `now` have not
 * happened yet, so the status can be asked "as of" any instant. An expiry runs from the patient's
 * signature in whole 24-hour days. `templateCode` is carried for the caller's records: the rule compares
 * only the version numbers of that one template.
 *
 * Signature (docs/clinical-sources.md#esign-consumer-consent): under ESIGN (15 U.S.C. §7001(c)) a
 * consumer's agreement to electronic records counts only after a clear statement of the right to paper
 * copies, how to withdraw that agreement and what is needed to open the records; `ESIGN_DISCLOSURE` is
 * that statement, and the signer must tick agreement to it. An electronic signature is a sound, symbol
 * or process adopted with the intent to sign (§7006(5)): here, the typed legal name plus a drawing.
 */

const DAY_MS = 86_400_000;

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not an ISO date-time: ${value}`);
  return ms;
}

/** True when `value` is set and is at or before `now`. */
function happened(value: string | null, field: string, now: number): boolean {
  return value !== null && instant(value, field) <= now;
}

export function consentStatus(input: ConsentStatusInput, now: Date): ConsentStatus {
  const at = now.getTime();
  if (Number.isNaN(at)) throw new RangeError('now is not a valid date');
  if (input.expiryDays !== null && !(Number.isInteger(input.expiryDays) && input.expiryDays > 0)) {
    throw new RangeError(`expiryDays must be a positive whole number or null, not ${input.expiryDays}`);
  }
  if (happened(input.withdrawnAt, 'withdrawnAt', at)) return 'withdrawn';
  if (input.templateVersion < input.currentVersionOfTemplate) return 'superseded';
  if (input.signedAt === null || !happened(input.signedAt, 'signedAt', at)) return 'unsigned';
  if (input.expiryDays !== null && at >= instant(input.signedAt, 'signedAt') + input.expiryDays * DAY_MS) {
    return 'expired';
  }
  if (!happened(input.countersignedAt, 'countersignedAt', at)) return 'awaiting_countersignature';
  return 'valid';
}

/** Raise when the wording changes, and store the version the signer agreed to with the signature. */
export const ESIGN_DISCLOSURE_VERSION = 1;

/**
 * What a patient agrees to before signing electronically (15 U.S.C. §7001(c)(1)): which records the
 * agreement covers, the right to paper, how to withdraw the agreement and what follows, how to keep
 * contact details current, how to get a paper copy, and what is needed to open and keep the records.
 */
export const ESIGN_DISCLOSURE = [
  'Agreement to use electronic records and signatures',
  'The clinic would like you to read and sign consent forms on a screen instead of on paper. Before you agree, please read this.',
  'What this covers: this agreement covers this consent form and the other consent forms and treatment records the clinic gives you to read or sign during your care.',
  'Your right to paper: you do not have to agree. You can ask to read and sign any form on paper instead.',
  'Paper copies: after you sign, you can ask the clinic for a paper copy of any form you signed electronically, at any time. Staff will tell you about any fee before they make the copy.',
  'How to withdraw this agreement: tell clinic staff in person, by phone, or in writing that you no longer want to use electronic records. After that, the clinic will give you forms on paper. Withdrawing does not affect your care, and it does not undo forms you have already signed electronically.',
  'Keep your contact details up to date: tell the clinic if your email address or phone number changes, so that we can reach you about your records.',
  'What you need: a phone, tablet, or computer with an up-to-date web browser, and a way to open, save, or print PDF files, to view and keep copies of your records.',
  'By ticking the box, you confirm that you can read this text on this screen and that you agree to use electronic records and signatures with the clinic.',
].join('\n\n');

export const SIGNATURE_LIMITS = {
  maxStrokes: 50,
  maxPoints: 2_000,
  /** The largest signing pad, in its own pixels. */
  maxPadSize: 10_000,
} as const;

/** Compares names ignoring case, spaces and Unicode composition: "Mary Ann  Lee" matches "maryann lee". */
export function namesMatch(typed: string, expected: string): boolean {
  const key = (name: string) => name.normalize('NFC').replace(/\s+/gu, '').toLocaleLowerCase('en-US');
  return key(typed) !== '' && key(typed) === key(expected);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function drawingProblems(drawing: DrawnSignature): Problem[] {
  const field = 'drawnSignature';
  const { maxStrokes, maxPoints, maxPadSize } = SIGNATURE_LIMITS;
  const problems: Problem[] = [];
  for (const side of ['width', 'height'] as const) {
    const size = drawing[side];
    if (!isFiniteNumber(size) || size <= 0 || size > maxPadSize) {
      problems.push({
        field: `${field}.${side}`,
        message: `The signing pad's ${side} must be a number above 0 and up to ${maxPadSize}.`,
      });
    }
  }
  if (problems.length > 0) return problems;
  const strokes = drawing.strokes;
  if (!Array.isArray(strokes) || strokes.length === 0) {
    return [{ field: `${field}.strokes`, message: 'Draw your signature in the box.' }];
  }
  if (strokes.length > maxStrokes) {
    return [
      {
        field: `${field}.strokes`,
        message: `The signature has more than ${maxStrokes} strokes. Clear it and sign again.`,
      },
    ];
  }
  let points = 0;
  let outside = false;
  let malformed = false;
  for (const stroke of strokes) {
    if (!Array.isArray(stroke) || stroke.length === 0) {
      malformed = true;
      continue;
    }
    points += stroke.length;
    for (const point of stroke) {
      if (
        !Array.isArray(point) ||
        point.length !== 2 ||
        !isFiniteNumber(point[0]) ||
        !isFiniteNumber(point[1])
      ) {
        malformed = true;
      } else if (point[0] < 0 || point[1] < 0 || point[0] > drawing.width || point[1] > drawing.height) {
        outside = true;
      }
    }
  }
  if (malformed) {
    problems.push({
      field: `${field}.strokes`,
      message:
        'The drawing could not be read: every stroke needs points of two numbers. Clear it and sign again.',
    });
  }
  if (points > maxPoints) {
    problems.push({
      field: `${field}.strokes`,
      message: `The signature has more than ${maxPoints} points. Clear it and sign again, a little faster.`,
    });
  }
  if (outside) {
    problems.push({ field: `${field}.strokes`, message: 'Keep your signature inside the box.' });
  }
  if (!malformed && !strokes.some((stroke) => stroke.length >= 2)) {
    problems.push({
      field: `${field}.strokes`,
      message: 'Draw your signature in the box: a single dot is not enough.',
    });
  }
  return problems;
}

export function checkSignature(input: SignatureInput): Result<CheckedSignature> {
  const problems: Problem[] = [];
  if (input.esignConsent !== true) {
    problems.push({
      field: 'esignConsent',
      message:
        'Read the agreement to use electronic records and tick the box, or ask staff for a paper form.',
    });
  }
  const typed = typeof input.typedName === 'string' ? input.typedName : '';
  if (typed.trim() === '') {
    problems.push({ field: 'typedName', message: 'Type your full legal name.' });
  } else if (!namesMatch(typed, input.expectedName)) {
    problems.push({
      field: 'typedName',
      message: 'Type your full legal name exactly as the clinic has it on record. Ask staff if it is wrong.',
    });
  }
  const drawing = input.drawnSignature ?? null;
  if (drawing === null) {
    if (input.requireDrawing !== false) {
      problems.push({ field: 'drawnSignature', message: 'Draw your signature in the box.' });
    }
  } else {
    problems.push(...drawingProblems(drawing));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { typedName: typed.normalize('NFC').replace(/\s+/gu, ' ').trim(), drawnSignature: drawing },
  };
}
