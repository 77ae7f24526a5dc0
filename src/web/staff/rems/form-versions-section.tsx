import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api-client';
import { formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { TextAreaField } from '../session/session-fields';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { fetchTemplates, loadTemplate, remsKeys } from './rems-api';
import { parseTemplateJson } from './rems-text';

function LoadTemplateForm() {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: string[] }>();
  const [notice, setNotice] = useState('');

  const load = async () => {
    setProblem(undefined);
    setNotice('');
    const parsed = parseTemplateJson(text);
    if ('error' in parsed) {
      setProblem({ message: parsed.error, fields: [] });
      return;
    }
    setBusy(true);
    try {
      await loadTemplate({ definition: parsed.definition });
      setNotice('The new form version is loaded; forms created from now on use it.');
      setText('');
      await queryClient.invalidateQueries({ queryKey: remsKeys.templates });
    } catch (e) {
      setProblem({
        message: errorMessage(e),
        fields:
          e instanceof ApiError
            ? e.fields.map(
                (f) => `${f.field.replace(/^body\.definition\.?/, '') || 'template'}: ${f.message}`,
              )
            : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="Load a form version"
      onSubmit={(e) => {
        e.preventDefault();
        void load();
      }}
    >
      <TextAreaField
        label="New form version (template JSON)"
        value={text}
        onChange={setText}
        required
        rows={8}
        error={undefined}
      />
      <button type="submit" className="button" disabled={busy || text.trim() === ''}>
        {busy ? 'Loading…' : 'Load form version'}
      </button>
      <NoticeBanner>{notice}</NoticeBanner>
      {problem ? (
        <ErrorBanner>
          {problem.message}
          {problem.fields.length ? (
            <ul>
              {problem.fields.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : null}
        </ErrorBanner>
      ) : null}
    </form>
  );
}

/** The monitoring form's versions; a new version of the REMS form is loaded as data, without code changes. */
export function FormVersionsSection({ canLoad }: { canLoad: boolean }) {
  const { data, error, isPending } = useApiQuery(remsKeys.templates, fetchTemplates);
  return (
    <section className="panel" aria-labelledby="rems-versions-title">
      <h2 id="rems-versions-title">Form versions</h2>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <ul className="rems-versions">
          {data.items.map((t) => (
            <li key={t.version}>
              <strong>{t.version}</strong> — {t.title}, loaded {formatDateTime(t.loadedAt)}
              {t.current ? <span className="badge badge--status">current</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canLoad ? <LoadTemplateForm /> : null}
    </section>
  );
}
