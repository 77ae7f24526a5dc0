import { useState, type FormEvent } from 'react';
import type { RoomView } from '../../../contracts/scheduling';
import { TextField } from '../ui/text-field';
import { roomKindLabels } from './setup-model';

interface RoomRowProps {
  room: RoomView;
  busy: boolean;
  onChange: (body: { name?: string; active?: boolean }) => Promise<unknown>;
}

/** One room or chair, renamed in place or taken out of (and back into) use. */
export function RoomRow({ room, busy, onChange }: RoomRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(room.name);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (await onChange({ name: name.trim() })) setRenaming(false);
  };

  return (
    <li className={`setup-list__item${room.active ? '' : ' is-inactive'}`}>
      {renaming ? (
        <form className="inline-add" onSubmit={rename} aria-label={`Rename ${room.name}`}>
          <TextField label={`New name for ${room.name}`} value={name} onChange={setName} maxLength={80} />
          <button type="submit" className="button" disabled={busy}>
            Save name
          </button>
          <button type="button" className="button button--secondary" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="setup-list__name">{room.name}</span>
          <span className="muted">
            {roomKindLabels[room.kind]} · order {room.sortOrder}
          </span>
          {room.active ? null : <span className="badge badge--inactive">Out of use</span>}
          <span className="setup-list__actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setName(room.name);
                setRenaming(true);
              }}
            >
              Rename<span className="visually-hidden"> {room.name}</span>
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void onChange({ active: !room.active })}
            >
              {room.active ? 'Take out of use' : 'Put back in use'}
              <span className="visually-hidden"> {room.name}</span>
            </button>
          </span>
        </>
      )}
    </li>
  );
}
