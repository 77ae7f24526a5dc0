import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { StaffRole } from '../../../domain/auth';
import { createQueryClient } from '../query/query-client';
import { appBase } from '../routing/routes';
import { meAs, uuid } from '../session/session-fixture.test-helper';
import { SessionContext } from '../session-context';
import { internalNameLeaks, visibleText } from '../ui/internal-name-leaks';
import { RemsCertificationPage } from './certification-page';
import { RemsEnrolmentSection } from './enrolment-section';
import { FormsDueTable } from './forms-due-page';
import {
  remsKeys,
  type CertificationView,
  type EnrolmentView,
  type FormItem,
  type RemsFormView,
} from './rems-api';
import { RemsFormBody } from './rems-form-page';

function render(role: StaffRole, node: ReactNode, client: QueryClient = createQueryClient()): string {
  return renderToStaticMarkup(
    <Router base={appBase} ssrPath="/app/rems/forms-due">
      <QueryClientProvider client={client}>
        <SessionContext.Provider
          value={{ me: meAs(role), signOut: () => undefined, refresh: () => undefined }}
        >
          {node}
        </SessionContext.Provider>
      </QueryClientProvider>
    </Router>,
  );
}

const by = { id: uuid(900), label: 'N. Nurse' };

const item = (over: Partial<FormItem> & Pick<FormItem, 'id' | 'label' | 'kind'>): FormItem => ({
  section: 'Treatment',
  options: [],
  required: true,
  unverified: false,
  origin: 'staff',
  value: null,
  ...over,
});

function formFixture(over: Partial<RemsFormView> = {}): RemsFormView {
  return {
    id: uuid(40),
    sessionId: uuid(1),
    patient: { id: uuid(2), name: 'Alex Example' },
    templateVersion: '2021-11',
    title: 'SPRAVATO REMS Patient Monitoring Form (outpatient use)',
    treatmentDate: '2030-01-02',
    dueOn: '2030-01-09',
    status: 'due',
    daysLeft: 3,
    items: [
      item({
        id: 'patient_first_name',
        label: 'First name',
        kind: 'text',
        section: 'Patient',
        origin: 'chart',
        value: 'Alex',
      }),
      item({
        id: 'dose',
        label: 'Dose',
        kind: 'choice',
        options: ['56 mg', '84 mg', 'Other'],
        origin: 'chart',
        value: '84 mg',
      }),
      item({
        id: 'hcp_phone',
        label: 'Telephone',
        kind: 'text',
        section: 'Healthcare provider',
        origin: 'missing',
      }),
      item({
        id: 'rems_evaluation_minutes',
        label: 'Ready to leave after (minutes)',
        kind: 'number',
        origin: 'staff',
        value: '90',
      }),
      item({
        id: 'bp_prior',
        label: 'Before administration',
        kind: 'blood_pressure',
        section: 'Blood pressure',
        origin: 'chart',
        value: '128/82',
      }),
      item({
        id: 'sedation',
        label: 'Did the patient experience sedation?',
        kind: 'yes_no',
        section: 'Monitoring',
        unverified: true,
        origin: 'missing',
      }),
    ],
    missing: [
      { field: 'hcp_phone', message: 'is required' },
      { field: 'sedation', message: 'is required' },
    ],
    submission: {
      withinDays: 7,
      online: 'www.SPRAVATOrems.com',
      fax: '1-877-778-0091',
      phone: '1-855-382-6022',
    },
    submitted: null,
    seriousAdverseEvents: [],
    version: 4,
    ...over,
  };
}

describe('the monitoring form page', () => {
  it('shows chart items read-only, staff items by kind, the unverified flag and what is missing', () => {
    const html = render('nurse', <RemsFormBody form={formFixture()} canEdit />);
    expect(html).toContain('from the chart');
    expect(html).toContain('128/82');
    expect(html).toContain('check against the current form');
    expect(html).toMatch(/type="radio"[^>]*value="Yes"/);
    expect(html).toContain('value="90"');
    expect(html).toContain('Missing (2)');
    expect(html).toContain('Healthcare provider: Telephone');
    expect(html).toContain('Save form');
    expect(html).toContain('Print / PDF');
    expect(html).toContain(`/api/rems-forms/${uuid(40)}/pdf`);
    expect(html).toContain('1-877-778-0091');
    expect(html).toMatch(/<button type="submit" class="button" disabled="">Mark as submitted/);
    // A chart value is never an input.
    expect(html).not.toContain('value="Alex"');
  });

  it('enables the submission when nothing is missing', () => {
    const html = render('nurse', <RemsFormBody form={formFixture({ missing: [] })} canEdit />);
    expect(html).toContain('Nothing is missing');
    expect(html).toMatch(/<button type="submit" class="button">Mark as submitted/);
    expect(html).toContain('>Confirmation number');
    expect(html).toContain('>Submitted on');
    expect(html).toContain('Online');
    expect(html).toContain('Fax');
  });

  it('reads as a record once submitted', () => {
    const form = formFixture({
      status: 'submitted',
      missing: [],
      submitted: {
        on: '2030-01-04',
        channel: 'fax',
        confirmation: 'C-123',
        by,
        at: '2030-01-04T15:00:00.000Z',
      },
    });
    const html = render('nurse', <RemsFormBody form={form} canEdit />);
    expect(html).toContain('Sent by fax');
    expect(html).toContain('confirmation number C-123');
    expect(html).not.toContain('Save form');
    expect(html).not.toContain('type="radio"');
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });

  it('names serious adverse events for the phone report', () => {
    const html = render(
      'nurse',
      <RemsFormBody form={formFixture({ seriousAdverseEvents: ['Syncope'] })} canEdit />,
    );
    expect(html).toContain('also reported to the REMS by phone (1-855-382-6022)');
    expect(html).toContain('Syncope');
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });
});

