import { useState, type FormEvent } from 'react';
import type { RoomView } from '../../../contracts/scheduling';
import { apiPatch, apiPost } from '../api-client';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { RoomRow } from './room-row';
import { schedulingPaths } from './scheduling-api';
import { roomKindOptions } from './setup-model';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';

interface RoomsSectionProps {
  rooms: readonly RoomView[];
  write: SchedulingWrite;
}

/** Rooms and chairs: add, rename, take out of use (nothing is deleted: past appointments keep their room). */
export function RoomsSection({ rooms, write }: RoomsSectionProps) {
  const [kind, setKind] = useState<RoomView['kind']>('infusion_chair');
  const [name, setName] = useState('');
  const [order, setOrder] = useState('');
  const sorted = [...rooms].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  const nextOrder = Math.min(999, Math.max(0, ...rooms.map((r) => r.sortOrder + 1)));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await write.run(
      'room:add',
      () =>
        apiPost<RoomView>(schedulingPaths.rooms, {
          kind,
          name: name.trim(),
          // Without an order, a new room goes after the others.
          sortOrder: order.trim() ? Number(order) : nextOrder,
        }),
      (room) => `${room.name} is added.`,
    );
    if (added) {
      setName('');
      setOrder('');
    }
  };

  const change = (room: RoomView, body: { name?: string; active?: boolean }) =>
    write.run(
      `room:${room.id}`,
      () => apiPatch<RoomView>(schedulingPaths.room(room.id), body),
      (changed) =>
        body.active === false
          ? `${changed.name} is out of use; its past appointments keep it.`
          : body.active === true
            ? `${changed.name} is in use again.`
            : `Renamed to ${changed.name}.`,
    );

  return (
    <section className="setup-section" aria-labelledby="setup-rooms-title">
      <h2 id="setup-rooms-title">Rooms and chairs</h2>
      <WriteMessages write={write} prefix="room" />
      {sorted.length === 0 ? <p>No rooms or chairs yet.</p> : null}
      <ul className="setup-list">
        {sorted.map((room) => (
          <RoomRow
            key={room.id}
            room={room}
            busy={write.busy !== undefined}
            onChange={(body) => change(room, body)}
          />
        ))}
      </ul>
      <form className="inline-add" onSubmit={add} aria-label="Add a room or chair" noValidate>
        <SelectField
          label="Kind"
          value={kind}
          options={roomKindOptions}
          onChange={(value) => setKind(value as RoomView['kind'])}
        />
        <TextField label="Name" value={name} onChange={setName} maxLength={80} placeholder="Chair 3" />
        <TextField label="Order (optional)" inputMode="numeric" value={order} onChange={setOrder} />
        <button type="submit" className="button" disabled={write.busy !== undefined}>
          Add room or chair
        </button>
      </form>
    </section>
  );
}
