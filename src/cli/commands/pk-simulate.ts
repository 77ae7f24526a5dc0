/**
 * `arbor pk simulate <plan.json> --until <min> --step <min> [--ke0 <1/min>] [--no-occupancy]`
 *
 * Prints CSV: t_min,cp_ng_ml,ce_ng_ml,nmda_occupancy_illustrative. Concentrations are printed with the
 * shortest decimal that round-trips to the same double (JavaScript's Number→string), so downstream tools
 * read back exactly what the engine computed; t is printed to 12 significant digits so 3·0.1 reads as 0.3.
 * Warnings and model caveats go to stderr as `#`-prefixed lines, keeping stdout pure CSV.
 */
import type { CliCommand, CliIo } from '../cli-io';
import { formatPlanError, parsePlan, simulate } from '../../domain/pk/index';

const USAGE =
  'usage: arbor pk simulate <plan.json|-> --until <min> --step <min> [--ke0 <1/min>] [--no-occupancy]';

/** Guard against a typo such as --step 0.0001 over weeks filling the terminal with millions of rows. */
const MAX_ROWS = 10_000_000;

interface Args {
  planPath: string;
  untilMin: number;
  stepMin: number;
  ke0PerMin?: number;
  occupancy: boolean;
}

/** Exit 2 for a bad command line, 1 for a bad or unreadable plan. */
function fail(io: CliIo, message: string, code = 1): number {
  io.stderr(`${message}\n`);
  return code;
}

function parseNumberFlag(flag: string, value: string | undefined): number | string {
  if (value === undefined || value.startsWith('--')) return `${flag}: needs a value`;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return `${flag}: must be a number (got "${value}")`;
  return n;
}

function parseArgs(args: string[]): Args | string {
  let planPath: string | undefined;
  let untilMin: number | undefined;
  let stepMin: number | undefined;
  let ke0PerMin: number | undefined;
  let occupancy = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--until' || a === '--step' || a === '--ke0') {
      const v = parseNumberFlag(a, args[i + 1]);
      if (typeof v === 'string') return v;
      i++;
      if (a === '--until') untilMin = v;
      else if (a === '--step') stepMin = v;
      else ke0PerMin = v;
    } else if (a === '--no-occupancy') {
      occupancy = false;
    } else if (a.startsWith('--')) {
      return `${a}: unknown flag (${USAGE})`;
    } else if (planPath === undefined) {
      planPath = a;
    } else {
      return `${a}: unexpected extra argument (${USAGE})`;
    }
  }
  if (planPath === undefined) return `plan: a plan file is required (${USAGE})`;
  if (untilMin === undefined) return `--until: is required (${USAGE})`;
  if (stepMin === undefined) return `--step: is required (${USAGE})`;
  if (!(untilMin >= 0)) return '--until: must not be negative';
  if (!(stepMin > 0)) return '--step: must be greater than 0';
  if (ke0PerMin !== undefined && !(ke0PerMin > 0)) return '--ke0: must be greater than 0';
  if (untilMin / stepMin + 1 > MAX_ROWS) return `--step: would produce more than ${MAX_ROWS} rows`;
  const parsed: Args = { planPath, untilMin, stepMin, occupancy };
  if (ke0PerMin !== undefined) parsed.ke0PerMin = ke0PerMin;
  return parsed;
}

function formatTime(t: number): string {
  return String(Number(t.toPrecision(12)));
}

export const pkSimulateCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const parsedArgs = parseArgs(args);
  if (typeof parsedArgs === 'string') return fail(io, parsedArgs, 2);

  let text: string;
  try {
    text = parsedArgs.planPath === '-' ? await io.readStdin() : await io.readFile(parsedArgs.planPath);
  } catch (e) {
    return fail(io, `${parsedArgs.planPath}: cannot read plan file (${(e as Error).message})`);
  }
  const parsed = parsePlan(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
    return fail(io, `${first ? formatPlanError(first) : 'invalid plan'}${more}`);
  }
  const plan = parsed.plan;
  if (parsedArgs.ke0PerMin !== undefined) plan.ke0PerMin = parsedArgs.ke0PerMin;

  let result;
  try {
    result = simulate(plan, {
      untilMin: parsedArgs.untilMin,
      stepMin: parsedArgs.stepMin,
      outputs: { ce: true, occupancy: parsedArgs.occupancy },
    });
  } catch (e) {
    return fail(io, `simulation failed: ${(e as Error).message}`);
  }

  for (const w of result.warnings) io.stderr(`# warning: ${w}\n`);
  io.stderr(`# model ${result.model.id}; ${result.model.ke0Source}; method ${result.model.method}\n`);
  if (result.occupancyModel) io.stderr(`# ${result.occupancyModel.label}\n`);

  const { tMin, cpNgMl, ceNgMl, occupancy } = result;
  const header = ['t_min', 'cp_ng_ml', 'ce_ng_ml'];
  if (occupancy) header.push('nmda_occupancy_illustrative');
  // Rows are joined in chunks so a long simulation is not one giant string nor a million tiny writes.
  const CHUNK = 4096;
  let buf = `${header.join(',')}\n`;
  for (let i = 0; i < tMin.length; i++) {
    let row = `${formatTime(tMin[i]!)},${String(cpNgMl[i]!)},${String(ceNgMl![i]!)}`;
    if (occupancy) row += `,${String(occupancy[i]!)}`;
    buf += `${row}\n`;
    if (i % CHUNK === CHUNK - 1) {
      io.stdout(buf);
      buf = '';
    }
  }
  if (buf !== '') io.stdout(buf);
  return 0;
};
