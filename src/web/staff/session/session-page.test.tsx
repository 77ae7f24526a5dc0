import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { StaffRole } from '../../../domain/auth';
import { createQueryClient } from '../query/query-client';
import { appBase } from '../routing/routes';
import { internalNameLeaks, visibleText } from '../ui/internal-name-leaks';
import { SessionContext } from '../session-context';
import { BoardPage } from './board-page';
import { ChecklistSection } from './checklist-section';
import { DischargeGateSection, DoseSection } from './dose-section';
import { EventsSection } from './events-section';
import { NoteSection } from './note-section';
import { ScalesSection } from './scales-section';
import { TimelineSection } from './timeline-section';
import { ActionsSection } from './session-actions';
import type { SessionView } from './session-api';
import { DevicesSection } from './devices-section';
import { RemsReportNotice } from './rems-strip';
import { esketamineFixture, meAs, sessionFixture } from './session-fixture.test-helper';
import { SessionHeader } from './session-header';
import type { SectionProps } from './session-fields';
import { VitalsSection } from './vitals-section';

const entries = { send: async () => ({ kind: 'waiting' as const }), waiting: 0, lateRefusal: undefined };

function render(role: StaffRole, node: ReactNode): string {
  return renderToStaticMarkup(
    <Router base={appBase} ssrPath="/app/board">
      <QueryClientProvider client={createQueryClient()}>
        <SessionContext.Provider
          value={{ me: meAs(role), signOut: () => undefined, refresh: () => undefined }}
        >
          {node}
        </SessionContext.Provider>
      </QueryClientProvider>
    </Router>,
  );
}

const props = (view: SessionView, physician: boolean): SectionProps => ({
  view,
  entries,
  canChart: true,
  physician,
});

