/** Settings a clinic may change per instrument: validation against the definition, and threshold lookup. */
import type {
  InstrumentDefinition,
  ResolvedSetting,
  ScoreError,
  SettingsInput,
  SettingValue,
  Threshold,
} from './types';

export function resolveSettings(
  def: InstrumentDefinition,
  input: SettingsInput = {},
): { ok: true; settings: Record<string, ResolvedSetting> } | { ok: false; errors: ScoreError[] } {
  const errors: ScoreError[] = [];
  const known = new Set(def.settings.map((s) => s.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key) && input[key] !== undefined) {
      const list = def.settings.map((s) => s.key).join(', ') || 'none';
      errors.push({ setting: key, message: `unknown setting "${key}" for ${def.id} (settings: ${list})` });
    }
  }
  const settings: Record<string, ResolvedSetting> = {};
  for (const s of def.settings) {
    const given = input[s.key];
    let value: SettingValue = s.default;
    if (given !== undefined) {
      const problem = settingProblem(s, given);
      if (problem) errors.push({ setting: s.key, message: `setting ${s.key}: ${problem}` });
      else value = given;
    }
    settings[s.key] = {
      value,
      default: s.default,
      isDefault: sameSetting(value, s.default),
      citation: s.citation,
    };
  }
  if (errors.length === 0) errors.push(...bandOrderProblems(def, settings));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

function settingProblem(s: InstrumentDefinition['settings'][number], v: SettingValue): string | null {
  switch (s.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
      if (s.integer && !Number.isInteger(v)) return 'must be a whole number';
      if (v < s.min || v > s.max) return `must be between ${s.min} and ${s.max}`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'item-list':
      if (!Array.isArray(v)) return 'must be a list of item ids';
      for (const item of v as readonly unknown[]) {
        if (typeof item !== 'string' || !s.allowed.includes(item)) {
          return `"${String(item)}" is not allowed (allowed: ${s.allowed.join(', ')})`;
        }
      }
      return null;
  }
}

function sameSetting(a: SettingValue, b: SettingValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function bandOrderProblems(
  def: InstrumentDefinition,
  settings: Record<string, ResolvedSetting>,
): ScoreError[] {
  const c = def.classification;
  if (!c || c.kind !== 'bands') return [];
  const mins = c.bands.map((b) => threshold(b.min, settings));
  for (let i = 1; i < mins.length; i++) {
    if (!(mins[i]! > mins[i - 1]!)) {
      const b = c.bands[i]!;
      const key = typeof b.min === 'number' ? undefined : b.min.setting;
      return [
        {
          ...(key ? { setting: key } : {}),
          message: `band "${b.id}" must start above band "${c.bands[i - 1]!.id}" (${mins[i]} ≤ ${mins[i - 1]})`,
        },
      ];
    }
  }
  return [];
}

export function threshold(t: Threshold, settings: Readonly<Record<string, ResolvedSetting>>): number {
  if (typeof t === 'number') return t;
  const v = settings[t.setting]?.value;
  if (typeof v !== 'number') throw new Error(`definition refers to missing numeric setting "${t.setting}"`);
  return v;
}
