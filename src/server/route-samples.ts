/**
 * A valid request body for every API route that takes one, so the authorisation walk reaches
 * the record check instead of stopping at validation. A new route with a body must add one here:
 * the walk test fails otherwise.
 */
/** 70 kg, 0.5 mg/kg over 40 min from a 50 mg/mL vial into 100 mL: the worked example of docs/dosing.md §2.2. */
function sampleDoseInputs() {
  return {
    protocol: { origin: 'library', id: 'iv-depression', version: 1 },
    stepId: 'standard',
    patient: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'female' },
    preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
  };
}

export const sampleBodies: Record<string, unknown> = {
  'post /api/setup': {
    setupCode: 'AAAA-BBBB',
    clinicName: 'Sample Clinic',
    displayName: 'Sam',
    email: 'sam@example.test',
    password: 'correct horse battery staple',
  },
  'post /api/auth/login': { email: 'nobody@example.test', password: 'wrong password here' },
  'post /api/auth/mfa': { code: '123456' },
  'post /api/auth/mfa/enrol/confirm': { code: '123456' },
  'post /api/auth/new-password': { newPassword: 'a brand new passphrase' },
  'post /api/auth/password': {
    currentPassword: 'wrong password here',
    newPassword: 'a brand new passphrase',
    code: '123456',
  },
  'post /api/patients': {
    legalGivenName: 'Sample',
    legalFamilyName: 'Patient',
    birthDate: '1980-01-01',
    sexAtBirth: 'female',
  },
  'patch /api/patients/:id': { version: 1, changes: { phone: '555-0100' } },
  'post /api/patients/:id/deactivate': { version: 1, reason: 'duplicate record' },
  'post /api/patients/:id/reactivate': { version: 1, reason: 'entered in error' },
  'post /api/users': {
    email: 'new.person@example.test',
    displayName: 'New Person',
    role: 'nurse',
    temporaryPassword: 'correct horse battery staple',
  },
  'patch /api/users/:id': { version: 1, displayName: 'Renamed' },
  'patch /api/enquiries/:id': { version: 1, status: 'contacted' },
  'patch /api/clinic': { settings: { security: { sessionIdleMinutes: 10 } } },
  'post /api/protocols/copy': {
    source: { origin: 'library', id: 'iv-depression', version: 1 },
    id: 'sample-copy',
    name: 'Sample copy',
  },
  'post /api/protocols/:id/revise': { changes: { name: 'Sample copy, renamed' }, note: 'sample revision' },
  'post /api/patients/:id/doses/preview': sampleDoseInputs(),
  'post /api/patients/:id/doses': { ...sampleDoseInputs(), confirmTotalMg: 35 },
  'post /api/doses/:id/verify': {},
  'post /api/doses/:id/mark-ready': {},
  'post /api/patients/:id/body-measurements': {
    weight: { value: 70, unit: 'kg' },
    height: { value: 175, unit: 'cm' },
    source: 'clinic-scale',
  },
  'post /api/doses/:id/cancel': { reason: 'entered in error' },
  'post /api/doses/:id/amend': { ...sampleDoseInputs(), confirmTotalMg: 35, reason: 'weight re-measured' },
  // Measurement-based care (docs/measurement-based-care.md).
  'post /api/patients/:id/assessments': {
    instrumentId: 'phq9',
    answers: { item1: 1, item2: 1, item3: 0, item4: 0, item5: 0, item6: 0, item7: 0, item8: 0, item9: 0 },
  },
  'post /api/assessments/:id/amend': {
    answers: { item1: 2, item2: 1, item3: 0, item4: 0, item5: 0, item6: 0, item7: 0, item8: 0, item9: 0 },
    reason: 'item 1 was entered wrongly',
  },
  'post /api/safety-alerts/:id/actions': {
    kind: 'safety-assessment',
    note: 'Assessed in person; no current intent; safety plan reviewed',
  },
  'post /api/patients/:id/measurement-plans': {
    name: 'Induction',
    rules: [{ kind: 'before-anchor', instruments: ['phq9', 'gad7'], windowHours: 48 }],
  },
  'patch /api/measurement-plans/:id': { version: 1, name: 'Induction and maintenance' },
  'post /api/patients/:id/anchors': { at: '2030-01-07T14:00:00.000Z', label: 'Infusion 1' },
  'post /api/patients/:id/self-report-links': { instrumentId: 'phq9', channel: 'copy' },
  'post /api/patients/:id/kiosk': { instrumentId: 'phq9' },
  // Scheduling (docs/scheduling.md).
  'post /api/scheduling/rooms': { kind: 'infusion_chair', name: 'Chair 9' },
  'patch /api/scheduling/rooms/:id': { name: 'Chair 10' },
  'put /api/scheduling/staff/:id': {
    role: 'nurse',
    hours: [{ weekday: 1, opens: '08:00', closes: '16:00' }],
  },
  'post /api/scheduling/time-off': {
    userId: '00000000-0000-4000-8000-000000000000',
    startsAt: '2030-01-07T14:00:00Z',
    endsAt: '2030-01-08T14:00:00Z',
    reason: 'Leave',
  },
  'post /api/scheduling/closures': { fromDate: '2030-12-25', toDate: '2030-12-26', reason: 'Holiday' },
  'patch /api/scheduling/types/:id': { name: 'Consultation', version: 1 },
  'post /api/appointments': {
    patientId: '00000000-0000-4000-8000-000000000000',
    typeId: '00000000-0000-4000-8000-000000000000',
    start: '2030-01-07T14:00:00Z',
  },
  'post /api/appointments/:id/reschedule': { start: '2030-01-08T14:00:00Z', version: 1 },
  'post /api/appointments/:id/cancel': { reason: 'Patient asked to cancel', version: 1 },
  'post /api/appointments/:id/status': { action: 'check_in', version: 1 },
  'post /api/appointments/series/propose': {
    patientId: '00000000-0000-4000-8000-000000000000',
    typeId: '00000000-0000-4000-8000-000000000000',
    startDate: '2030-01-07',
  },
  'post /api/appointments/series': {
    patientId: '00000000-0000-4000-8000-000000000000',
    typeId: '00000000-0000-4000-8000-000000000000',
    kind: 'induction',
    sessions: [{ start: '2030-01-07T14:00:00Z' }],
  },
  'put /api/patients/:id/reminder-preference': { optedOut: true },
  // Intake, eligibility and consent (docs/intake-and-consent.md).
  'post /api/patients/:id/intake': { answers: { goals: 'Feel like myself again' }, kind: 'draft' },
  'post /api/patients/:id/medications': {
    entries: [{ drug: 'sertraline', doseMg: 100, timesPerDay: 1, asNeeded: false }],
  },
  'post /api/patients/:id/screening': { product: 'iv_ketamine' },
  'post /api/patients/:id/eligibility': {
    product: 'iv_ketamine',
    evaluationId: '00000000-0000-4000-8000-000000000000',
    decision: 'eligible',
  },
  'post /api/patients/:id/consents': {
    templateId: '00000000-0000-4000-8000-000000000000',
    typedName: 'Sample Patient',
    drawnSignature: {
      width: 300,
      height: 100,
      strokes: [
        [
          [10, 10],
          [50, 40],
        ],
      ],
    },
    esignConsent: true,
  },
  'post /api/consents/:id/withdraw': { reason: 'Patient changed their mind' },
  'post /api/patients/:id/form-links': { purpose: 'intake', channel: 'copy' },
  'post /api/sessions': { patientId: '00000000-0000-4000-8000-000000000000', kind: 'iv_ketamine' },
  'post /api/sessions/:id/entries': {
    type: 'vitals',
    clientEntryId: '00000000-0000-4000-8000-000000000001',
    line: '128/82 72 98 14',
  },
  'post /api/rems/certification': {
    status: 'certified',
    authorizedRepresentative: 'Dana Reyes',
    certifiedOn: '2026-01-15',
    setting: { name: 'Sample Clinic', address1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
  },
  'post /api/patients/:id/rems-enrolment': { status: 'enrolled', enrolledOn: '2026-02-01' },
  'post /api/rems-forms/:id/values': { values: { hcp_phone: '555-0100' }, version: 1 },
  'post /api/rems-forms/:id/submission': { submittedOn: '2026-12-02', channel: 'online', version: 1 },
  'post /api/rems/form-templates': { definition: { version: 'sample' } },
  'post /api/ledger/registrations': {
    deaNumber: 'AB1234563',
    schedules: ['III'],
    expiresOn: '2030-01-31',
    siteName: 'Sample Clinic',
    siteAddress: '1 Main St, Springfield, IL 62701',
  },
  'post /api/ledger/locations': { registrationId: '00000000-0000-4000-8000-000000000000', name: 'Safe A' },
  'post /api/ledger/products': {
    key: 'ketamine-10-20',
    name: 'Ketamine HCl injection 10 mg/mL, 20 mL vial',
    substance: 'ketamine_hcl',
    finishedForm: 'injection, solution',
    contentMg: 200,
    volumeMl: 20,
    countAs: 'volume',
    containerLabel: '20 mL multi-dose vial',
    ndc: null,
  },
  'post /api/ledger/receipts': {
    locationId: '00000000-0000-4000-8000-000000000000',
    supplier: { name: 'Sample Supplier', address: '2 Depot Rd', deaNumber: 'RS1234563' },
    invoiceNumber: 'INV-1',
    receivedOn: '2026-01-05',
    containers: [
      { productKey: 'ketamine-50-10', lotNumber: 'L1', expiryDate: '2030-01-01', labelNumber: 'K-1' },
    ],
  },
  'post /api/ledger/containers/:id/open': {},
  'post /api/ledger/containers/:id/administer': {
    sessionId: '00000000-0000-4000-8000-000000000000',
    doseId: '00000000-0000-4000-8000-000000000000',
    quantity: { value: 35, unit: 'mg' },
  },
  'post /api/ledger/containers/:id/waste': {
    quantity: { value: 1, unit: 'mL' },
    manner: 'drawn into a waste container',
    witness: { email: 'witness@example.test', password: 'wrong password here', code: '123456' },
  },
  'post /api/ledger/containers/:id/transfer': { toLocationId: '00000000-0000-4000-8000-000000000000' },
  'post /api/ledger/containers/:id/return': {
    distributor: { name: 'Returns Co', address: '3 Depot Rd', deaNumber: 'RR1234563' },
  },
  'post /api/ledger/containers/:id/expire': { reason: 'expired' },
  'post /api/ledger/containers/:id/adjust': {
    deltaMg: -5,
    reason: 'spill found at count',
    witness: { email: 'witness@example.test', password: 'wrong password here', code: '123456' },
  },
  'post /api/ledger/events/:id/correction': {
    reason: 'entered against the wrong vial',
    witness: { email: 'witness@example.test', password: 'wrong password here', code: '123456' },
  },
  'post /api/ledger/counts': { locationId: '00000000-0000-4000-8000-000000000000', mode: 'blind' },
  'post /api/ledger/counts/:id/submit': {
    lines: [
      {
        containerId: '00000000-0000-4000-8000-000000000000',
        counted: { value: 10, unit: 'mL' },
        estimated: false,
      },
    ],
  },
  'post /api/ledger/discrepancies/:id/notes': { text: 'checked the waste bin' },
  'post /api/ledger/discrepancies/:id/resolve': { reason: 'a waste entered against the wrong vial' },
  'post /api/ledger/discrepancies/:id/filings': {
    kind: 'written_notice',
    filedOn: '2026-03-02',
    reference: 'emailed to the Field Division',
  },
  'post /api/ledger/discrepancies/:id/judgement': {
    kind: 'theft',
    judgement: 'significant',
    rationale: 'a vial is missing from the safe',
    answers: [],
  },
  'post /api/ledger/inventories/sheet': { locationIds: ['00000000-0000-4000-8000-000000000000'] },
  'post /api/ledger/inventories': {
    kind: 'biennial',
    takenOn: '2026-01-05',
    timeOfDay: 'close_of_business',
    locationIds: ['00000000-0000-4000-8000-000000000000'],
    lines: [
      { containerId: '00000000-0000-4000-8000-000000000001', present: true },
      {
        containerId: '00000000-0000-4000-8000-000000000002',
        counted: { value: 4.5, unit: 'mL' },
        estimated: true,
      },
    ],
    zeroStock: false,
    signature: { password: 'wrong password here', code: '123456' },
  },
};

/**
 * A valid query for every GET route that declares a query schema, so the hostile-input test changes
 * one parameter at a time from something the route accepts. A new route with a query adds one here.
 */
export const sampleQueries: Record<string, Record<string, string>> = {
  'get /api/patients': {
    q: 'smith 1980-02-03',
    careStatus: 'in_treatment',
    includeInactive: 'false',
    limit: '25',
  },
  'get /api/audit': {
    from: '2024-01-01',
    to: '2024-02-01T00:00:00Z',
    action: 'read',
    sort: 'user',
    limit: '50',
  },
  'get /api/audit.csv': { from: '2024-01-01T09:30:00+02:00', action: 'read', dir: 'asc' },
  'get /api/enquiries': { status: 'new', limit: '20', offset: '0' },
  'get /api/patients/:id/assessments': { instrument: 'phq9', limit: '20', offset: '0' },
  'get /api/patients/:id/trajectory': { instrument: 'phq9' },
  'get /api/patients/:id/trajectory/csv': { instrument: 'phq9' },
  'get /api/safety-alerts': { scope: 'all' },
  'get /api/measurement/due': { status: 'overdue' },
  'get /api/outbox': { status: 'queued', limit: '20', offset: '0' },
  'get /api/scheduling/slots': {
    typeId: '00000000-0000-4000-8000-000000000000',
    from: '2030-01-07',
    days: '7',
    weekdays: '1,3',
    earliest: '09:00',
    latest: '15:00',
    limit: '10',
  },
  'get /api/appointments': { from: '2030-01-07', to: '2030-01-13', includeCancelled: 'true' },
  'get /api/patients/:id/readiness': { product: 'iv_ketamine', date: '2030-01-07' },
  'get /api/ledger/reports/administrations': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/administrations.csv': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/perpetual': {
    productKey: 'ketamine-50-10',
    from: '2026-01-01',
    to: '2026-01-31',
    offset: '0',
    limit: '50',
  },
  'get /api/ledger/reports/perpetual.csv': {
    productKey: 'ketamine-50-10',
    from: '2026-01-01',
    to: '2026-01-31',
  },
  // The registrant's reports: receipts, disposals, and each report as PDF.
  'get /api/ledger/reports/administrations.pdf': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/perpetual.pdf': {
    productKey: 'ketamine-50-10',
    from: '2026-01-01',
    to: '2026-01-31',
  },
  'get /api/ledger/reports/receipts': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/receipts.csv': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/receipts.pdf': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/disposals': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/disposals.csv': { from: '2026-01-01', to: '2026-01-31' },
  'get /api/ledger/reports/disposals.pdf': { from: '2026-01-01', to: '2026-01-31' },
};
