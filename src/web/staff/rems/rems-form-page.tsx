import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage, fieldErrors } from '../api-client';
import { clinicNow, formatDate, formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import {
  fetchSessionForm,
  remsKeys,
  remsPaths,
  saveFormValues,
  submitForm,
  type RemsFormView,
} from './rems-api';
import { itemAnchor, ItemInput, ItemValue } from './rems-form-items';
import {
  changedValues,
  daysLeftText,
  draftOf,
  formStatusLabels,
  itemsBySection,
  missingItemId,
  missingLabel,
  staffEditable,
} from './rems-text';
import './rems.css';

/** A website as a link (the template may give it without the scheme). */
const webHref = (site: string) => (/^https?:\/\//i.test(site) ? site : `https://${site}`);

function FormHeading({ form }: { form: RemsFormView }) {
  return (
    <header className="rems-form-heading">
      <h1>{form.title}</h1>
      <dl className="rems-facts">
        <div>
          <dt>Patient</dt>
          <dd>
            <Link href={paths.patient(form.patient.id)}>{form.patient.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Treatment</dt>
          <dd>
            <Link href={paths.session(form.sessionId)}>{formatDate(form.treatmentDate)}</Link>
          </dd>
        </div>
        <div>
          <dt>Form version</dt>
          <dd>{form.templateVersion}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge rems-status rems-status--${form.status}`}>
              {formStatusLabels[form.status]}
            </span>{' '}
            {form.status === 'submitted'
              ? null
              : `due by ${formatDate(form.dueOn)}, ${daysLeftText(form.status, form.daysLeft)}`}
          </dd>
        </div>
      </dl>
      <p>
        <a className="button button--secondary" href={remsPaths.pdf(form.id)} target="_blank" rel="noopener">
          Print / PDF
        </a>
      </p>
    </header>
  );
}

function SubmissionInfo({ form }: { form: RemsFormView }) {
  const s = form.submission;
  return (
    <section className="panel" aria-labelledby="rems-where-title">
      <h2 id="rems-where-title">Where it goes</h2>
      <p>
        Submit within {s.withinDays} days of the treatment:{' '}
        {s.online ? (
          <>
            online at{' '}
            <a href={webHref(s.online)} target="_blank" rel="noopener noreferrer">
              {s.online}
            </a>
          </>
        ) : null}
        {s.online && s.fax ? ', or ' : ''}
        {s.fax ? <>by fax to {s.fax}</> : null}. REMS phone: {s.phone}.
      </p>
      {form.seriousAdverseEvents.length ? (
        <div className="alert alert--critical">
          <p>
            <strong>
              Serious adverse events in this session are also reported to the REMS by phone ({s.phone}):
            </strong>
          </p>
          <ul>
            {form.seriousAdverseEvents.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** What the server says is still missing, each line a link to its item. */
function MissingList({ form }: { form: RemsFormView }) {
  if (form.missing.length === 0)
    return <p className="alert alert--info">Nothing is missing: the form can be submitted.</p>;
  const focusItem = (itemId: string) =>
    document
      .getElementById(itemAnchor(itemId))
      ?.querySelector<HTMLElement>('input, select, textarea')
      ?.focus();
  return (
    <div className="alert alert--warning" role="region" aria-labelledby="rems-missing-title">
      <h2 id="rems-missing-title">Missing ({form.missing.length})</h2>
      <ul>
        {form.missing.map((m) => {
          const itemId = missingItemId(m.field, form.items);
          const label = missingLabel(m.field, form.items);
          return (
            <li key={m.field}>
              {itemId ? (
                <a
                  href={`#${itemAnchor(itemId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusItem(itemId);
                  }}
                >
                  {label}
                </a>
              ) : (
                label
              )}
              : {m.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The editable draft of staff items; after a stale save the user's changes are laid over the fresh form. */
function useDraft(form: RemsFormView) {
  const [state, setState] = useState(() => ({
    version: form.version,
    draft: draftOf(form.items),
    carry: {} as Record<string, string>,
  }));
  if (state.version !== form.version)
    setState({ version: form.version, draft: { ...draftOf(form.items), ...state.carry }, carry: {} });
  return {
    draft: state.draft,
    set: (itemId: string, value: string) =>
      setState((s) => ({ ...s, draft: { ...s.draft, [itemId]: value } })),
    keepOnReload: () => setState((s) => ({ ...s, carry: changedValues(form.items, s.draft) })),
  };
}

function FormItems({
  form,
  draft,
  errors,
  editable,
  onChange,
}: {
  form: RemsFormView;
  draft: Record<string, string>;
  errors: Record<string, string>;
  editable: boolean;
  onChange: (itemId: string, value: string) => void;
}) {
  return (
    <>
      {itemsBySection(form.items).map(([title, items], i) => (
        <fieldset key={title} className="rems-section">
          <legend>
            <span className="visually-hidden">Section {i + 1}: </span>
            {title}
          </legend>
          {items.map((item) =>
            editable && staffEditable(item) ? (
              <ItemInput
                key={item.id}
                item={item}
                value={draft[item.id] ?? ''}
                onChange={(v) => onChange(item.id, v)}
                error={errors[item.id]}
              />
            ) : (
              <ItemValue key={item.id} item={item} />
            ),
          )}
        </fieldset>
      ))}
    </>
  );
}

type Draft = ReturnType<typeof useDraft>;

function FormEditor({ form, editable, draft: d }: { form: RemsFormView; editable: boolean; draft: Draft }) {
  const queryClient = useQueryClient();
  const { draft, set, keepOnReload } = d;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  const changes = changedValues(form.items, draft);
  const dirty = Object.keys(changes).length > 0;

  const save = async () => {
    setBusy(true);
    setNotice('');
    setError(undefined);
    try {
      const saved = await saveFormValues(form.id, { values: changes, version: form.version });
      queryClient.setQueryData(remsKeys.form(form.id), saved);
      setNotice('Saved.');
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) {
        keepOnReload();
        await queryClient.invalidateQueries({ queryKey: remsKeys.form(form.id) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="Monitoring form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormItems
        form={form}
        draft={draft}
        errors={fieldErrors(error, ['body.values'])}
        editable={editable}
        onChange={set}
      />
      {editable ? (
        <div className="rems-save">
          <button type="submit" className="button" disabled={busy || !dirty}>
            {busy ? 'Saving…' : 'Save form'}
          </button>
          <span className="muted">{dirty ? 'Unsaved changes.' : 'No unsaved changes.'}</span>
          <NoticeBanner>{notice}</NoticeBanner>
          {error ? (
            <ErrorBanner>
              {errorMessage(error)}
              {error instanceof ApiError && error.status === 409
                ? ' The form was read again; your changes are kept below. Check them and save again.'
                : ''}
            </ErrorBanner>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** Recording the submission: when, how, and the REMS confirmation number. */
function SubmitForm({ form, dirty }: { form: RemsFormView; dirty: boolean }) {
  const queryClient = useQueryClient();
  const [on, setOn] = useState(() => clinicNow().date);
  const [channel, setChannel] = useState<'online' | 'fax'>('online');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const blocked = form.missing.length > 0 || dirty;
  const errors = fieldErrors(error, ['body']);

  const submit = async () => {
    if (blocked) return;
    setBusy(true);
    setError(undefined);
    try {
      const done = await submitForm(form.id, {
        submittedOn: on,
        channel,
        ...(confirmation.trim() ? { confirmation: confirmation.trim() } : {}),
        version: form.version,
      });
      queryClient.setQueryData(remsKeys.form(form.id), done);
      void queryClient.invalidateQueries({ queryKey: remsKeys.formsDue });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409)
        await queryClient.invalidateQueries({ queryKey: remsKeys.form(form.id) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel rems-submit"
      aria-labelledby="rems-submit-title"
      aria-describedby="rems-submit-why"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="rems-submit-title">Mark as submitted</h2>
      <p id="rems-submit-why" className="muted">
        {form.missing.length > 0
          ? 'Complete the missing items first.'
          : dirty
            ? 'Save the form first.'
            : 'Record how and when the form was sent to the REMS.'}
      </p>
      <TextField
        label="Submitted on"
        type="date"
        value={on}
        onChange={setOn}
        required
        error={errors.submittedOn}
      />
      <fieldset className="rems-choices">
        <legend>Channel</legend>
        <div className="rems-choices__options">
          {(['online', 'fax'] as const).map((c) => (
            <label key={c} className="rems-choice">
              <input
                type="radio"
                name="rems-channel"
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
              />{' '}
              {c === 'online' ? 'Online' : 'Fax'}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label="Confirmation number"
        value={confirmation}
        onChange={setConfirmation}
        maxLength={100}
        autoComplete="off"
        error={errors.confirmation}
      />
      <button type="submit" className="button" disabled={blocked || busy}>
        {busy ? 'Recording…' : 'Mark as submitted'}
      </button>
      {error ? (
        <ErrorBanner>
          {errorMessage(error)}
          {error instanceof ApiError && error.fields.length ? (
            <ul>
              {error.fields.map((f) => (
                <li key={f.field}>
                  {missingLabel(f.field, form.items)}: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorBanner>
      ) : null}
    </form>
  );
}

function SubmittedSummary({ form }: { form: RemsFormView }) {
  const s = form.submitted;
  if (!s) return null;
  return (
    <section className="alert alert--info rems-submitted" aria-labelledby="rems-submitted-title">
      <h2 id="rems-submitted-title">Submitted</h2>
      <p>
        Sent {s.channel === 'online' ? 'online' : 'by fax'} on {formatDate(s.on)}
        {s.confirmation ? `, confirmation number ${s.confirmation}` : ', no confirmation number'}. Recorded by{' '}
        {s.by.label} at {formatDateTime(s.at)}.
      </p>
    </section>
  );
}

/** The items and their draft, then the submission; once submitted, everything reads as a record. */
function FormWork({ form, canEdit }: { form: RemsFormView; canEdit: boolean }) {
  const draft = useDraft(form);
  const editable = canEdit && form.status !== 'submitted';
  const dirty = Object.keys(changedValues(form.items, draft.draft)).length > 0;
  return (
    <>
      <FormEditor form={form} editable={editable} draft={draft} />
      {editable ? <SubmitForm form={form} dirty={dirty} /> : null}
    </>
  );
}

export function RemsFormBody({ form, canEdit }: { form: RemsFormView; canEdit: boolean }) {
  return (
    <>
      <FormHeading form={form} />
      <SubmittedSummary form={form} />
      <SubmissionInfo form={form} />
      {form.status === 'submitted' ? null : <MissingList form={form} />}
      <FormWork key={form.id} form={form} canEdit={canEdit} />
    </>
  );
}

/**
 * One session's SPRAVATO REMS Patient Monitoring Form: the chart's values read-only, the items staff
 * complete, what is missing, the PDF, and the submission once it is sent.
 */
export function RemsFormPage({ id }: { id: string }) {
  const can = useCan();
  const [sessionId] = useState(() => new URLSearchParams(window.location.search).get('session') ?? '');
  const form = useApiQuery(remsKeys.form(id), (signal) => fetchSessionForm(sessionId, signal), {
    enabled: sessionId !== '',
  });
  return (
    <div className="rems-page">
      <p className="breadcrumb">
        <Link href={paths.remsFormsDue()}>REMS forms due</Link>
        {sessionId ? (
          <>
            {' / '}
            <Link href={paths.session(sessionId)}>Session</Link>
          </>
        ) : null}
      </p>
      {form.data ? (
        <RemsFormBody form={form.data} canEdit={can('rems.forms')} />
      ) : (
        <>
          <h1>Patient Monitoring Form</h1>
          {sessionId ? (
            <LoadState loading={form.isPending} error={form.error} />
          ) : (
            <p>
              Open the form from its session or from the{' '}
              <Link href={paths.remsFormsDue()}>REMS forms due</Link> list.
            </p>
          )}
        </>
      )}
    </div>
  );
}
