// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The clinical core stays pure: no I/O, no database, no server, no UI.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/domain must not do I/O.' },
        { name: 'process', message: 'src/domain must not read the environment.' },
      ],
    },
  },
);
