import { describeExpression } from './engine';
import { getInstrument } from './registry';
import type { AnswerOption, CodeRef, InstrumentDefinition, ItemDefinition, ScoreResult } from './types';

/**
 * FHIR R4 views of the definitions and results. Plain JSON objects (no FHIR library): the server decides
 * how to persist or serve them.
 *
 * LOINC codes tagged [unverified] in the reference are left out unless the caller opts in, and are then
 * marked with an extension so nobody mistakes them for checked codes.
 */

export const ARBOR_CODE_SYSTEM = 'urn:arbor:instrument';
export const CODE_VERIFICATION_EXTENSION = 'urn:arbor:fhir:code-provenance';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

export interface FhirCoding {
  system?: string;
  code: string;
  display?: string;
  extension?: { url: string; valueCode: string }[];
}

export interface FhirCodeOptions {
  /** Include LOINC codes tagged [unverified] (marked with an extension). Default false. */
  includeUnverifiedCodes?: boolean;
}

function coding(ref: CodeRef | undefined, opts: FhirCodeOptions): FhirCoding[] {
  if (!ref) return [];
  if (ref.provenance === 'unverified' && !opts.includeUnverifiedCodes) return [];
  return [
    {
      system: ref.system,
      code: ref.code,
      ...(ref.display ? { display: ref.display } : {}),
      ...(ref.provenance !== 'primary'
        ? { extension: [{ url: CODE_VERIFICATION_EXTENSION, valueCode: ref.provenance }] }
        : {}),
    },
  ];
}

function answerOption(item: ItemDefinition, o: AnswerOption, opts: FhirCodeOptions) {
  const loinc = coding(o.code, opts)[0];
  return {
    valueCoding: loinc ?? { system: `${ARBOR_CODE_SYSTEM}:answer`, code: String(o.value), display: o.label },
    // Unscored items (PHQ-9 difficulty) have no ordinal value: their numbers are positions, not scores.
    ...(item.scored === false ? {} : { extension: [{ url: ORDINAL_VALUE, valueDecimal: o.value }] }),
  };
}

export type FhirQuestionnaire = Record<string, unknown> & { resourceType: 'Questionnaire' };

/** A FHIR R4 Questionnaire for the instrument (item wording only where the licence allows it). */
export function toFhirQuestionnaire(
  instrument: InstrumentDefinition | string,
  opts: FhirCodeOptions = {},
): FhirQuestionnaire {
  const def = typeof instrument === 'string' ? getInstrument(instrument) : instrument;
  if (!def) throw new Error(`unknown instrument "${String(instrument)}"`);
  const scoreItems = [def.total, ...(def.subscales ?? [])].flatMap((s) =>
    s
      ? [
          {
            linkId: s.id,
            text: `${s.label} = ${describeExpression(s.expression)}`,
            type: s.expression.kind === 'mean' ? 'decimal' : 'integer',
            readOnly: true,
            ...(coding(s.code, opts).length ? { code: coding(s.code, opts) } : {}),
          },
        ]
      : [],
  );
  return {
    resourceType: 'Questionnaire',
    id: def.id,
    url: `${ARBOR_CODE_SYSTEM}:questionnaire:${def.id}`,
    version: def.version,
    name: def.shortTitle.replace(/[^A-Za-z0-9]/g, ''),
    title: def.title,
    status: 'active',
    subjectType: ['Patient'],
    ...(coding(def.panelCode, opts).length ? { code: coding(def.panelCode, opts) } : {}),
    ...(def.stem ? { description: def.stem } : {}),
    copyright: `${def.licence.note}${def.licence.wordingStored ? '' : ' Item texts are short labels, not the published wording.'}`,
    item: [
      ...def.items.map((item) => ({
        linkId: item.id,
        text: item.text ?? item.label,
        type: 'choice',
        required: item.required !== false,
        ...(coding(item.code, opts).length ? { code: coding(item.code, opts) } : {}),
        ...(item.enableWhen
          ? {
              enableWhen: [
                {
                  question: item.enableWhen.item,
                  operator: '=',
                  answerCoding: answerCodingFor(def, item.enableWhen.item, item.enableWhen.equals, opts),
                },
              ],
            }
          : {}),
        answerOption: item.options.map((o) => answerOption(item, o, opts)),
      })),
      ...scoreItems,
    ],
  };
}

