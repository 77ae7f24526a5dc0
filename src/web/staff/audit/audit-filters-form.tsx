import { useState, type FormEvent } from 'react';
import type { StaffUser } from '../../../contracts/users';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { emptyAuditFilters, type AuditFilters } from './audit-query';

const knownActions = [
  'read',
  'query',
  'create',
  'update',
  'deactivate',
  'reactivate',
  'export',
  'access-denied',
  'role-change',
  'status-change',
  'session-ended',
  'settings-change',
];

interface AuditFiltersFormProps {
  initial: AuditFilters;
  users: StaffUser[];
  onApply: (filters: AuditFilters) => void;
  fieldErrors: Record<string, string>;
}

export function AuditFiltersForm({ initial, users, onApply, fieldErrors }: AuditFiltersFormProps) {
  const [form, setForm] = useState(initial);
  const set = (key: Exclude<keyof AuditFilters, 'bulkAccess'>) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...form, patientId: form.patientId.trim(), action: form.action.trim() });
  };
  const userOptions = [
    { value: '', label: 'Anyone' },
    ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` })),
  ];
  return (
    <form className="filters" onSubmit={submit} aria-label="Audit filters">
      <div className="grid">
        <TextField
          label="From"
          type="datetime-local"
          value={form.from}
          onChange={set('from')}
          error={fieldErrors.from}
        />
        <TextField
          label="To (before)"
          type="datetime-local"
          value={form.to}
          onChange={set('to')}
          error={fieldErrors.to}
        />
        <SelectField
          label="User"
          value={form.userId}
          onChange={set('userId')}
          options={userOptions}
          error={fieldErrors.userId}
        />
        <TextField
          label="Patient id"
          value={form.patientId}
          onChange={set('patientId')}
          error={fieldErrors.patientId}
          spellCheck={false}
          autoComplete="off"
          hint="The record id (a UUID), as in the chart’s address"
        />
        <TextField
          label="Action"
          value={form.action}
          onChange={set('action')}
          error={fieldErrors.action}
          list="audit-actions"
          autoComplete="off"
        />
        <datalist id="audit-actions">
          {knownActions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <div className="field field--checkbox">
          <input
            id="audit-bulk-access"
            type="checkbox"
            checked={form.bulkAccess}
            onChange={(event) => setForm((f) => ({ ...f, bulkAccess: event.target.checked }))}
          />
          <label htmlFor="audit-bulk-access">Bulk access only (chart reads in flagged hours)</label>
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const cleared = emptyAuditFilters;
            setForm(cleared);
            onApply(cleared);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
