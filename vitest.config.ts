import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Migrations are plain .sql files imported as text, as the esbuild bundle does.
  plugins: [
    {
      name: 'sql-as-text',
      transform(code: string, id: string) {
        if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