describe('the session page', () => {
  it('heads the page with the patient, the state, the late vitals and the alert in words', () => {
    const html = render(
      'nurse',
      <SessionHeader view={sessionFixture()} now={Date.parse('2030-01-02T15:40:00Z')} />,
    );
    expect(html).toContain('<h1>Alex Example</h1>');
    expect(html).toContain('Infusing');
    expect(html).toContain('30 min');
    expect(html).toMatch(/session-timing--late[^>]*>[^<]*\(late\)/);
    expect(html).toContain('Alert:');
  });

  it('offers physician-only actions to physicians only', () => {
    const view = sessionFixture();
    const nurse = render('nurse', <ActionsSection {...props(view, false)} />);
    const physician = render('physician', <ActionsSection {...props(view, true)} />);
    expect(nurse).toContain('Stop infusion');
    expect(nurse).toContain('Pause infusion');
    expect(nurse).not.toContain('End session early');
    expect(physician).toContain('End session early');
    expect(physician).toContain('Transfer out');
  });

  it('shows the dose and its pump rate on the start form', () => {
    const view = sessionFixture({ state: 'checklist_done', actions: ['start'] });
    const html = render('nurse', <ActionsSection {...props(view, false)} />);
    expect(html).toContain('Start infusion');
    expect(html).toContain('35 mg');
    expect(html).toContain('value="52.5"');
  });

  it('asks the physician, and only the physician, for the blood pressure decision', () => {
    const view = sessionFixture({ state: 'checked_in' });
    expect(render('nurse', <ChecklistSection {...props(view, false)} />)).not.toContain('Record decision');
    const html = render('physician', <ChecklistSection {...props(view, true)} />);
    expect(html).toContain('Record decision');
    expect(html).toContain('above 140/90');
    expect(html).toContain('Save checklist');
    expect(html).toContain('Baseline vitals');
  });

  it('has the quick vitals line, the schedule and a chart with a text alternative', () => {
    const html = render('nurse', <VitalsSection {...props(sessionFixture(), false)} />);
    expect(html).toContain('placeholder="142/88 76 98 16"');
    expect(html).toContain('>Vitals</label>');
    expect(html).toContain('Predicted ketamine (model');
    expect(html).toMatch(/role="img" aria-label="1 vital sign readings; systolic 182–182/);
    expect(html).toContain('session-row--alert');
  });

  it('signs, then co-signs and links the PDF', () => {
    const draft = sessionFixture({ state: 'discharged', actions: ['sign_note'] });
    expect(render('nurse', <NoteSection {...props(draft, false)} />)).toContain('Sign note');
    const signed = sessionFixture({
      state: 'note_signed',
      actions: ['cosign_note', 'amend_note'],
      note: {
        draft: [],
        signed: {
          text: 'Summary',
          sha256: 'abc',
          by: { id: draft.id, label: 'N. Nurse' },
          at: '2030-01-02T17:00:00Z',
        },
        cosigned: null,
        amendments: [],
      },
    });
    const html = render('physician', <NoteSection {...props(signed, true)} />);
    expect(html).toContain('Co-sign');
    expect(html).toContain('note.pdf');
    expect(html).toContain('Amend');
    expect(render('nurse', <NoteSection {...props(signed, false)} />)).not.toContain('Co-sign');
  });
});

describe('every section', () => {
  it('shows no internal names to the clinician', () => {
    const view = sessionFixture({ state: 'checked_in' });
    const p = props(view, true);
    const html = render(
      'physician',
      <>
        <SessionHeader view={view} now={Date.parse('2030-01-02T15:40:00Z')} />
        <ActionsSection {...p} />
        <ChecklistSection {...p} />
        <VitalsSection {...p} />
        <ScalesSection {...p} />
        <EventsSection {...p} />
        <DoseSection {...p} />
        <DischargeGateSection view={view} />
        <NoteSection {...p} />
        <TimelineSection entries={view.entries} />
      </>,
    );
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
    expect(html).toContain('Record adverse event');
    expect(html).toContain('Record rescue medication');
    expect(html).toContain('Save CADSS-6');
  });
});

describe('an esketamine session', () => {
  const now = Date.parse('2030-01-02T15:12:00Z');

  it('starts with the first device and its lot, without a pump rate', () => {
    const view = esketamineFixture({
      state: 'checklist_done',
      actions: ['start'],
      devices: [],
      startedAt: null,
    });
    const html = render('nurse', <ActionsSection {...props(view, false)} />);
    expect(html).toContain('Record first device');
    expect(html).toContain('>Lot of the first device');
    expect(html).toContain('3 devices of 28 mg');
    expect(html).not.toContain('Pump rate');
  });

  it('ends administration rather than an infusion', () => {
    const html = render('nurse', <ActionsSection {...props(esketamineFixture(), false)} />);
    expect(html).toContain('End administration');
    expect(html).not.toContain('Stop infusion');
  });

  it('lists the devices taken and offers the next one with the previous lot', () => {
    const html = render('nurse', <DevicesSection {...props(esketamineFixture(), false)} />);
    expect(html).toContain('Device 1 of 3');
    expect(html).toContain('LOT-A1');
    expect(html).toContain('>Lot of the next device');
    expect(html).toContain('value="LOT-A1"');
    expect(html).toContain('Record device 2');
    expect(html).toMatch(/Available (in|now)/);
  });

  it('offers no further device once the order is complete', () => {
    const devices = ['15:10', '15:15', '15:20'].map((t, i) => ({
      entryId: `00000000-0000-4000-8000-00000000003${i}`,
      at: `2030-01-02T${t}:00.000Z`,
      lot: 'LOT-A1',
    }));
    const html = render('nurse', <DevicesSection {...props(esketamineFixture({ devices }), false)} />);
    expect(html).toContain('Device 3 of 3');
    expect(html).not.toContain('Lot of the next device');
    expect(html).toContain('end administration');
  });

  it('shows the REMS strip with the form deadline and a link to the form', () => {
    const html = render('nurse', <SessionHeader view={esketamineFixture()} now={now} />);
    expect(html).toContain('aria-label="SPRAVATO REMS"');
    expect(html).toContain('Patient enrolled');
    expect(html).toContain('Setting certified');
    expect(html).toContain('Due by');
    expect(html).toContain('Open the monitoring form');
    expect(html).toContain(`/app/rems-forms/${esketamineFixture().rems?.formId}?session=`);
    const refused = esketamineFixture({
      rems: { ...esketamineFixture().rems!, patientEnrolled: false, settingCertified: false },
    });
    const words = render('front_desk', <SessionHeader view={refused} now={now} />);
    expect(words).toContain('Patient not enrolled in the REMS');
    expect(words).toContain('Setting not certified');
    expect(words).not.toContain('Open the monitoring form');
  });

  it('asks for a phone report of each serious adverse event, with what to report', () => {
    const html = render('nurse', <RemsReportNotice view={esketamineFixture()} />);
    expect(html).toContain('Report to the SPRAVATO REMS by phone:');
    expect(html).toContain('1-855-382-6022');
    expect(html).toContain('Syncope');
    expect(html).toContain('Alex Example');
    expect(html).toContain('MRN-0001');
    const iv = sessionFixture({ adverseEvents: esketamineFixture().adverseEvents });
    expect(render('nurse', <RemsReportNotice view={iv} />)).toBe('');
  });

  it('shows no internal names', () => {
    const view = esketamineFixture();
    const p = props(view, true);
    const html = render(
      'physician',
      <>
        <SessionHeader view={view} now={now} />
        <RemsReportNotice view={view} />
        <ActionsSection {...p} />
        <DevicesSection {...p} />
      </>,
    );
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });
});

describe('the chair board', () => {
  it('has its heading and the walk-in check-in for those who may check in', () => {
    expect(render('front_desk', <BoardPage />)).toContain('Check in a walk-in');
    expect(render('nurse', <BoardPage />)).toContain('<h1>Chair board</h1>');
  });
});
