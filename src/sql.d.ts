// Migrations are .sql files imported as text: esbuild's text loader in the bundle
// (scripts/build.js) and a plugin in vitest.config.ts do the same at test time.
declare module '*.sql' {
  const text: string;
  export default text;
}
