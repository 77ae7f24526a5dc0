import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { findSession, loadSessionFacts } from '../session/index.js';
import { formsDueBy, updateForm, userOf } from './rems-forms.queries.js';

/**
 * Each day, a reminder through the outbox to the clinician responsible for every Patient Monitoring Form
 * due tomorrow, due today or overdue and not yet submitted (the one who signed the session's note, else
 * who checked the patient in). Once a day per form (`reminded_on`). The message names no patient: it
 * points to the REMS forms list in Arbor.
 */
export async function sendRemsFormReminders(deps: AppDeps, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  let sent = 0;
  for (const form of await formsDueBy(deps.db, tomorrow)) {
    if (form.remindedOn === today) continue;
    await deps.db.transaction(async (tx) => {
      const session = await findSession(tx, form.clinicId, form.sessionId);
      if (!session) return;
      const facts = await loadSessionFacts(tx, session, now);
      const user = await userOf(tx, facts.chart.signed?.by.id ?? session.checkedInBy);
      if (user && user.status === 'active') {
        const overdue = form.dueOn < today;
        await deps.mailer.enqueue(tx, {
          clinicId: form.clinicId,
          channel: 'email',
          to: user.email,
          subject: overdue
            ? 'A SPRAVATO REMS monitoring form is overdue'
            : 'A SPRAVATO REMS monitoring form is due',
          body: `A SPRAVATO REMS Patient Monitoring Form ${overdue ? 'was due' : 'is due'} on ${form.dueOn}. Open Arbor, REMS forms, to complete and submit it.`,
        });
        sent += 1;
      }
      await updateForm(tx, form.id, { remindedOn: today });
      await appendAudit(tx, [
        {
          clinicId: form.clinicId,
          patientId: form.patientId,
          userLabel: 'system (REMS form reminders)',
          action: 'create',
          entity: 'rems.form-reminder',
          entityId: form.id,
          detail: { dueOn: form.dueOn, to: user ? user.id : null },
          outcome: 'success',
        },
      ]);
    });
  }
  return sent;
}
