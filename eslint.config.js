// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Import boundaries
//
// The source tree is a set of layers with doors:
//   src/domain/<x>/                 pure rules; index.ts is the folder's only door
//   src/contracts/<cap>.ts          request/response schemas: zod + domain + other contracts only
//   src/server/capabilities/<cap>/  one capability; index.ts is its only door
//   src/server/shared/              used by capabilities, never uses one
//   src/web/                        browser apps: contracts, domain and web only
//
// All of it is enforced with `no-restricted-imports`. Flat config does not merge the options of a
// rule across config objects (a later object replaces the whole list), so every region below gets
// ONE object holding every pattern that applies to it, built from the pieces defined here. Regions
// go from general to specific, so the most specific one is the one that counts.
//
// The patterns look at relative specifiers (`./…`, `../…`); bare package names such as
// `react-dom/server` are never mistaken for a folder of ours.
// ---------------------------------------------------------------------------------------------

/** `<x>/<anything but the door>`: `<x>`, `<x>/`, `<x>/index` and `<x>/index.js` are the door. */
const PAST_THE_DOOR = String.raw`[^/]+/(?!index(?:\.js)?$).+`;

/** Exactly `ups` steps up from the importing file (`./` when 0), and no further. */
const up = (ups) => (ups === 0 ? String.raw`\./` : String.raw`(?:\.\./){${ups}}`) + String.raw`(?!\.\.?/)`;

/** Any relative specifier that has a path segment named `name` somewhere in it. */
const throughFolder = (name) => String.raw`^\.\.?/(?:[^/]+/)*${name}`;

const DOMAIN_PURITY = [
  {
    group: ['**/db/**', '**/db', '**/server/**', '**/server', '**/web/**', '**/web', '**/cli/**'],
    message: 'src/domain must not import from db, server, web or cli.',
  },
  { group: ['node:*'], message: 'src/domain must not do I/O (no Node built-ins).' },
  {
    group: [
      'fs',
      'fs/*',
      'path',
      'child_process',
      'net',
      'http',
      'https',
      'os',
      'pg',
      'drizzle-orm',
      'drizzle-orm/*',
      'hono',
      'hono/*',
    ],
    message: 'src/domain must not do I/O.',
  },
];

// 1. The web apps run in the browser: they talk to the server over HTTP (shapes in src/contracts).
const WEB_LAYER = {
  regex: throughFolder(String.raw`(?:server|db|cli)(?:/|$)`),
  message:
    'src/web may import only src/contracts, src/domain (through its index) and src/web itself — never src/server, src/db or src/cli.',
};

// 2. Inside src/server/capabilities/<a>/: `../<b>/…` is another capability.
const capabilitySibling = (ups) => ({
  regex: `^${up(ups)}${PAST_THE_DOOR}`,
  message:
    "A capability uses another capability only through its index: '../<other>/index.js', not '../<other>/<other>.service.js'. Files of its own folder are imported as './x.js'.",
});

// 3. Anywhere: a path through `capabilities/<b>/` must stop at the door.
const CAPABILITY_DOOR = {
  regex: throughFolder(`capabilities/${PAST_THE_DOOR}`),
  message:
    "Import a capability only through its index: 'capabilities/<name>/index.js', not its routes, service or queries files.",
};

// 3'. Files directly in src/server/capabilities/ reach a capability as `./<b>/…`.
const CAPABILITY_DOOR_FROM_PARENT = { ...CAPABILITY_DOOR, regex: `^${up(0)}${PAST_THE_DOOR}` };

// 4. Capabilities depend on shared, so shared depending on a capability would make a cycle.
const SHARED_NO_CAPABILITY = {
  regex: throughFolder(String.raw`capabilities(?:/|$)`),
  message:
    'src/server/shared must never import a capability: capabilities depend on shared, not the other way round. Move the shared piece into shared, or pass it in.',
};

// 5. Anywhere outside the folder itself: a path through `domain/<x>/` must stop at the door.
const DOMAIN_DOOR = {
  regex: throughFolder(`domain/${PAST_THE_DOOR}`),
  message:
    "Import a domain folder only through its index: 'domain/<x>/index.js' (or 'domain/<x>'), not 'domain/<x>/<file>'. Export what you need from the index.",
};

