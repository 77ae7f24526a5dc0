import { CsvError, parse, type Options as CsvParseOptions } from 'csv-parse/sync';
import {
  MISSING,
  compileScorer,
  parseAnswerText,
  type CompiledInstrument,
  type ScoreError,
  type SettingsInput,
} from '../instruments';

/**
 * Streaming CSV scoring, kept free of I/O so the CLI, the server (bulk import) and the benchmark share it.
 * Text is pushed in arbitrary chunks; only the current partial record is kept, so memory stays flat whatever
 * the file size. Output is accumulated into large strings and handed to `write` in chunks, because many
 * small writes cost more than the scoring itself.
 *
 * Format: a header row naming the item columns (item ids, any order; optional items may be omitted),
 * optionally preceded by an `id` column. RFC 4180 CSV as other tools export it: cells may be quoted, and a
 * quoted cell may hold commas, line breaks and doubled quotes; CRLF or LF line endings; a leading BOM is
 * ignored. A blank cell is an unanswered item. Output: `id,total,severity,flags,<subscales…>`; flags are
 * `;`-separated; the id is the row's own id (quoted when it needs to be) or, without an id column, the
 * number of the line in the file where the row starts.
 *
 * Records are parsed by csv-parse. This folder is apart from the instruments folder because only the
 * CLI and bulk imports need it: csv-parse's build for Node uses Node's `Buffer`, and the browser apps,
 * which load the instruments, must not pull it in. A chunk of complete records that holds no quote character at all is plain comma-separated
 * text, where a record is one line and a cell is the text between commas; that common case is read in
 * place (digits from character codes, no splitting), which keeps bulk scoring several times faster than
 * building cell arrays for every row.
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

/** Cells are strings as written; row lengths are checked here so the error can name the row. */
const PARSE_OPTIONS: CsvParseOptions = {
  record_delimiter: ['\r\n', '\n'],
  relax_column_count: true,
  // A stray quote inside an unquoted cell stays part of the cell, so the answer parser names the item.
  relax_quotes: true,
  // Blank lines come back as one empty cell and are skipped below, keeping line numbers right.
  skip_empty_lines: false,
};

/** Character codes the record scan looks at; a quoted cell starts a record or follows a comma. */
const QUOTE = 34;
const COMMA = 44;
const LF = 10;

/**
 * Scan state for finding record ends in pushed text: a line feed ends a record unless it is inside a
 * quoted cell. `pos` is where scanning resumes in the unconsumed text; `quoted` whether that is inside quotes.
 */
interface RecordScan {
  pos: number;
  quoted: boolean;
}

/** The index just past the last complete record in `buf` (0 if there is none yet); advances `scan`. */
function completeRecordsEnd(buf: string, scan: RecordScan): number {
  let end = 0;
  let pos = scan.pos;
  let quoted = scan.quoted;
  while (pos < buf.length) {
    const q = buf.indexOf('"', pos);
    if (quoted) {
      if (q === -1) {
        pos = buf.length;
        break;
      }
      // A quote as the last character may be the first half of a doubled quote: wait for more text.
      if (q + 1 === buf.length) {
        pos = q;
        break;
      }
      if (buf.charCodeAt(q + 1) === QUOTE) pos = q + 2;
      else {
        quoted = false;
        pos = q + 1;
      }
      continue;
    }
    const limit = q === -1 ? buf.length : q;
    const nl = buf.lastIndexOf('\n', limit - 1);
    if (nl >= pos) end = nl + 1;
    if (q === -1) {
      pos = buf.length;
      break;
    }
    const before = q === 0 ? LF : buf.charCodeAt(q - 1);
    if (before === COMMA || before === LF) quoted = true;
    pos = q + 1;
  }
  scan.pos = pos;
  scan.quoted = quoted;
  return end;
}

/** Splits text into records by the same rule, to find the one csv-parse refused (a rare, slow path). */
function splitRecords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
    } else if (ch === QUOTE) {
      if (i === start || text.charCodeAt(i - 1) === COMMA) quoted = true;
    } else if (ch === LF) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** What was wrong with a record csv-parse could not read, said for the person fixing the file. */
function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is not closed before the end of the file';
  return `not valid CSV (${error.message})`;
}

