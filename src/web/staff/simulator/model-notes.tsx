import type { CompiledModel, PkModelData } from '../../../domain/pk';
import { modelById } from './simulator-models';
import { readableSources } from '../../../domain/protocols';

export function PaediatricBadge({ model }: { model: PkModelData }) {
  return model.population === 'pediatric' ? (
    <span className="badge simulator__paediatric">Paediatric model</span>
  ) : null;
}

function Ke0Provenance({ c }: { c: CompiledModel }) {
  return (
    <p>
      <strong>ke0 {c.ke0.toPrecision(4)} min⁻¹:</strong> {readableSources(c.ke0Source)}. Method:{' '}
      {c.method === 'modal' ? 'exact modal recursion' : 'matrix exponential (coinciding rates)'}.
    </p>
  );
}

function ModelNote({ m, c }: { m: PkModelData; c: CompiledModel | undefined }) {
  return (
    <section className="simulator__model" aria-label={m.name}>
      <h4>
        {m.name}
        <PaediatricBadge model={m} />
      </h4>
      <p>
        {m.analyte}; {m.compartments} compartments; sampling {m.samplingSite}. {m.reference}
      </p>
      {c ? <Ke0Provenance c={c} /> : null}
      {m.ke0Alternatives.length > 0 ? (
        <p className="muted">Published alternatives: {m.ke0Alternatives.map((a) => a.label).join('; ')}.</p>
      ) : null}
      {c && c.warnings.length > 0 ? (
        <ul className="simulator__warnings">
          {c.warnings.map((w) => (
            <li key={w} className="alert alert--warning">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      <ul>
        {m.caveats.map((cv) => (
          <li key={cv.topic + cv.text}>
            <strong>
              {cv.severity === 'warning' ? 'Caution' : 'Note'} ({cv.topic}):
            </strong>{' '}
            {cv.text} <span className="muted">Source: {readableSources(cv.source)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per selected model: its reference, where its ke0 comes from, and its published caveats. */
export function ModelNotes({
  selected,
  compiled,
}: {
  selected: readonly string[];
  compiled: ReadonlyMap<string, CompiledModel>;
}) {
  return (
    <>
      <h3>Models, ke0 provenance and caveats</h3>
      {selected.map((id) => {
        const m = modelById.get(id);
        return m ? <ModelNote key={id} m={m} c={compiled.get(id)} /> : null;
      })}
    </>
  );
}