describe('the forms due', () => {
  it('lists overdue first, in words as well as colour, with links to each form', () => {
    const row = (
      n: number,
      patientName: string,
      status: 'due' | 'due_today' | 'overdue',
      daysLeft: number,
    ) => ({
      formId: uuid(60 + n),
      sessionId: uuid(70 + n),
      patientName,
      treatmentDate: '2030-01-01',
      dueOn: '2030-01-08',
      status,
      daysLeft,
    });
    const html = render(
      'nurse',
      <FormsDueTable items={[row(1, 'Bea Due', 'due', 4), row(2, 'Ava Late', 'overdue', -1)]} />,
    );
    expect(html.indexOf('Ava Late')).toBeLessThan(html.indexOf('Bea Due'));
    expect(html).toContain('1 day overdue');
    expect(html).toContain('4 days left');
    expect(html).toContain(`/app/rems-forms/${uuid(62)}?session=${uuid(72)}`);
    expect(html).toContain('Open form');
    expect(internalNameLeaks(visibleText(html))).toEqual([]);
  });
});

describe('enrolment and certification', () => {
  const enrolment: EnrolmentView = {
    status: 'enrolled',
    enrolledOn: '2029-12-01',
    remsPatientId: 'P-778',
    prescriber: { id: uuid(501), label: 'Dr P. Physician' },
    settingCertified: false,
    history: [
      {
        id: uuid(80),
        status: 'enrolled',
        enrolledOn: '2029-12-01',
        recordedAt: '2029-12-01T15:00:00.000Z',
        recordedBy: by,
      },
    ],
  };

  it('shows the enrolment to the front desk and the form to those who enrol', () => {
    const client = createQueryClient();
    client.setQueryData(remsKeys.enrolment(uuid(2)), enrolment);
    const desk = render('front_desk', <RemsEnrolmentSection patientId={uuid(2)} />, client);
    expect(desk).toContain('SPRAVATO REMS enrolment');
    expect(desk).toContain('REMS patient ID P-778');
    expect(desk).toContain('prescriber Dr P. Physician');
    expect(desk).toContain('The setting is not certified');
    expect(desk).not.toContain('Record enrolment');
    const nurse = render('nurse', <RemsEnrolmentSection patientId={uuid(2)} />, client);
    expect(nurse).toContain('Record enrolment');
    expect(nurse).toContain('>Enrolled on');
    expect(nurse).toContain('>REMS patient ID');
    expect(nurse).toContain('Prescriber who signed the enrolment form');
    expect(internalNameLeaks(visibleText(nurse))).toEqual([]);
  });

  it('shows the certification with its address, and the form to those who certify', () => {
    const view: CertificationView = {
      current: {
        id: uuid(90),
        status: 'certified',
        settingIdentifier: 'S-1',
        authorizedRepresentative: 'Pat Owner',
        certifiedOn: '2029-11-01',
        setting: {
          name: 'Arbor Clinic',
          address1: '1 Main St',
          address2: '',
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          phone: '',
        },
        note: null,
        recordedBy: by,
        recordedAt: '2029-11-01T15:00:00.000Z',
      },
      history: [
        { id: uuid(90), status: 'certified', recordedAt: '2029-11-01T15:00:00.000Z', recordedBy: by },
      ],
    };
    const client = createQueryClient();
    client.setQueryData(remsKeys.certification, view);
    client.setQueryData(remsKeys.templates, {
      items: [
        { version: '2021-11', title: 'Monitoring form', loadedAt: '2029-11-01T15:00:00.000Z', current: true },
      ],
    });
    const admin = render('admin', <RemsCertificationPage />, client);
    expect(admin).toContain('Springfield, IL 62701');
    expect(admin).toContain('Record certification');
    expect(admin).toContain('Form versions');
    expect(admin).toContain('Load form version');
    expect(admin).toContain('>Authorized representative');
    const nurse = render('nurse', <RemsCertificationPage />, client);
    expect(nurse).not.toContain('Record certification');
    expect(nurse).not.toContain('Load form version');
    expect(internalNameLeaks(visibleText(admin))).toEqual([]);
  });
});