function answerCodingFor(def: InstrumentDefinition, itemId: string, value: number, opts: FhirCodeOptions) {
  const item = def.items.find((i) => i.id === itemId);
  const option = item?.options.find((o) => o.value === value);
  if (!item || !option)
    throw new Error(`${def.id}: enableWhen refers to ${itemId} = ${value}, which does not exist`);
  return answerOption(item, option, opts).valueCoding;
}

export interface ObservationContext extends FhirCodeOptions {
  /** e.g. 'Patient/123' */
  subject?: string;
  /** ISO date-time of the response. */
  effectiveDateTime?: string;
  /** e.g. 'QuestionnaireResponse/abc' */
  derivedFrom?: string;
}

export type FhirObservation = Record<string, unknown> & { resourceType: 'Observation' };

function quantity(value: number) {
  return { value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' };
}

/**
 * One Observation for a scored response: the total (LOINC coded where a checked code exists, else an Arbor
 * code), the band as interpretation, subscores and flags as components, and the formula in `method`.
 */
export function toFhirObservation(result: ScoreResult, ctx: ObservationContext = {}): FhirObservation {
  const def = getInstrument(result.instrument);
  if (!def) throw new Error(`unknown instrument "${result.instrument}"`);
  const localCode = (code: string, display: string): FhirCoding => ({
    system: ARBOR_CODE_SYSTEM,
    code,
    display,
  });
  const totalCodes = [
    ...coding(def.total?.code, ctx),
    localCode(`${def.id}:total`, `${def.shortTitle} total`),
  ];
  const d = result.details;
  const method = [
    d.total ? `total = ${d.total.formula}; ${d.total.computation}` : null,
    ...d.subscales.map((s) => `${s.id} = ${s.formula}; ${s.computation}`),
    d.classification ? `classification: ${d.classification.rule}` : null,
    ...d.flags.map((f) => `flag ${f.id}: ${f.rule} → ${f.met ? 'met' : 'not met'}`),
  ].filter((x): x is string => x !== null);
  const components = [
    ...Object.entries(result.subscores).map(([id, value]) => ({
      code: {
        coding: [
          ...coding(def.subscales?.find((s) => s.id === id)?.code, ctx),
          localCode(`${def.id}:${id}`, def.subscales?.find((s) => s.id === id)?.label ?? id),
        ],
      },
      ...(value === null ? { dataAbsentReason: { text: 'not computable: too few items answered' } } : {}),
      ...(value === null ? {} : { valueQuantity: quantity(value) }),
    })),
    ...def.flags.map((f) => ({
      code: { coding: [localCode(`${def.id}:flag:${f.id}`, f.label)] },
      valueBoolean: result.flags.includes(f.id),
    })),
  ];
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'survey',
            display: 'Survey',
          },
        ],
      },
    ],
    code: {
      coding: def.total ? totalCodes : [localCode(`${def.id}:result`, `${def.shortTitle} result`)],
      text: def.title,
    },
    ...(ctx.subject ? { subject: { reference: ctx.subject } } : {}),
    ...(ctx.effectiveDateTime ? { effectiveDateTime: ctx.effectiveDateTime } : {}),
    ...(ctx.derivedFrom ? { derivedFrom: [{ reference: ctx.derivedFrom }] } : {}),
    ...(result.total !== null ? { valueQuantity: quantity(result.total) } : {}),
    ...(result.total === null && result.severity !== null
      ? { valueCodeableConcept: { coding: [localCode(`${def.id}:${result.severity}`, result.severity)] } }
      : {}),
    ...(result.severity !== null
      ? {
          interpretation: [
            { coding: [localCode(`${def.id}:${result.severity}`, result.severity)], text: result.severity },
          ],
        }
      : {}),
    method: { text: method.join(' | ') },
    note: [
      {
        text: `Instrument ${def.id} v${d.instrumentVersion}; settings ${JSON.stringify(settingValues(result))}`,
      },
    ],
    ...(components.length ? { component: components } : {}),
  };
}

function settingValues(result: ScoreResult): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result.details.settings).map(([k, s]) => [k, s.value]));
}
