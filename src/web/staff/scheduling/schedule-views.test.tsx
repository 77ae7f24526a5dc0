import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth';
import { permissionTable, type StaffRole } from '../../../domain/auth';
import { setClinicTimeZone } from '../format';
import { createQueryClient } from '../query/query-client';
import { SessionContext } from '../session-context';
import { internalNameLeaks, visibleText } from '../ui/internal-name-leaks';
import { DayView } from './day-view';
import { appointment, room } from './fixtures.test-helper';
import { TodayBoard } from './today-board';
import { WeekView } from './week-view';

const day = '2030-03-05';
const chair1 = room('Chair 1', 1);
const chair2 = room('Chair 2', 2);
const items = [
  appointment(`${day}T09:00`, `${day}T10:10`, {
    room: { id: chair1.id, label: 'Chair 1' },
    seriesId: '11111111-1111-4111-8111-111111111111',
    seriesIndex: 3,
    seriesSize: 6,
  }),
  appointment(`${day}T09:30`, `${day}T10:40`, {
    room: { id: chair2.id, label: 'Chair 2' },
    status: 'in_chair',
    patient: { id: '22222222-2222-4222-8222-222222222222', name: 'Marsh, Olive', mrn: 'A0000002' },
  }),
  appointment(`${day}T13:00`, `${day}T14:10`, {
    room: { id: chair1.id, label: 'Chair 1' },
    status: 'no_show',
  }),
];

function me(role: StaffRole): Me {
  return {
    stage: 'full',
    user: { id: 'u1', email: 'someone@example.test', displayName: 'Someone', role },
    clinic: { id: 'c1', name: 'Clinic', isDemo: false, timeZone: 'America/New_York' },
    permissions: [...permissionTable[role]],
  };
}

function render(node: ReactNode, role: StaffRole = 'front_desk') {
  setClinicTimeZone('America/New_York');
  return renderToStaticMarkup(
    <QueryClientProvider client={createQueryClient()}>
      <SessionContext.Provider value={{ me: me(role), signOut: () => undefined, refresh: () => undefined }}>
        {node}
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}

const noop = () => undefined;

describe('the day view', () => {
  const html = render(
    <DayView
      date={day}
      rooms={[chair2, chair1]}
      items={items}
      nowClock="09:45"
      selectedId={undefined}
      onOpen={noop}
    />,
  );

  it('has a column per chair and a block per appointment, named by time, patient, visit and status', () => {
    expect(html.match(/class="day-grid__room"/g)).toHaveLength(2);
    expect(html).toContain(
      'aria-label="9:00 AM–10:10 AM, Calder, Iris, IV infusion (depression), session 3 of 6, Chair 1, Booked"',
    );
    expect(html).toContain('Now, 9:45 AM');
    // The same day as a list per room for phones.
    expect(html.match(/class="day-list__room"/g)).toHaveLength(2);
  });

  it('places blocks by clinic time on the 07:00–20:00 grid', () => {
    // 09:00 is 2 of 13 hours down; 70 minutes is 70/780 of the height.
    expect(html).toContain('top:15.3846%;height:8.9744%;left:0.0000%;width:100.0000%');
  });

  it('shows no internal names', () => {
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });
});

describe('the week view', () => {
  it('lists each day of the week with its appointments in time order', () => {
    const html = render(
      <WeekView
        start="2030-03-04"
        today={day}
        items={items}
        selectedId={undefined}
        onOpen={noop}
        onDay={noop}
      />,
    );
    expect(html.match(/class="week__day/g)).toHaveLength(7);
    expect(visibleText(html)).toContain('Tue, Mar 5');
    expect(html.indexOf('Calder, Iris')).toBeLessThan(html.indexOf('Marsh, Olive'));
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });
});

describe('the today board', () => {
  const now = Date.parse(`${day}T09:40:00-05:00`);

  it('puts each patient in their column with the next step', () => {
    const html = render(
      <TodayBoard items={items} canChangeStatus now={now} today={day} selectedId={undefined} onOpen={noop} />,
    );
    const text = visibleText(html).replace(/\s+/g, ' ');
    expect(text).toContain('Arriving (1)');
    expect(text).toContain('In chair (1)');
    expect(text).toContain('Done (1)');
    expect(html).toContain('aria-label="Check in: Calder, Iris"');
    expect(html).toContain('aria-label="Start recovery: Marsh, Olive"');
    expect(internalNameLeaks(text)).toEqual([]);
  });

  it('shows no status buttons to someone who cannot move patients through the day', () => {
    const html = render(
      <TodayBoard
        items={items}
        canChangeStatus={false}
        now={now}
        today={day}
        selectedId={undefined}
        onOpen={noop}
      />,
      'admin',
    );
    expect(html).not.toContain('Check in');
    expect(html).toContain('Details');
  });
});
