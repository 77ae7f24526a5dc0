import { MISSING, parseAnswerText, type CompiledInstrument } from './engine';
import { compileScorer } from './score';
import type { ScoreError, SettingsInput } from './types';

/**
 * Streaming CSV scoring, kept free of I/O so the CLI, the server (bulk import) and the benchmark share it.
 * Text is pushed in arbitrary chunks; only the current partial line is kept, so memory stays flat whatever
 * the file size. Output is accumulated into large strings and handed to `write` in chunks, because many
 * small writes cost more than the scoring itself.
 *
 * Format: a header row naming the item columns (item ids, any order; optional items may be omitted),
 * optionally preceded by an `id` column. Plain comma-separated values, no quoting. A blank cell is an
 * unanswered item. Output: `id,total,severity,flags,<subscales…>`; flags are `;`-separated; the id is the
 * row's own id or, without an id column, its line number in the file.
 */

export interface CsvScorerOptions {
  settings?: SettingsInput;
  write: (text: string) => void;
  writeError: (text: string) => void;
  /** Characters to accumulate before calling write. */
  chunkSize?: number;
}

export interface CsvSummary {
  /** Data rows seen (blank lines excluded). */
  rows: number;
  scored: number;
  invalid: number;
  /** Set when the header was unusable; nothing was scored. */
  fatal: string | null;
}

export interface CsvScorer {
  push(text: string): void;
  end(): CsvSummary;
  /** Becomes non-null as soon as the header is rejected, so callers can stop reading. */
  readonly fatal: string | null;
}

const ID_COLUMN = -1;

function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  // Means (BPI) are shown to 2 decimals in CSV; the JSON result keeps the exact value.
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

export function createCsvScorer(
  instrumentId: string,
  options: CsvScorerOptions,
): { ok: true; scorer: CsvScorer } | { ok: false; errors: ScoreError[] } {
  const compiled = compileScorer(instrumentId, options.settings);
  if (!compiled.ok) return compiled;
  return { ok: true, scorer: new StreamingCsvScorer(compiled.scorer, options) };
}

class StreamingCsvScorer implements CsvScorer {
  fatal: string | null = null;
  private readonly c: CompiledInstrument;
  private readonly write: (text: string) => void;
  private readonly writeError: (text: string) => void;
  private readonly chunkSize: number;
  private carry = '';
  private lineNo = 0;
  private headerSeen = false;
  private columnItem = new Int32Array(0);
  private hasId = false;
  /** Output since the last flush; V8 builds it as a rope, flattened once when written. */
  private out = '';
  private err = '';
  private rows = 0;
  private scored = 0;
  private invalid = 0;
  private readonly values: Int32Array;
  private readonly ev;
  private readonly flagText = new Map<number, string>();
  private readonly severityText: string[];
  private readonly intText: string[] = [];
  private readonly rowErrors: ScoreError[] = [];

  constructor(c: CompiledInstrument, options: CsvScorerOptions) {
    this.c = c;
    this.write = options.write;
    this.writeError = options.writeError;
    this.chunkSize = options.chunkSize ?? 1 << 20;
    this.values = new Int32Array(c.itemIds.length);
    this.ev = c.newEvaluation();
    this.severityText = c.severityIds.map((s) => ',' + s);
    for (let i = 0; i <= 100; i++) this.intText.push(String(i));
  }

  push(text: string): void {
    if (this.fatal) return;
    const buf = this.carry === '' ? text : this.carry + text;
    let start = 0;
    let nl = buf.indexOf('\n', start);
    while (nl !== -1) {
      this.line(buf, start, nl);
      if (this.fatal) return;
      start = nl + 1;
      nl = buf.indexOf('\n', start);
    }
    this.carry = start === 0 ? buf : buf.slice(start);
  }

  end(): CsvSummary {
    if (!this.fatal && this.carry !== '') this.line(this.carry, 0, this.carry.length);
    this.carry = '';
    if (!this.fatal && !this.headerSeen) this.fatal = 'the file is empty: expected a header row';
    this.flush();
    if (this.err !== '') this.writeError(this.err);
    this.err = '';
    return { rows: this.rows, scored: this.scored, invalid: this.invalid, fatal: this.fatal };
  }

  private line(buf: string, start: number, end: number): void {
    this.lineNo++;
    if (end > start && buf.charCodeAt(end - 1) === 13) end--; // CRLF
    if (end === start) return;
    if (!this.headerSeen) {
      this.header(buf.slice(start, end));
      return;
    }
    this.rows++;
    this.row(buf, start, end);
  }

