#!/usr/bin/env node
// `npm run build` after tsc: (1) bundles the CLI with esbuild into
// dist/bundle/ (code splitting keeps the lazy imports lazy: each dynamic import is a chunk; vega, vega-lite,
// exceljs, mammoth, playwright and jsonc-parser stay external, loaded from node_modules only
// when used), so start-up reads a few files instead of ~100 modules; (2)
// writes dist/builtin.json, the built-in plans and catalogues parsed,
// validated and linted, keyed by their YAML files' SHA-256 (src/plan/builtin-cache.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// Loaded from node_modules at run time: the heavy lazy ones, jsonc-parser (its UMD build requires its parts dynamically) and iconv-lite (half a megabyte of encodings, loaded on demand).
const EXTERNAL = [
  'vega',
  'vega-lite',
  'exceljs',
  'mammoth',
  'playwright-core',
  'fast-xml-parser',
  'jsonc-parser',
  'iconv-lite',
];

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // a production install without devDependencies: bin/vet-check.js runs dist/cli/ unbundled
  console.warn('build: esbuild is not installed; skipping the bundle (dist/cli/ is used)');
}
if (esbuild) {
  // chunk names carry content hashes: clear the old ones
  rmSync(`${root}dist/bundle`, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { run: `${root}src/cli/run.ts` },
    outdir: `${root}dist/bundle`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins
    banner: {
      js: "import { createRequire as __vcRequire } from 'node:module'; const require = __vcRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

process.env['VET_CHECK_NO_CACHE'] = '1';
const { buildCache, BUILTIN_CACHE } = await import(`${root}dist/plan/builtin-cache.js`);
const { builtinPlanIds, loadPlan } = await import(`${root}dist/plan/load.js`);
const { parseDictionary, parseMetrics } = await import(`${root}dist/plan/catalogue.js`);
const dictionary = parseDictionary();
const cache = buildCache(builtinPlanIds(), (id) => loadPlan(id, root), dictionary, parseMetrics(dictionary));
writeFileSync(BUILTIN_CACHE, JSON.stringify(cache));
console.log(`build: ${esbuild ? 'dist/bundle/, ' : ''}dist/builtin.json`);
