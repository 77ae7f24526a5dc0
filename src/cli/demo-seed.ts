import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staffRoles, type StaffRole } from '../domain/auth/index.js';
import { seededRandom, syntheticPatient, type PatientFields } from '../domain/patients/index.js';
import { clinics, users } from '../db/schema.js';
import type { AppDeps } from '../server/shared/app-deps.js';
import type { Actor } from '../server/shared/http/define-route.js';
import { appendAudit } from '../server/shared/audit.js';
import { hashPassword } from '../server/shared/password.js';
import { createPatient } from '../server/capabilities/patients/index.js';
import { seedDemoCourses, type DemoCourseCounts } from './demo-course.js';
import { seedDemoSchedule, type DemoScheduleCounts } from './demo-schedule.js';

export interface DemoCredentials {
  clinicName: string;
  password: string;
  accounts: Array<{ role: StaffRole; email: string }>;
  /** The synthetic treatment courses given to the treated patients. */
  courses: DemoCourseCounts;
  /** The calendar: induction series and consultations booked for the coming days. */
  schedule: DemoScheduleCounts;
}

const demoClinicName = 'Arbor Demo Clinic (synthetic data)';

/**
 * A demo clinic with one account per role and ~50 synthetic patients, every row flagged is_demo; the
 * treated ones have a synthetic course (infusion dates, scores, plans, doses: demo-course.ts).
 * The shared demo password is random per data directory and printed once at creation.
 */
export async function seedDemoClinic(deps: AppDeps, patientCount = 50): Promise<DemoCredentials | undefined> {
  const [existing] = await deps.db.select({ id: clinics.id }).from(clinics).where(eq(clinics.isDemo, true));
  if (existing) return undefined;
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const hash = await hashPassword(password);
  const { clinicId, accounts } = await deps.db.transaction(async (tx) => {
    const [clinic] = await tx
      .insert(clinics)
      .values({ name: demoClinicName, slug: 'demo', isDemo: true })
      .returning({ id: clinics.id });
    const created: Array<{ role: StaffRole; email: string; id: string }> = [];
    for (const role of staffRoles) {
      const email = `${role.replace('_', '-')}@demo.arbor.test`;
      const [user] = await tx
        .insert(users)
        .values({
          clinicId: clinic!.id,
          email,
          displayName: `Demo ${role.replace('_', ' ')}`,
          role,
          passwordHash: hash,
        })
        .returning({ id: users.id });
      created.push({ role, email, id: user!.id });
    }
    await appendAudit(tx, [
      {
        clinicId: clinic!.id,
        userLabel: 'demo seeder',
        action: 'setup',
        entity: 'clinic',
        entityId: clinic!.id,
        detail: { demo: true, users: created.length },
        outcome: 'success',
        clientIp: 'local',
      },
    ]);
    return { clinicId: clinic!.id, accounts: created };
  });
  // Synthetic charts carry diagnoses, so a clinician registers them (the front desk may not).
  const actorOf = (role: 'nurse' | 'physician', label: string): Actor => ({
    userId: accounts.find((a) => a.role === role)!.id,
    clinicId,
    role,
    label,
    sessionTokenHash: '',
    clientIp: 'local',
  });
  const nurse = actorOf('nurse', 'Demo nurse');
  const physician = actorOf('physician', 'Demo physician');
  const random = seededRandom(2026);
  const today = deps.now().toISOString().slice(0, 10);
  const patients: Array<{ id: string; fields: PatientFields }> = [];
  for (let i = 0; i < patientCount; i++) {
    const fields = syntheticPatient(random, i, today);
    const created = await createPatient(deps, nurse, fields, { isDemo: true });
    patients.push({ id: created.id, fields });
  }
  // A stream of its own, so the patients stay the same whatever the courses draw.
  const courses = await seedDemoCourses(deps, { nurse, physician }, patients, seededRandom(2027));
  const frontDesk: Actor = {
    ...actorOf('nurse', 'Demo front desk'),
    role: 'front_desk',
    userId: accounts.find((a) => a.role === 'front_desk')!.id,
  };
  const schedule = await seedDemoSchedule(
    deps,
    { frontDesk, nurseId: nurse.userId, physicianId: physician.userId },
    patients.map((p) => ({ id: p.id, careStatus: p.fields.careStatus })),
  );
  return {
    clinicName: demoClinicName,
    password,
    accounts: accounts.map(({ role, email }) => ({ role, email })),
    courses,
    schedule,
  };
}