  private header(text: string): void {
    this.headerSeen = true;
    const names = text
      .replace(/^\uFEFF/, '')
      .split(',')
      .map((s) => s.trim());
    const problems: string[] = [];
    this.hasId = names[0]?.toLowerCase() === 'id';
    const columns = new Int32Array(names.length);
    const seen = new Set<string>();
    names.forEach((name, col) => {
      if (col === 0 && this.hasId) {
        columns[col] = ID_COLUMN;
        return;
      }
      const i = this.c.itemIndex.get(name);
      if (i === undefined) problems.push(`unknown column "${name}"`);
      else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
      else {
        seen.add(name);
        columns[col] = i;
      }
    });
    for (const item of this.c.def.items) {
      // Optional items (and items behind skip logic) may be left out of the file entirely.
      if (item.required !== false && !item.enableWhen && !seen.has(item.id))
        problems.push(`missing column "${item.id}"`);
    }
    if (problems.length > 0) {
      this.fatal =
        `line ${this.lineNo}: bad header for ${this.c.def.id}: ${problems.join('; ')}. ` +
        `Expected: [id,]${this.c.itemIds.join(',')}`;
      return;
    }
    this.columnItem = columns;
    this.out += ['id', 'total', 'severity', 'flags', ...this.c.subscaleIds].join(',') + '\n';
  }

  /** The hot path: parse digits in place, validate, score, append one output line. */
  private row(buf: string, start: number, end: number): void {
    const v = this.values;
    v.fill(MISSING);
    const columns = this.columnItem;
    const errors = this.rowErrors;
    errors.length = 0;
    let col = 0;
    let fieldStart = start;
    let n = 0;
    let digits = 0;
    let plain = true;
    let idStart = start;
    let idEnd = start;
    for (let i = start; i <= end; i++) {
      const ch = i < end ? buf.charCodeAt(i) : 44;
      if (ch === 44) {
        if (col < columns.length) {
          const target = columns[col]!;
          if (target === ID_COLUMN) {
            idStart = fieldStart;
            idEnd = i;
          } else if (plain && digits > 0 && digits < 10) {
            v[target] = n;
          } else if (!(plain && digits === 0)) {
            // Anything but a short run of digits (yes/no, spaces, signs, labels) takes the general parser.
            const parsed = parseAnswerText(this.c.def.items[target]!, buf.slice(fieldStart, i));
            if (typeof parsed === 'number') v[target] = parsed;
            else errors.push({ item: this.c.itemIds[target]!, message: parsed.error });
          }
        }
        col++;
        fieldStart = i + 1;
        n = 0;
        digits = 0;
        plain = true;
      } else if (ch >= 48 && ch <= 57) {
        n = n * 10 + (ch - 48);
        digits++;
      } else {
        plain = false;
      }
    }
    if (col !== columns.length) {
      errors.push({ message: `expected ${columns.length} columns, got ${col}` });
    }
    if (errors.length > 0 || !this.c.check(v)) {
      this.reject(errors, v);
      return;
    }
    const ev = this.ev;
    this.c.evaluate(v, ev);
    const id = this.hasId ? buf.slice(idStart, idEnd) : String(this.lineNo);
    const t = ev.total;
    // Severity and flags come with their leading commas from precomputed tables.
    let line =
      id +
      ',' +
      (t >= 0 && t <= 100 && t === (t | 0) ? this.intText[t]! : formatNumber(t)) +
      (ev.severity < 0 ? ',' : this.severityText[ev.severity]!) +
      this.flags(ev.flagMask);
    const subs = ev.subscores;
    for (let s = 0; s < subs.length; s++) line += ',' + formatNumber(subs[s]!);
    this.out += line + '\n';
    this.scored++;
    if (this.out.length >= this.chunkSize) this.flush();
  }

  private flush(): void {
    if (this.out !== '') this.write(this.out);
    this.out = '';
  }

  /** The flags cell with its leading comma, cached per combination (there are few). */
  private flags(mask: number): string {
    let text = this.flagText.get(mask);
    if (text === undefined) {
      text = ',' + this.c.flagIds.filter((_, i) => (mask & (1 << i)) !== 0).join(';');
      this.flagText.set(mask, text);
    }
    return text;
  }

  private reject(parseErrors: ScoreError[], v: Int32Array): void {
    this.invalid++;
    const all = [...parseErrors];
    const failed = new Set(parseErrors.map((e) => e.item));
    // Re-run validation with messages only for rejected rows; items that failed to parse are not re-reported.
    if (!parseErrors.some((e) => e.item === undefined)) {
      const checks: ScoreError[] = [];
      this.c.check(v, checks);
      all.push(...checks.filter((e) => !failed.has(e.item)));
    }
    this.err += `line ${this.lineNo}: ${all.map((e) => e.message).join('; ')}\n`;
    if (this.err.length >= this.chunkSize) {
      this.writeError(this.err);
      this.err = '';
    }
  }
}
