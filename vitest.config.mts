// One runner for every suite: unit tests over library and web sources, then the
// suites that talk to a real server, database and browser (tests/).
import { defineConfig } from 'vitest/config';

const sourceConditions = { conditions: ['@glossa/source'] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: sourceConditions,
        ssr: { resolve: { conditions: ['@glossa/source'], externalConditions: ['@glossa/source'] } },
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/src/**/*.test.tsx', 'seeds/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: sourceConditions,
        ssr: { resolve: { conditions: ['@glossa/source'], externalConditions: ['@glossa/source'] } },
        test: {
          name: 'system',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