// 5'. Inside src/domain/<x>/: `../<y>/…` is another domain folder.
const domainSibling = (ups) => ({
  regex: `^${up(ups)}${PAST_THE_DOOR}`,
  message:
    "A domain folder uses another domain folder only through its index: '../<other>/index.js' (or '../<other>'), not '../<other>/<file>'.",
});

// 6. Contracts are shared by server and web, so they stay pure: zod, domain and other contracts.
const CONTRACTS_PURE = {
  regex: String.raw`^(?!zod(?:/|$)|\./|(?:\.\./)+(?:domain|contracts)(?:/|$))`,
  message:
    'src/contracts may import only zod, src/domain (through its index) and other contracts — no server, db, web or Node built-ins.',
};

// Rules 2, 3, 4 and 5 are relaxed for tests, benchmarks and end-to-end scripts. Those rules keep the
// production dependency graph acyclic and every folder's surface small; a test file is a leaf that
// nothing imports, so reaching into internals cannot create a cycle or widen anyone's API, and
// white-box tests of internals (and fixtures built through another capability) are legitimate.
// Rules 1 and 6 and domain purity still hold for tests: they say what code may run where (in the
// browser, on both sides of the wire, in the pure core), which is true of a test of that code too.
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.test-helper.ts',
  'src/test/**',
  'e2e/**',
  'bench/**',
];

const restrict = (patterns) => (patterns.length > 0 ? ['error', { patterns }] : 'off');

/**
 * The `no-restricted-imports` options for one region: `code` for its ordinary files, `tests` for
 * its test files (a nested array in `files` means all of its patterns must match).
 */
function region(files, { code, tests }) {
  return [
    { files, ignores: TEST_FILES, rules: { 'no-restricted-imports': restrict(code) } },
    {
      files: files.flatMap((f) => TEST_FILES.map((t) => [f, t])),
      rules: { 'no-restricted-imports': restrict(tests) },
    },
  ];
}

/** Globs for files `depth` folders below `<base>/<x>/` (0 = directly in `<base>/<x>/`). */
const inside = (base, depth) => [`${base}/*/${'*/'.repeat(depth)}*.{ts,tsx}`];
const DEPTHS = [0, 1, 2, 3, 4, 5];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      '.test-data/**',
      'artifacts/**',
      'scratch/**',
      'node_modules/**',
      'src/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // Everywhere (src, scripts, e2e, bench): capabilities and domain folders through their doors.
  ...region(['**/*'], { code: [CAPABILITY_DOOR, DOMAIN_DOOR], tests: [] }),
  ...region(['src/web/**'], { code: [WEB_LAYER, DOMAIN_DOOR], tests: [WEB_LAYER] }),
  ...region(['src/contracts/**'], { code: [CONTRACTS_PURE, DOMAIN_DOOR], tests: [CONTRACTS_PURE] }),
  ...region(['src/server/shared/**'], { code: [SHARED_NO_CAPABILITY, DOMAIN_DOOR], tests: [] }),
  ...region(['src/server/capabilities/*.{ts,tsx}'], {
    code: [CAPABILITY_DOOR_FROM_PARENT, CAPABILITY_DOOR, DOMAIN_DOOR],
    tests: [],
  }),
  ...DEPTHS.flatMap((depth) =>
    region(inside('src/server/capabilities', depth), {
      code: [capabilitySibling(depth + 1), CAPABILITY_DOOR, DOMAIN_DOOR],
      tests: [],
    }),
  ),
  // The clinical core stays pure: no I/O, no database, no server, no UI — tests included.
  ...region(['src/domain/**/*.{ts,tsx}'], { code: [...DOMAIN_PURITY, DOMAIN_DOOR], tests: DOMAIN_PURITY }),
  ...region(['src/domain/*.{ts,tsx}'], {
    code: [...DOMAIN_PURITY, domainSibling(0), DOMAIN_DOOR],
    tests: DOMAIN_PURITY,
  }),
  ...DEPTHS.flatMap((depth) =>
    region(inside('src/domain', depth), {
      code: [...DOMAIN_PURITY, domainSibling(depth + 1), DOMAIN_DOOR],
      tests: DOMAIN_PURITY,
    }),
  ),
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/domain must not do I/O.' },
        { name: 'process', message: 'src/domain must not read the environment.' },
      ],
    },
  },
);
