import type { ConsentTemplate, ConsentTemplateCode } from './consent-types.js';

/**
 * The two consent forms Arbor ships: IV ketamine (off-label, for depression) and SPRAVATO (esketamine)
 * nasal spray. Plain English for a reading age of about grade 8, in plain ASCII so the signed PDF shows
 * exactly the characters that were hashed. `{clinicName}` and `{patientName}` are filled in when the form
 * is rendered.
 *
 * Every section lists the register entries it was reviewed against (docs/clinical-sources.md). Where an
 * entry is only secondary (frequency of side effects, bladder problems, pregnancy and breastfeeding,
 * pre-dose fasting) the wording stays general: "many", "some", "tell us", never a percentage or a rule.
 * These are defaults a clinic reviews; a clinic's edit is saved as a new version of the same code.
 *
 * Sources, by anchor:
 * - docs/clinical-sources.md#ketamine-regulatory-status - approved as an anaesthetic, not for depression;
 *   Schedule III.
 * - docs/clinical-sources.md#ketalar-label - blood-pressure contraindication; responsible adult on release.
 * - docs/clinical-sources.md#iv-depression-standard-protocol - 0.5 mg/kg over 40 minutes; response and
 *   relapse in the trials.
 * - docs/clinical-sources.md#weight-basis - the dose is calculated on body weight.
 * - docs/clinical-sources.md#scheduling-durations - infusion plus recovery at the clinic.
 * - docs/clinical-sources.md#in-session-monitoring - blood pressure, heart rate and oxygen saturation.
 * - docs/clinical-sources.md#blood-pressure - the rise peaks at about 40 minutes; severe rises are rare.
 * - docs/clinical-sources.md#induction-series - a course of about 6 infusions over 2 to 3 weeks.
 * - docs/clinical-sources.md#ketamine-side-effects - the most common effects of IV ketamine for depression.
 * - docs/clinical-sources.md#rescue-medications - medicines for nausea, anxiety or blood pressure.
 * - docs/clinical-sources.md#ketamine-urinary-tract - bladder problems with frequent or long-term use.
 * - docs/clinical-sources.md#ketamine-abuse-dependence - abuse, misuse and dependence.
 * - docs/clinical-sources.md#ketamine-pregnancy - pregnancy and breastfeeding.
 * - docs/clinical-sources.md#ketamine-driving-escort - no driving until the next day; an adult escort.
 * - docs/clinical-sources.md#discharge-criteria - leaving the clinic after a session.
 * - docs/clinical-sources.md#drug-interactions - alcohol adds to sedation.
 * - docs/clinical-sources.md#pre-treatment-contraindications - history to tell the clinic about.
 * - docs/clinical-sources.md#depression-treatment-alternatives - other treatments for depression.
 * - docs/clinical-sources.md#spravato-indications - approved uses, limits of use, antidepressant warning.
 * - docs/clinical-sources.md#spravato-rems - certified setting, enrolment, never at home, session reports.
 * - docs/clinical-sources.md#spravato-label-safety - blood pressure, sedation, dissociation, 2 hours.
 * - docs/clinical-sources.md#spravato-monitoring - at least 2 hours with a prescriber on site.
 * - docs/clinical-sources.md#spravato-dosing - devices, sprays, twice weekly for the first 4 weeks.
 * - docs/clinical-sources.md#spravato-pre-dose - food, drink and driving instructions.
 * - docs/clinical-sources.md#consent-contents - what an informed consent covers.
 * - docs/clinical-sources.md#consent-versioning - versions, re-consent and expiry (Arbor design).
 */

const QUESTIONS_AND_WITHDRAWAL = (treatment: string) => ({
  heading: 'Your questions and your right to stop',
  paragraphs: [
    'You can ask questions at any time: before you sign, before each treatment, and during your course.',
    `Having ${treatment} is your choice. You can withdraw this consent at any time, even in the middle of your course, by telling any member of staff. If you ask to stop during a treatment, staff will stop it and keep watching you until it is safe for you to leave.`,
    `Saying no, or withdrawing later, will not affect your right to other care at {clinicName}.`,
    'If you have a medical emergency after you leave, or thoughts of harming yourself, call 911 or contact the clinic or your crisis line straight away.',
  ],
  anchors: ['consent-contents'],
});

