import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/**
 * The server log is read by people who may not see patient data, is shipped to other systems and
 * is kept longer than any session, so it carries no PHI (HIPAA 45 CFR 164.502(b) minimum
 * necessary; OWASP ASVS 16.2.5): never SQL parameters, request bodies, query strings, headers or a PostgreSQL
 * error's `detail` (which quotes the offending values). These keys are removed wherever a caller
 * puts them, up to three levels deep; messages are fixed text and identifiers only.
 */
const neverLogged = [
  'body',
  'query',
  'params',
  'parameters',
  'detail',
  'where',
  'headers',
  'cookie',
  'authorization',
  'password',
  'url',
  'q',
];
export const redactedPaths = neverLogged.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface SafeError {
  /** The error's class, e.g. DrizzleQueryError, DatabaseError, TypeError. */
  type: string;
  /** PostgreSQL's SQLSTATE and the names of the constraint and table: never the values. */
  code?: string;
  constraint?: string;
  table?: string;
  /** Only the call frames: a stack's first line repeats the message, which may quote data. */
  stack?: string;
  cause?: SafeError;
}

function stringField(error: object, key: string): string | undefined {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length <= 200 ? value : undefined;
}

/**
 * What an error may leave in the log. Messages are dropped on purpose: a driver's message holds
 * the failed SQL with its parameters ("params: …, smith%, 1961-03-02"), PostgreSQL's holds the
 * input it could not parse, and JSON.parse's quotes the text it read.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (error === null || typeof error !== 'object') return { type: typeof error };
  const type = (error as Error).constructor?.name || 'Error';
  const out: SafeError = { type };
  for (const key of ['code', 'constraint', 'table'] as const) {
    const value = stringField(error, key);
    if (value !== undefined) out[key] = value;
  }
  const stack = (error as Error).stack;
  if (typeof stack === 'string') {
    const frames = stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 30);
    if (frames.length > 0) out.stack = frames.join('\n');
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && depth < 3) out.cause = safeError(cause, depth + 1);
  return out;
}

/**
 * A JSON-lines logger (pino) with the PHI guards above. `write` receives each line without its
 * newline (tests and callers that collect lines); by default lines go to standard output.
 */
export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const write = options.write;
  const destination: DestinationStream = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (error: unknown) => safeError(error), error: (error: unknown) => safeError(error) },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}

/** `deps.log(line)` for existing callers: one informational line through the logger. */
export function lineLogger(logger: Logger): (line: string) => void {
  return (line) => logger.info(line);
}
