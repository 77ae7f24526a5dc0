import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run cycles` runs madge over src and `npm run check` relies on its exit status. These cases
// run the same command, with the flags taken from package.json, over tiny trees in a temporary
// directory.
const madgeCli = path.resolve('node_modules/madge/bin/cli.js');
const run = promisify(execFile);

const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as {
  scripts: Record<string, string>;
};
const [command, ...flags] = (scripts.cycles ?? '').split(' ');
const target = flags.pop();

const tsconfig = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true },
});

const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'arbor-cycles-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'tsconfig.json'), tsconfig);
  for (const [name, code] of Object.entries(files)) await writeFile(path.join(dir, name), code);
  return dir;
}

/** Runs madge as `npm run cycles` does; returns its exit code and the cycles it reports. */
async function cycles(dir: string): Promise<{ exitCode: number; cycles: string[][] }> {
  const args = [madgeCli, ...flags, '--json', '.'];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: dir });
    return { exitCode: 0, cycles: JSON.parse(stdout) as string[][] };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { exitCode: failed.code ?? -1, cycles: JSON.parse(failed.stdout ?? 'null') as string[][] };
  }
}

describe('the import cycle check', () => {
  it('runs madge over src, right after lint in npm run check', () => {
    expect([command, target]).toEqual(['madge', 'src']);
    expect(flags).toContain('--circular');
    expect(scripts.check).toContain('npm run lint && npm run cycles &&');
  });

  it('finds two modules that import each other, and exits non-zero', async () => {
    const dir = await tree({
      'a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { a } from './a.js';\nexport const b = (): number => a() - 1;\n",
    });
    expect(await cycles(dir)).toEqual({ exitCode: 1, cycles: [['a.ts', 'b.ts']] });
  });

  it('follows imports written without a suffix, as the web code does', async () => {
    const dir = await tree({
      'a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
      'b.tsx': "import { a } from './a';\nexport const b = (): number => a() - 1;\n",
    });
    expect(await cycles(dir)).toEqual({ exitCode: 1, cycles: [['a.ts', 'b.tsx']] });
  });

  it('reports nothing, and exits zero, when the imports only go one way', async () => {
    const dir = await tree({
      'a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { c } from './c.js';\nexport const b = (): number => c - 1;\n",
      'c.ts': 'export const c = 1;\n',
    });
    expect(await cycles(dir)).toEqual({ exitCode: 0, cycles: [] });
  });
});