const CONSENT_IN_FORCE = {
  heading: 'How long this consent lasts',
  paragraphs: [
    'This consent covers a course of repeated treatments, not just one. It stays in place for each treatment in your course until you withdraw it, until it expires under clinic policy, or until {clinicName} asks you to sign a new version of this form.',
    'Before each treatment, tell staff if your health or your medicines have changed since you signed, or if you might be pregnant.',
  ],
  anchors: ['consent-versioning', 'consent-contents'],
};

const IV_KETAMINE: ConsentTemplate = {
  code: 'iv-ketamine',
  title: 'Consent to treatment with IV ketamine',
  version: 1,
  sections: [
    {
      heading: 'What this treatment is',
      paragraphs: [
        'Ketamine is a medicine. The U.S. Food and Drug Administration (FDA) has approved it as an anesthetic, a medicine used to put people to sleep for surgery and other procedures.',
        'The FDA has not approved ketamine to treat depression or any other mental health condition. Using a medicine in a way the FDA has not approved is called "off-label" use. It means the FDA has not reviewed whether ketamine is safe and works for this purpose.',
        'The dose used for depression is lower than the dose used for surgery. You should not be fully asleep, but you may feel very relaxed, drowsy, or "spaced out."',
        'Ketamine is a Schedule III controlled substance under federal law. This means it has medical uses but can be misused, so the law controls how it is stored, given, and recorded.',
        'This is medical treatment. It is not part of a research study.',
      ],
      anchors: ['ketamine-regulatory-status', 'iv-depression-standard-protocol', 'consent-contents'],
    },
    {
      heading: 'What happens at a visit',
      paragraphs: [
        'Before each treatment, staff check your blood pressure and ask about your health and your medicines. They may delay or cancel a treatment if it is not safe to go ahead.',
        'A nurse puts a small plastic tube (an IV line) into a vein in your arm or hand. The medicine goes in slowly through this tube, usually over about 40 minutes. Your dose is worked out from your body weight.',
        'During the infusion, staff check your blood pressure, heart rate, and oxygen level, and watch your breathing and how alert you are.',
        'After the infusion, you rest at the clinic until staff check that you have recovered enough to leave.',
      ],
      anchors: [
        'iv-depression-standard-protocol',
        'weight-basis',
        'scheduling-durations',
        'in-session-monitoring',
        'blood-pressure',
      ],
    },
    {
      heading: 'Possible benefits',
      paragraphs: [
        'Ketamine may ease depression for some people, sometimes within hours or days. It does not work for everyone, and the benefit often fades over time. No result is promised.',
        'A first course is often about 6 infusions over 2 to 3 weeks. Your clinician will talk with you about how many treatments you need and whether to continue.',
      ],
      anchors: ['iv-depression-standard-protocol', 'induction-series'],
    },
    CONSENT_IN_FORCE,
    {
      heading: 'Side effects',
      paragraphs: [
        'Most side effects start during the infusion and fade within a few hours after it ends.',
        'Many people have these: feeling detached, dreamlike, or "outside your body" (dissociation); changes in how things look, sound, or feel; a rise in blood pressure and heart rate; and feeling drowsy.',
        'Some people have these: nausea or vomiting, dizziness, headache, blurred or double vision, and feeling anxious, confused, or unsteady.',
        'A few people have these: blood pressure high enough to need treatment, slowed breathing or a low oxygen level, frightening dreams or hallucinations, an allergic reaction, or pain or bruising where the IV goes in.',
        'Staff can slow or stop the infusion, and can give you medicine for nausea, anxiety, or high blood pressure if you need it.',
      ],
      anchors: ['ketamine-side-effects', 'rescue-medications', 'in-session-monitoring'],
    },
    {
      heading: 'Blood pressure and your heart',
      paragraphs: [
        'Ketamine raises blood pressure and heart rate for a short time. The rise is usually highest about 40 minutes after the infusion starts, then settles.',
        'This can be dangerous if you have had a stroke, bleeding in the brain, or an aneurysm, if you have heart disease, or if your blood pressure is high and not under control. Tell us about any of these before you start.',
        'If your blood pressure is too high before a treatment, we may delay it. Rarely, blood pressure goes very high and needs medicine or emergency care.',
      ],
      anchors: ['blood-pressure', 'ketalar-label', 'pre-treatment-contraindications'],
    },
    {
      heading: 'Bladder and urinary problems',
      paragraphs: [
        'People who have used ketamine often or for a long time have had bladder and urinary problems. These include pain when passing urine, needing to go often or urgently, and blood in the urine.',
        'Tell us straight away if you notice any of these during your course of treatment.',
      ],
      anchors: ['ketamine-urinary-tract'],
    },
    {
      heading: 'Misuse and dependence',
      paragraphs: [
        'Ketamine can be misused, and some people become dependent on it. The risk may be higher if you have had problems with alcohol or drugs. Please tell us about any past or current use.',
        'During your course, you will receive ketamine only at the clinic. Do not use ketamine from any other source.',
      ],
      anchors: ['ketamine-abuse-dependence', 'ketamine-regulatory-status'],
    },
    {
      heading: 'Pregnancy and breastfeeding',
      paragraphs: [
        'Ketamine may harm an unborn baby. Tell us if you are pregnant, think you might be, or plan to become pregnant. If you could become pregnant, talk with your clinician about birth control during your course.',
        'Tell us if you are breastfeeding. Your clinician will talk with you about whether to breastfeed during your treatment.',
      ],
      anchors: ['ketamine-pregnancy', 'pre-treatment-contraindications'],
    },
    {
      heading: 'After each treatment: going home and driving',
      paragraphs: [
        'Ketamine affects your judgment, attention, and coordination for hours after a treatment, even if you feel fine.',
        'An adult must take you home. You cannot drive yourself.',
        'Do not drive, ride a bike, use machinery, or do anything that needs you to be fully alert until the next day, after a restful night of sleep.',
        'Do not drink alcohol for the rest of the day.',
      ],
      anchors: ['ketamine-driving-escort', 'discharge-criteria', 'drug-interactions'],
    },
    {
      heading: 'Other treatment options',
      paragraphs: [
        'You do not have to have ketamine. Other options for depression include other antidepressant medicines or adding a second medicine; talking therapy (psychotherapy); electroconvulsive therapy (ECT); transcranial magnetic stimulation (TMS); and esketamine nasal spray (SPRAVATO), which the FDA has approved for some adults with depression. You can also choose no new treatment.',
        'Your clinician can explain the possible benefits and risks of each option.',
      ],
      anchors: ['depression-treatment-alternatives', 'spravato-indications'],
    },
    QUESTIONS_AND_WITHDRAWAL('ketamine treatment'),
    {
      heading: 'Your agreement',
      paragraphs: [
        'By signing, I, {patientName}, confirm that I have read this form or had it read to me; that I have had the chance to ask questions and my questions were answered; and that I understand the possible benefits, the risks, and the other options.',
        'I agree to a course of IV ketamine treatment at {clinicName}. I understand that I can withdraw this consent at any time.',
      ],
      anchors: ['consent-contents'],
    },
  ],
  sources: [
    { anchor: 'ketamine-regulatory-status', tag: 'primary' },
    { anchor: 'iv-depression-standard-protocol', tag: 'primary' },
    { anchor: 'weight-basis', tag: 'primary/secondary' },
    { anchor: 'scheduling-durations', tag: 'primary/secondary' },
    { anchor: 'in-session-monitoring', tag: 'primary/secondary' },
    { anchor: 'blood-pressure', tag: 'primary/secondary' },
    { anchor: 'induction-series', tag: 'primary' },
    { anchor: 'ketamine-side-effects', tag: 'primary/secondary' },
    { anchor: 'rescue-medications', tag: 'secondary' },
    { anchor: 'ketalar-label', tag: 'secondary' },
    { anchor: 'pre-treatment-contraindications', tag: 'primary/secondary' },
    { anchor: 'ketamine-urinary-tract', tag: 'secondary' },
    { anchor: 'ketamine-abuse-dependence', tag: 'primary' },
    { anchor: 'ketamine-pregnancy', tag: 'secondary' },
    { anchor: 'ketamine-driving-escort', tag: 'primary/secondary' },
    { anchor: 'discharge-criteria', tag: 'primary/secondary' },
    { anchor: 'drug-interactions', tag: 'primary/secondary' },
    { anchor: 'depression-treatment-alternatives', tag: 'primary' },
    { anchor: 'spravato-indications', tag: 'primary' },
    { anchor: 'consent-contents', tag: 'primary/secondary' },
    { anchor: 'consent-versioning', tag: 'engineering' },
  ],
};