/** A digit-only cell of 1–9 digits as a number, else -1 (anything else takes the general parser). */
function smallInt(text: string): number {
  const len = text.length;
  if (len === 0 || len > 9) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

/** An id cell for the output, quoted when it holds a comma, quote or line break. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
  private readonly scan: RecordScan = { pos: 0, quoted: false };
  private atStart = true;
  /** The line the current record starts on. */
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
    if (this.fatal || text === '') return;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM
    }
    const buf = this.carry === '' ? text : this.carry + text;
    const end = completeRecordsEnd(buf, this.scan);
    if (end > 0) {
      this.records(buf, end);
      this.scan.pos -= end;
    }
    this.carry = end === 0 ? buf : buf.slice(end);
  }

  end(): CsvSummary {
    if (!this.fatal && this.carry !== '') this.records(this.carry, this.carry.length);
    this.carry = '';
    if (!this.fatal && !this.headerSeen) this.fatal = 'the file is empty: expected a header row';
    this.flush();
    if (this.err !== '') this.writeError(this.err);
    this.err = '';
    return { rows: this.rows, scored: this.scored, invalid: this.invalid, fatal: this.fatal };
  }

  /** Scores the complete records in buf[0, end). */
  private records(buf: string, end: number): void {
    if (buf.lastIndexOf('"', end - 1) === -1) this.plainLines(buf, end);
    else this.csvRecords(end === buf.length ? buf : buf.slice(0, end));
  }

  /** Text without quotes: each line is a record and each comma separates two cells. */
  private plainLines(buf: string, end: number): void {
    let start = 0;
    let nl = buf.indexOf('\n');
    while (nl !== -1 && nl < end) {
      this.line(buf, start, nl);
      if (this.fatal) return;
      start = nl + 1;
      nl = buf.indexOf('\n', start);
    }
    // The file's last line, when it does not end with a line break.
    if (start < end) this.line(buf, start, end);
  }

  private line(buf: string, start: number, end: number): void {
    this.lineNo++;
    if (end > start && buf.charCodeAt(end - 1) === 13) end--; // CRLF
    if (end === start) return;
    if (!this.headerSeen) {
      this.header(buf.slice(start, end).split(','));
      return;
    }
    this.rows++;
    this.row(buf, start, end);
  }

  /** Text with quotes: csv-parse reads the records. */
  private csvRecords(text: string): void {
    let records: string[][];
    try {
      records = parse(text, PARSE_OPTIONS);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      this.csvRecordsOneByOne(text);
      return;
    }
    for (const fields of records) {
      this.record(fields);
      if (this.fatal) return;
    }
  }

  /** After a parse error: each record on its own, so the bad one is reported and the others scored. */
  private csvRecordsOneByOne(text: string): void {
    for (const piece of splitRecords(text)) {
      let records: string[][];
      try {
        records = parse(piece, PARSE_OPTIONS);
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        this.unreadable(piece, describeCsvError(error));
        if (this.fatal) return;
        continue;
      }
      for (const fields of records) {
        this.record(fields);
        if (this.fatal) return;
      }
    }
  }

  private record(fields: string[]): void {
    this.lineNo++;
    if (fields.length > 1 || fields[0] !== '') {
      if (!this.headerSeen) this.header(fields);
      else {
        this.rows++;
        this.cells(fields);
      }
    }
    // Line breaks inside quoted cells: the next record starts that many lines further down.
    for (const field of fields)
      if (field.length > 0 && field.includes('\n')) this.lineNo += countLineFeeds(field);
  }

  private unreadable(piece: string, problem: string): void {
    this.lineNo++;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.fatal = `line ${this.lineNo}: bad header for ${this.c.def.id}: ${problem}`;
      return;
    }
    this.rows++;
    this.invalid++;
    this.err += `line ${this.lineNo}: ${problem}\n`;
    this.lineNo += countLineFeeds(piece) - (piece.endsWith('\n') ? 1 : 0);
  }

  private header(cells: string[]): void {
    this.headerSeen = true;
    const names = cells.map((s) => s.trim());
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
    this.score(this.hasId ? buf.slice(idStart, idEnd) : String(this.lineNo));
  }

  /** The same for a record csv-parse read into cells. */
  private cells(fields: string[]): void {
    const v = this.values;
    v.fill(MISSING);
    const columns = this.columnItem;
    const errors = this.rowErrors;
    errors.length = 0;
    let id = '';
    const count = Math.min(fields.length, columns.length);
    for (let col = 0; col < count; col++) {
      const target = columns[col]!;
      const text = fields[col]!;
      if (target === ID_COLUMN) {
        id = text;
        continue;
      }
      if (text === '') continue;
      const k = smallInt(text);
      if (k >= 0) {
        v[target] = k;
        continue;
      }
      const parsed = parseAnswerText(this.c.def.items[target]!, text);
      if (typeof parsed === 'number') v[target] = parsed;
      else errors.push({ item: this.c.itemIds[target]!, message: parsed.error });
    }
    if (fields.length !== columns.length) {
      errors.push({ message: `expected ${columns.length} columns, got ${fields.length}` });
    }
    this.score(this.hasId ? csvCell(id) : String(this.lineNo));
  }

  /** Validates the parsed row in `values` (problems so far in `rowErrors`), scores it and appends the line. */
  private score(id: string): void {
    const v = this.values;
    const errors = this.rowErrors;
    if (errors.length > 0 || !this.c.check(v)) {
      this.reject(errors, v);
      return;
    }
    const ev = this.ev;
    this.c.evaluate(v, ev);
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
