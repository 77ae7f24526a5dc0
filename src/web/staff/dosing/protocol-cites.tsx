import type { Protocol } from '../../../domain/protocols';

/** Badges for the citations behind one part of a protocol, tagged with their confidence. */
export function Cites({ protocol, ids }: { protocol: Protocol; ids: readonly string[] }) {
  return (
    <span className="protocols__cites">
      {ids.map((id) => {
        const c = protocol.citations.find((x) => x.id === id);
        return (
          <span
            key={id}
            className={`badge protocols__tag protocols__tag--${c?.tag ?? 'unverified'}`}
            title={c?.source}
          >
            {c ? `${c.source.split(',')[0]} [${c.tag}]` : id}
          </span>
        );
      })}
    </span>
  );
}
