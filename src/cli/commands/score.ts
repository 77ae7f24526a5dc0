/**
 * `arbor score <instrument> <answers> [--set key=value]…`
 *   Scores one response and prints the result as one line of JSON (total, severity, flags, subscores and the
 *   details: formula, inputs, rules and settings used). Answers are comma-separated in item order; blank
 *   means unanswered; yes/no items take 1/0 or yes/no. Exit 2 with the item named on stderr if invalid.
 *
 * `arbor score <instrument> --csv <file> [--set key=value]…`
 *   Scores a CSV file (header row of item ids, optional leading `id` column) and writes
 *   `id,total,severity,flags,<subscales…>` to stdout. Invalid rows go to stderr by line number and the rest
 *   are still scored: exit 0 if every row was valid, 1 if some were not, 2 for a bad header or file.
 *   The file is streamed, so its size does not matter.
 *
 * `arbor score <instrument> --help` prints the item order; `arbor score --help` lists the instruments.
 */
import { createReadStream } from 'node:fs';
import type { CliCommand, CliIo } from '../cli-io';
import {
  compileScorer,
  getInstrument,
  listInstruments,
  scoreResponse,
  type InstrumentDefinition,
  type SettingsInput,
  type SettingValue,
} from '../../domain/instruments/index';
import { createCsvScorer } from '../../domain/instrument-csv/index';

const USAGE = [
  'usage: arbor score <instrument> <answers> [--set key=value]...',
  '       arbor score <instrument> --csv <file> [--set key=value]...',
  '       arbor score [<instrument>] --help',
].join('\n');

function usageText(): string {
  const list = listInstruments()
    .map((i) => `  ${i.id.padEnd(16)} ${i.shortTitle} (${i.itemCount} items)`)
    .join('\n');
  return `${USAGE}\n\ninstruments:\n${list}\n\nRun "arbor score <instrument> --help" for the item order and settings.\n`;
}

function instrumentHelp(def: InstrumentDefinition): string {
  const items = def.items.map((item, i) => {
    const values = item.options.map((o) => o.value);
    const yesNo = item.options.some((o) => o.aliases?.includes('yes')) ? ' (1/0 or yes/no)' : '';
    const flags = [
      item.required === false ? 'optional' : null,
      item.enableWhen
        ? `only when ${item.enableWhen.item} = ${item.enableWhen.equals}, else leave blank`
        : null,
      item.scored === false ? 'not scored' : null,
    ].filter(Boolean);
    const range = `${Math.min(...values)}–${Math.max(...values)}${yesNo}`;
    return `  ${String(i + 1).padStart(2)}. ${item.id.padEnd(18)} ${range.padEnd(22)} ${item.label}${
      flags.length ? ` [${flags.join('; ')}]` : ''
    }`;
  });
  const settings = def.settings.map(
    (s) =>
      `  --set ${s.key}=${Array.isArray(s.default) ? s.default.join(';') : String(s.default)}  ${s.label}`,
  );
  return [
    `${def.shortTitle} — ${def.title}`,
    `answers, in this order (comma-separated; blank = unanswered):`,
    ...items,
    `CSV header: [id,]${def.items.map((i) => i.id).join(',')}`,
    ...(settings.length ? ['settings (defaults shown):', ...settings] : []),
    '',
  ].join('\n');
}

interface Args {
  instrument?: string;
  answers?: string;
  csv?: string;
  help: boolean;
  sets: string[];
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { help: false, sets: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--csv' || a === '--set') {
      const v = args[i + 1];
      if (v === undefined) return `${a}: needs a value`;
      i++;
      if (a === '--csv') out.csv = v;
      else out.sets.push(v);
    } else if (a.startsWith('--')) return `${a}: unknown flag`;
    else if (out.instrument === undefined) out.instrument = a;
    else if (out.answers === undefined) out.answers = a;
    else return `${a}: unexpected extra argument`;
  }
  return out;
}

/** `--set key=value`, typed by the instrument's own setting definition. */
function parseSettings(def: InstrumentDefinition, sets: string[]): SettingsInput | string {
  const settings: Record<string, SettingValue> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) return `--set ${s}: expected key=value`;
    const key = s.slice(0, eq);
    const raw = s.slice(eq + 1).trim();
    const setting = def.settings.find((x) => x.key === key);
    if (!setting) {
      const known = def.settings.map((x) => x.key).join(', ') || 'none';
      return `--set ${key}: unknown setting for ${def.id} (settings: ${known})`;
    }
    if (setting.kind === 'number') {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) return `--set ${key}: must be a number (got "${raw}")`;
      settings[key] = n;
    } else if (setting.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') return `--set ${key}: must be true or false (got "${raw}")`;
      settings[key] = raw === 'true';
    } else {
      settings[key] = raw === '' ? [] : raw.split(/[;|]/).map((x) => x.trim());
    }
  }
  return settings;
}

export const scoreCommand: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail(io, `${parsed}\n${USAGE}`);
  if (parsed.instrument === undefined) {
    if (parsed.help) {
      io.stdout(usageText());
      return 0;
    }
    return fail(io, usageText().trimEnd());
  }
  const def = getInstrument(parsed.instrument);
  if (!def) {
    const known = listInstruments()
      .map((i) => i.id)
      .join(', ');
    return fail(io, `unknown instrument "${parsed.instrument}" (known: ${known})`);
  }
  if (parsed.help) {
    io.stdout(instrumentHelp(def));
    return 0;
  }
  const settings = parseSettings(def, parsed.sets);
  if (typeof settings === 'string') return fail(io, settings);

  if (parsed.csv !== undefined) {
    if (parsed.answers !== undefined) return fail(io, `give either answers or --csv, not both\n${USAGE}`);
    return scoreCsvFile(def.id, parsed.csv, settings, io);
  }
  if (parsed.answers === undefined) return fail(io, `missing answers\n${instrumentHelp(def).trimEnd()}`);

  const outcome = scoreResponse(def.id, parsed.answers.split(','), settings);
  if (!outcome.ok) {
    return fail(io, outcome.errors.map((e) => `error: ${e.message}`).join('\n'));
  }
  io.stdout(`${JSON.stringify(outcome.result)}\n`);
  return 0;
};

function fail(io: CliIo, message: string, code = 2): number {
  io.stderr(`${message}\n`);
  return code;
}

async function scoreCsvFile(
  instrument: string,
  path: string,
  settings: SettingsInput,
  io: CliIo,
): Promise<number> {
  // Settings problems are reported before touching the file.
  const check = compileScorer(instrument, settings);
  if (!check.ok) return fail(io, check.errors.map((e) => `error: ${e.message}`).join('\n'));
  const created = createCsvScorer(instrument, { settings, write: io.stdout, writeError: io.stderr });
  if (!created.ok) return fail(io, created.errors.map((e) => `error: ${e.message}`).join('\n'));
  const { scorer } = created;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      scorer.push(chunk as string);
      if (scorer.fatal) break;
    }
  } catch (e) {
    return fail(io, `cannot read ${path}: ${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
  const summary = scorer.end();
  if (summary.fatal) return fail(io, summary.fatal);
  if (summary.invalid > 0) {
    io.stderr(`scored ${summary.scored} of ${summary.rows} rows; ${summary.invalid} invalid\n`);
    return 1;
  }
  return 0;
}
