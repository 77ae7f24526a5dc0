import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints one-line modules at virtual paths (they need not exist on disk) and checks which import
// boundary of eslint.config.js fires. Each boundary is recognised by the start of its message.
const eslint = new ESLint();

const RULE = {
  web: 'src/web may import only',
  capabilitySibling: 'A capability uses another capability only through its index',
  capabilityDoor: 'Import a capability only through its index',
  shared: 'src/server/shared must never import a capability',
  domainDoor: 'Import a domain folder only through its index',
  domainSibling: 'A domain folder uses another domain folder only through its index',
  contracts: 'src/contracts may import only',
  domainPurity: 'src/domain must not',
} as const;

type Rule = keyof typeof RULE;

/** The boundaries an import of `specifier` from `filePath` breaks. */
async function broken(specifier: string, filePath: string): Promise<Rule[]> {
  const code = `import { thing } from '${specifier}';\nexport const other = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A virtual path outside the config's reach would come back as a "File ignored" warning and
  // make every "allowed" case below pass for the wrong reason.
  expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  const restricted = messages.filter((m) => m.ruleId === 'no-restricted-imports');
  const rules = (Object.keys(RULE) as Rule[]).filter((rule) =>
    restricted.some((m) => m.message.includes(RULE[rule])),
  );
  expect(restricted.length, `unrecognised message in ${JSON.stringify(restricted)}`).toBe(rules.length);
  return rules;
}

type Case = [specifier: string, filePath: string];

describe('1. src/web never imports server or db', () => {
  it.each<Case>([
    ['../../../server/capabilities/patients/index.js', 'src/web/staff/patients/patient-page.tsx'],
    ['../../server/http/api-error', 'src/web/staff/api-client.ts'],
    ['../../../db/schema-patients', 'src/web/staff/patients/patient-page.tsx'],
    ['../../cli/commands/start', 'src/web/portal/render-portal.tsx'],
    // Still true for a web test: it tests browser code.
    ['../../server/capabilities/site/index.js', 'src/web/site/render-page.test.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['web']);
  });

  it.each<Case>([
    ['../../../contracts/patients', 'src/web/staff/patients/patient-page.tsx'],
    ['../../../domain/patients', 'src/web/staff/patients/patient-page.tsx'],
    ['../../../domain/patients/index.js', 'src/web/staff/patients/patient-page.tsx'],
    ['../api-client', 'src/web/staff/patients/patient-page.tsx'],
    ['./server-status', 'src/web/staff/shell/app-header.tsx'],
    ['react-dom/server', 'src/web/portal/render-portal.tsx'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('2. a capability uses another capability only through its index', () => {
  const service = 'src/server/capabilities/dosing/dosing.service.ts';

  it.each<Case>([
    ['../patients/patients.service.js', service],
    ['../patients/patients.queries.js', 'src/server/capabilities/dosing/dosing.routes.ts'],
    ['../patients/patients.routes', service],
    ['../../patients/patients.service.js', 'src/server/capabilities/dosing/pk/segments.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['capabilitySibling']);
  });

  it.each<Case>([
    ['../patients/index.js', service],
    ['../patients/index', service],
    ['../patients', service],
    ['./dosing.queries.js', service],
    ['../../shared/audit.js', service],
    ['../../http/define-route.js', 'src/server/capabilities/dosing/dosing.routes.ts'],
    ['../../../db/schema-dosing.js', 'src/server/capabilities/dosing/dosing.queries.ts'],
    ['../../../contracts/dosing.js', 'src/server/capabilities/dosing/dosing.routes.ts'],
    ['../segments-math.js', 'src/server/capabilities/dosing/pk/segments.ts'],
    ['../../patients/index.js', 'src/server/capabilities/dosing/pk/segments.ts'],
    // Tests may reach into internals, their own capability's and others' (see eslint.config.js).
    ['./dosing.service.js', 'src/server/capabilities/dosing/dosing.routes.test.ts'],
    ['../patients/patients.service.js', 'src/server/capabilities/dosing/dosing.routes.test.ts'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('3. outside the capabilities, a capability is imported only through its index', () => {
  it.each<Case>([
    ['./capabilities/patients/patients.service.js', 'src/server/routes.ts'],
    ['../capabilities/patients/patients.routes.js', 'src/server/http/mount-routes.ts'],
    ['../../server/capabilities/patients/patients.queries.js', 'src/cli/commands/user-create.ts'],
    ['./patients/patients.service.js', 'src/server/capabilities/all.ts'],
    // From inside a capability, the long way round is still the same capability door.
    ['../../capabilities/patients/patients.service.js', 'src/server/capabilities/dosing/dosing.service.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['capabilityDoor']);
  });

  it.each<Case>([
    ['./capabilities/patients/index.js', 'src/server/routes.ts'],
    ['./capabilities/patients', 'src/server/routes.ts'],
    ['../../server/capabilities/patients/index.js', 'src/cli/commands/user-create.ts'],
    ['./patients/index.js', 'src/server/capabilities/all.ts'],
    // Tests, test support, end-to-end and benchmarks may use internals.
    ['../server/capabilities/patients/patients.service.js', 'src/test/test-app.ts'],
    ['../server/capabilities/patients/patients.service.js', 'src/test/fixtures/patients.ts'],
    ['./capabilities/patients/patients.service.js', 'src/server/routes.test.ts'],
    ['../src/server/capabilities/patients/patients.queries.js', 'e2e/patients.spec.ts'],
    ['../../src/server/capabilities/patients/patients.service.js', 'bench/api/run.ts'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('4. src/server/shared never imports a capability', () => {
  it.each<Case>([
    ['../capabilities/patients/index.js', 'src/server/shared/patient-access.ts'],
    ['../capabilities/patients', 'src/server/shared/audit.ts'],
    ['../capabilities/patients/patients.service.js', 'src/server/shared/audit.ts'],
    ['../../capabilities/users/index.js', 'src/server/shared/mail/mailer.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['shared']);
  });

  it.each<Case>([
    ['./session.js', 'src/server/shared/audit.ts'],
    ['../http/api-error.js', 'src/server/shared/throttle.ts'],
    ['../../db/schema-audit.js', 'src/server/shared/audit.ts'],
    ['../../domain/auth/index.js', 'src/server/shared/session.ts'],
    // A shared module's test may build fixtures through a capability.
    ['../capabilities/patients/index.js', 'src/server/shared/patient-access.test.ts'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('5. a domain folder is imported only through its index', () => {
  it.each<Case>([
    ['../../../domain/dosing/compute-dose.js', 'src/server/capabilities/dosing/dosing.service.ts'],
    ['../../domain/auth/permissions.js', 'src/server/http/define-route.ts'],
    ['../../../domain/dosing/compute-dose', 'src/web/staff/dosing/dose-form.tsx'],
    ['../../domain/instruments/definitions/index.js', 'src/server/shared/session.ts'],
    ['../domain/patients/patient-fields.js', 'src/cli/demo-seed.ts'],
    ['../domain/patients/patient-fields.js', 'src/contracts/patients.ts'],
    ['../src/domain/pk/engine.js', 'scripts/pk-table.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['domainDoor']);
  });

  it.each<Case>([
    ['../instruments/types.js', 'src/domain/measurement/trajectory.ts'],
    ['../instruments/definitions/common', 'src/domain/outcomes/outcome-rules.ts'],
    ['../instruments/registry', 'src/domain/outcomes/outcomes.ts'],
    ['../../outcomes/outcomes.js', 'src/domain/instruments/definitions/phq9.ts'],
    ['./pk/engine.js', 'src/domain/example.ts'],
  ])('refuses %s from %s (another domain folder)', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['domainSibling']);
  });

  it.each<Case>([
    ['../../../domain/dosing/index.js', 'src/server/capabilities/dosing/dosing.service.ts'],
    ['../../../domain/dosing/index', 'src/web/staff/dosing/dose-form.tsx'],
    ['../../../domain/dosing', 'src/web/staff/dosing/dose-form.tsx'],
    ['../domain/patients/index.js', 'src/contracts/patients.ts'],
    ['../instruments/index.js', 'src/domain/measurement/trajectory.ts'],
    ['../instruments', 'src/domain/measurement/trajectory.ts'],
    ['../../outcomes/index.js', 'src/domain/instruments/definitions/phq9.ts'],
    // A domain folder's own files and subfolders are its own business.
    ['./compute-dose.js', 'src/domain/dosing/dosing-settings.ts'],
    ['./definitions/phq9.js', 'src/domain/instruments/registry.ts'],
    ['../types.js', 'src/domain/instruments/definitions/phq9.ts'],
    ['./common.js', 'src/domain/instruments/definitions/phq9.ts'],
    // Tests may reach into internals.
    ['../pk/plan.js', 'src/domain/dosing/pk-segments.test.ts'],
    ['../../domain/auth/permissions.js', 'src/server/http/define-route.test.ts'],
    ['../../src/domain/pk/engine.js', 'bench/pk/run.ts'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('6. src/contracts is pure: zod, domain and other contracts only', () => {
  it.each<Case>([
    ['../server/shared/session.js', 'src/contracts/patients.ts'],
    ['../server/capabilities/patients/index.js', 'src/contracts/patients.ts'],
    ['../db/schema-patients.js', 'src/contracts/patients.ts'],
    ['../web/staff/api-client', 'src/contracts/patients.ts'],
    ['../config.js', 'src/contracts/patients.ts'],
    ['node:crypto', 'src/contracts/patients.ts'],
    ['crypto', 'src/contracts/patients.ts'],
    ['hono', 'src/contracts/patients.ts'],
    ['drizzle-orm', 'src/contracts/patients.ts'],
    ['../server/http/api-error.js', 'src/contracts/patients.test.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['contracts']);
  });

  it.each<Case>([
    ['zod', 'src/contracts/patients.ts'],
    ['zod/v4', 'src/contracts/patients.ts'],
    ['./common.js', 'src/contracts/patients.ts'],
    ['./common', 'src/contracts/patients.ts'],
    ['../domain/patients/index.js', 'src/contracts/patients.ts'],
    ['../domain/patients', 'src/contracts/patients.ts'],
  ])('allows %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual([]);
  });
});

describe('domain purity still holds everywhere in src/domain', () => {
  it.each<Case>([
    ['node:fs/promises', 'src/domain/pk/example.ts'],
    ['../../db/schema.js', 'src/domain/pk/example.ts'],
    ['../../../server/shared/audit.js', 'src/domain/instruments/definitions/example.ts'],
    ['drizzle-orm', 'src/domain/pk/example.test.ts'],
  ])('refuses %s from %s', async (specifier, filePath) => {
    expect(await broken(specifier, filePath)).toEqual(['domainPurity']);
  });
});
