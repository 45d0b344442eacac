// The optional heavy packages (vega, vega-lite, exceljs, mammoth) are loaded
// on first use through this one function. The bundle (scripts/build.mjs) runs
// from a vm.Script, where `import()` has no loader, so there this module is
// replaced by one that calls the launcher's import (src/cli/launch.ts).

/** `import(specifier)` of an installed package. */
export function importPackage<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
