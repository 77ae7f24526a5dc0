import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the domain boundary lint rule', () => {
  it.each([
    "import { readFile } from 'node:fs/promises';",
    "import { patients } from '../../db/schema.js';",
    "import { createApp } from '../server/app.js';",
    "import pg from 'pg';",
    "import { sql } from 'drizzle-orm';",
  ])('refuses %s inside src/domain', async (line) => {
    expect(await problems(`${line}\nexport const x = 1;\n`, 'src/domain/pk/example.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('allows the same import outside src/domain', async () => {
    expect(
      await problems(
        "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
        'src/server/example.ts',
      ),
    ).toEqual([]);
  });
});