const ESKETAMINE: ConsentTemplate = {
  code: 'esketamine',
  title: 'Consent to treatment with SPRAVATO (esketamine) nasal spray',
  version: 1,
  sections: [
    {
      heading: 'What this treatment is',
      paragraphs: [
        'SPRAVATO is a nasal spray that contains esketamine, a medicine closely related to ketamine.',
        'The U.S. Food and Drug Administration (FDA) has approved SPRAVATO for adults with treatment-resistant depression (depression that has not improved enough with other antidepressant treatment). It is also approved, together with an antidepressant taken by mouth, for depressive symptoms in adults with major depression who have recent suicidal thoughts or actions. Your prescriber will tell you whether you also take an antidepressant by mouth.',
        'SPRAVATO does not replace hospital care. If your clinician thinks you need to be in the hospital, you may still need to go, even if you feel better after a dose.',
        'Esketamine is a Schedule III controlled substance under federal law. This is medical treatment. It is not part of a research study.',
      ],
      anchors: ['spravato-indications', 'ketamine-regulatory-status', 'consent-contents'],
    },
    {
      heading: 'The SPRAVATO REMS safety program',
      paragraphs: [
        'Because of the risks of sedation, dissociation, breathing problems, and misuse, SPRAVATO is only available through a restricted program called the SPRAVATO REMS. You must be enrolled in the program before your first dose. {clinicName} is a healthcare setting certified in the program.',
        'You will use SPRAVATO only at the clinic, under supervision. You will never take it home.',
        'After each session, the clinic sends the program a report about the session, such as your blood pressure and any side effects, as the program requires.',
      ],
      anchors: ['spravato-rems', 'spravato-indications'],
    },
    {
      heading: 'What happens at a visit',
      paragraphs: [
        'Staff will tell you what to eat and drink before each session, and when to use any other nasal sprays you take.',
        'Before each dose, staff check your blood pressure. If it is too high, your dose may be delayed.',
        'You spray the medicine into your own nose while a healthcare provider watches. Each device gives 2 sprays, one in each nostril. Depending on your dose, you use 1 to 3 devices, with a 5-minute rest between them.',
        'After your dose, you stay at the clinic for at least 2 hours, and until staff check that you are stable and ready to leave. Staff check your blood pressure again about 40 minutes after the dose and before you leave, and watch your breathing and oxygen level.',
      ],
      anchors: [
        'spravato-pre-dose',
        'spravato-label-safety',
        'spravato-dosing',
        'spravato-monitoring',
        'in-session-monitoring',
      ],
    },
    {
      heading: 'Possible benefits',
      paragraphs: [
        'SPRAVATO may ease depression symptoms. It does not work for everyone, and no result is promised.',
        'Most people start with 2 sessions a week for the first 4 weeks. After that, sessions are usually less often. Your prescriber will review how you are doing and decide with you whether to continue.',
      ],
      anchors: ['spravato-dosing', 'spravato-indications'],
    },
    CONSENT_IN_FORCE,
    {
      heading: 'Side effects',
      paragraphs: [
        'Many people have these: feeling sleepy or drowsy (sedation), and feeling detached, dreamlike, or "outside your body" (dissociation). They usually start soon after the dose, are strongest at about 40 minutes, and fade within a few hours.',
        'Some people have these: dizziness or a spinning feeling, nausea or vomiting, numbness, headache, a strange taste, feeling anxious, feeling drunk, and a rise in blood pressure.',
        'Rarely, people become so sedated that they cannot be woken for a short time, or their breathing slows. This is why staff watch you closely after every dose.',
        'SPRAVATO can affect your attention, judgment, and thinking for a while after each dose.',
        'Like other antidepressants, SPRAVATO may increase suicidal thoughts or actions in some young adults, especially early in treatment or when the dose changes. Tell us right away about new or worse thoughts of suicide, or sudden changes in mood or behavior.',
      ],
      anchors: ['spravato-label-safety', 'spravato-indications'],
    },
    {
      heading: 'Blood pressure and your heart',
      paragraphs: [
        'SPRAVATO can raise blood pressure. The rise is usually highest about 40 minutes after the dose and can last about 4 hours. Rarely, it goes very high and needs treatment.',
        'You must not use SPRAVATO if you have an aneurysm or an abnormal tangle of blood vessels (arteriovenous malformation), if you have had bleeding in the brain, or if you are allergic to esketamine or ketamine. Tell us if you have had a stroke, heart problems, or high blood pressure.',
        'Tell staff at once, or call 911 after you leave, if you get chest pain, shortness of breath, a sudden severe headache, changes in vision, or a seizure.',
      ],
      anchors: ['spravato-label-safety', 'pre-treatment-contraindications', 'blood-pressure'],
    },
    {
      heading: 'Bladder and urinary problems',
      paragraphs: [
        'Bladder problems have been reported in people who used ketamine, a closely related medicine, often or for a long time. Tell us if you have pain when passing urine, need to go often or urgently, or see blood in your urine.',
      ],
      anchors: ['ketamine-urinary-tract'],
    },
    {
      heading: 'Misuse and dependence',
      paragraphs: [
        'SPRAVATO can be misused, and some people may become dependent on it. The risk may be higher if you have had problems with alcohol or drugs. Please tell us about any past or current use. Staff will watch for signs of misuse.',
      ],
      anchors: ['ketamine-abuse-dependence', 'spravato-rems'],
    },
    {
      heading: 'Pregnancy and breastfeeding',
      paragraphs: [
        'SPRAVATO may harm an unborn baby. Tell us if you are pregnant, think you might be, or plan to become pregnant. If you could become pregnant, talk with your prescriber about birth control during treatment.',
        'Tell us if you are breastfeeding. Breastfeeding is generally not advised during treatment; your prescriber will talk with you about it.',
      ],
      anchors: ['ketamine-pregnancy', 'pre-treatment-contraindications'],
    },
    {
      heading: 'After each session: going home and driving',
      paragraphs: [
        'Do not drive or use machinery until the next day, after a restful night of sleep. Someone else must drive you home.',
        'Do not drink alcohol for the rest of the day.',
      ],
      anchors: ['spravato-label-safety', 'spravato-pre-dose', 'drug-interactions'],
    },
    {
      heading: 'Other treatment options',
      paragraphs: [
        'You do not have to use SPRAVATO. Other options for depression include other antidepressant medicines or adding a second medicine; talking therapy (psychotherapy); electroconvulsive therapy (ECT); transcranial magnetic stimulation (TMS); and IV ketamine, which is used off-label for depression. You can also choose no new treatment.',
        'Your clinician can explain the possible benefits and risks of each option.',
      ],
      anchors: ['depression-treatment-alternatives', 'ketamine-regulatory-status'],
    },
    QUESTIONS_AND_WITHDRAWAL('SPRAVATO treatment'),
    {
      heading: 'Your agreement',
      paragraphs: [
        'By signing, I, {patientName}, confirm that I have read this form or had it read to me; that I have had the chance to ask questions and my questions were answered; and that I understand the possible benefits, the risks, and the other options.',
        'I agree to enroll in the SPRAVATO REMS and to a course of SPRAVATO treatment at {clinicName}. I understand that I can withdraw this consent at any time.',
      ],
      anchors: ['consent-contents', 'spravato-rems'],
    },
  ],
  sources: [
    { anchor: 'spravato-indications', tag: 'primary' },
    { anchor: 'spravato-rems', tag: 'primary' },
    { anchor: 'spravato-label-safety', tag: 'primary' },
    { anchor: 'spravato-monitoring', tag: 'primary' },
    { anchor: 'spravato-dosing', tag: 'primary' },
    { anchor: 'spravato-pre-dose', tag: 'primary/secondary' },
    { anchor: 'in-session-monitoring', tag: 'primary/secondary' },
    { anchor: 'blood-pressure', tag: 'primary/secondary' },
    { anchor: 'pre-treatment-contraindications', tag: 'primary/secondary' },
    { anchor: 'ketamine-regulatory-status', tag: 'primary' },
    { anchor: 'ketamine-urinary-tract', tag: 'secondary' },
    { anchor: 'ketamine-abuse-dependence', tag: 'primary' },
    { anchor: 'ketamine-pregnancy', tag: 'secondary' },
    { anchor: 'drug-interactions', tag: 'primary/secondary' },
    { anchor: 'depression-treatment-alternatives', tag: 'primary' },
    { anchor: 'consent-contents', tag: 'primary/secondary' },
    { anchor: 'consent-versioning', tag: 'engineering' },
  ],
};

/** The shipped defaults, by code. */
export const DEFAULT_CONSENT_TEMPLATES: Readonly<Record<ConsentTemplateCode, ConsentTemplate>> = {
  'iv-ketamine': IV_KETAMINE,
  esketamine: ESKETAMINE,
};
