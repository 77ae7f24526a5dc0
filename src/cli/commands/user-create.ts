import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { ArborConfig } from '../../config.js';
import { staffRoles } from '../../domain/auth/index.js';
import { clinics, users } from '../../db/schema.js';
import { appendAudit } from '../../server/shared/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../server/shared/password.js';
import { createClinicWithAdmin } from '../../server/capabilities/clinic/index.js';
import { connectDatabase } from '../../server/start-server.js';
import { ApiError } from '../../server/shared/api-error.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

const input = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(120),
  role: z.enum(staffRoles).default('admin'),
  clinic: z.string().trim().min(2).max(120).optional(),
});

/**
 * Bootstraps a staff account without the web setup (for scripted installs). The password comes
 * from standard input so it never appears in the process list or shell history.
 */
export async function userCreateCommand(args: string[], config: ArborConfig, io: CliIo): Promise<number> {
  const { flags } = parseFlags(args);
  const parsed = input.safeParse(flags);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.stderr(`--${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  try {
    assertAcceptablePassword(password, 'password', parsed.data.email);
  } catch (error) {
    if (error instanceof ApiError) {
      for (const field of error.fields) io.stderr(`password: ${field.message}\n`);
      return 2;
    }
    throw error;
  }
  const connection = await connectDatabase(config, () => undefined);
  try {
    const db = connection.handle.db;
    const { clinicId, userId } = await db.transaction(async (tx) => {
      const existing = await tx.select().from(clinics).orderBy(clinics.createdAt);
      const target = parsed.data.clinic
        ? existing.find((c) => c.name === parsed.data.clinic)
        : existing.length === 1
          ? existing[0]
          : undefined;
      if (!target) {
        if (!parsed.data.clinic)
          throw new Error(
            existing.length === 0
              ? 'No clinic exists yet: pass --clinic "Clinic name" to create it'
              : 'Several clinics exist: pass --clinic with the clinic name',
          );
        if (parsed.data.role !== 'admin')
          throw new Error('The first account of a new clinic must be an admin');
        const created = await createClinicWithAdmin(tx, {
          clinicName: parsed.data.clinic,
          email: parsed.data.email,
          displayName: parsed.data.name,
          password,
        });
        // A password typed at a console is a temporary one: it is replaced at the first sign-in.
        await tx.update(users).set({ passwordMustChange: true }).where(eq(users.id, created.userId));
        return created;
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${parsed.data.email.toLowerCase()}`);
      if (taken) throw new Error('A user with this email already exists');
      const [user] = await tx
        .insert(users)
        .values({
          clinicId: target.id,
          email: parsed.data.email,
          displayName: parsed.data.name,
          role: parsed.data.role,
          passwordHash: await hashPassword(password),
          passwordMustChange: true,
        })
        .returning({ id: users.id });
      return { clinicId: target.id, userId: user!.id };
    });
    await db.transaction((tx) =>
      appendAudit(tx, [
        {
          clinicId,
          userId: null,
          userLabel: 'arbor user create (command line)',
          action: 'create',
          entity: 'user',
          entityId: userId,
          detail: { email: parsed.data.email, role: parsed.data.role },
          outcome: 'success',
          clientIp: 'local',
        },
      ]),
    );
    const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId));
    io.stdout(
      `Created ${parsed.data.role} ${parsed.data.email} in ${clinic?.name}. At first sign-in they enrol an authenticator and choose their own password.\n`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}
