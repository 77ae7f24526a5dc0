import { conditionCatalog } from './conditions.js';
import type { CareStatus } from './care-status.js';
import type { PatientFields } from './patient-fields.js';

/** Small seeded PRNG (mulberry32) so demo and benchmark data are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const givenNames = ['Avery', 'Jordan', 'Maya', 'Noah', 'Priya', 'Luis', 'Hannah', 'Omar', 'Grace', 'Mateo', 'Chloe', 'Samuel', 'Aisha', 'Ethan', 'Sofia', 'Daniel', 'Mei', 'Isaac', 'Zoe', 'Gabriel', 'Leah', 'Kofi', 'Nora', 'Ravi', 'Elena', 'Tomas', 'Yara', 'Felix', 'Ines', 'Jonah'];
const familyNames = ['Nguyen', 'Garcia', 'Okafor', 'Smith', 'Patel', 'Kowalski', 'Haddad', 'Johnson', 'Moreno', 'Kim', 'Brennan', 'Abara', 'Lindqvist', 'Cohen', 'Tanaka', 'Rossi', 'Mensah', 'Dubois', 'Walker', 'Silva', 'Novak', 'Ahmed', 'Fischer', 'Reyes', 'Olsen', 'Park', 'Murphy', 'Costa', 'Ivanova', 'Hughes'];
const statuses: CareStatus[] = ['referred', 'screening', 'eligible', 'in_treatment', 'in_treatment', 'maintenance', 'not_eligible', 'discharged'];
const treatable = conditionCatalog.filter((c) => c.group !== 'other');

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Synthetic, clearly fictional patients (example.test emails, 555-01xx phone numbers). */
export function syntheticPatient(random: () => number, index: number, today: string): PatientFields {
  const given = pick(random, givenNames);
  const family = pick(random, familyNames);
  const year = Number(today.slice(0, 4)) - 19 - Math.floor(random() * 60);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const condition = pick(random, treatable);
  const sex = random() < 0.55 ? 'female' : 'male';
  return {
    legalGivenName: given,
    legalFamilyName: family,
    preferredName: random() < 0.15 ? given.slice(0, 3) : null,
    birthDate: `${year}-${month}-${day}`,
    sexAtBirth: sex,
    genderIdentity: null,
    pronouns: sex === 'female' ? 'she/her' : 'he/him',
    phone: `555-01${String(index % 100).padStart(2, '0')}`,
    email: `${given}.${family}.${index}@example.test`.toLowerCase(),
    address: { line1: `${100 + (index % 900)} Demo Street`, line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
    emergencyContact: { name: `${pick(random, givenNames)} ${family}`, relationship: 'Partner', phone: '555-0199', email: null },
    referringClinician: random() < 0.7 ? { name: `Dr ${pick(random, familyNames)}`, organisation: 'Springfield Psychiatry', phone: '555-0100', email: null, npi: null } : null,
    conditions: [{ code: condition.code, display: condition.display, onsetDate: null, status: 'active' }],
    alerts: random() < 0.1 ? [{ text: 'Hypertension: check BP before each infusion', severity: 'warning' }] : [],
    careStatus: pick(random, statuses),
  };
}
