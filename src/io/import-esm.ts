// The one dynamic import() of an ES module (@inquirer/prompts, which has no CommonJS build), in a
// file of its own: the build keeps it out of the command bundles, which dist/start.js compiles
// from a code cache with vm.Script, where import() would need an experimental Node option.

/** import(specifier), done from a module Node compiled itself. */
export function importEsm<Module>(specifier: string): Promise<Module> {
  return import(specifier) as Promise<Module>;
}
