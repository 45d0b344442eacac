#!/usr/bin/env node
// `npm run build` after tsc:
// (1) bundles the CLI with esbuild into one CommonJS file, dist/bundle/vet-check.cjs
//     (vega, vega-lite, exceljs, mammoth, jsonc-parser and iconv-lite stay
//     external, loaded from node_modules only when used; the bundle's own
//     lazy modules are initialised only when used);
// (2) writes dist/builtin.json, the built-in plans and catalogues parsed,
//     validated and linted, keyed by their YAML files' SHA-256 (src/plan/builtin-cache.ts);
// (3) runs the bundle on the bundled sample (help, validate, report as table and
//     JSON) and writes V8's code cache for it, dist/bundle/vet-check.cjs.cache,
//     which bin/vet-check.js hands to V8 (src/cli/launch.ts).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// Loaded from node_modules at run time: the heavy lazy ones (through
// importPackage), jsonc-parser (its UMD build requires its parts dynamically)
// and iconv-lite (half a megabyte of encodings, loaded on demand).
const EXTERNAL = ['vega', 'vega-lite', 'exceljs', 'mammoth', 'jsonc-parser', 'iconv-lite'];

// string-width (4.x, shared with cli-table3) builds two regular expressions on
// every call, and cli-table3 calls it several times per line of every cell: on
// the bundled sample that was ~20 ms of the table report. In the bundle every
// import of it gets the same function memoised: printable ASCII is its length
// (string-width 4 strips only escape sequences, which start with ESC or CSI,
// and none of its emoji patterns is ASCII; test/report/width-memo.test.ts
// checks both), anything else is measured once and remembered (a bounded cache).
const memoStringWidth = {
  name: 'memo-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await build.resolve('string-width', {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'real',
      });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'memo-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'memo-string-width' }, (args) => ({
      contents: readFileSync(`${root}scripts/width-memo.cjs`, 'utf8').replace(
        'REAL_STRING_WIDTH',
        JSON.stringify(args.path),
      ),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// Code run from a vm.Script has no import(): in the bundle, importPackage
// (src/util/import-package.ts) calls the launcher's import, __vc_import.
const packageImports = {
  name: 'package-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]util[\\/]import-package\.ts$/ }, () => ({
      contents: 'export function importPackage(specifier) { return __vc_import(specifier); }',
      loader: 'js',
    }));
  },
};

// commander requires child_process (with net and dgram, ~4 ms of every
// start-up) for executable subcommands, which vet-check has none of: in the
// bundle it gets the module on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // a production install without devDependencies: bin/vet-check.js runs dist/cli/ unbundled
  console.warn('build: esbuild is not installed; skipping the bundle (dist/cli/ is used)');
}
if (esbuild) {
  rmSync(`${root}dist/bundle`, { recursive: true, force: true });
  const result = await esbuild.build({
    // the CLI, and the thread that scans large CSV files (src/data/read/scan-thread.ts)
    entryPoints: {
      'vet-check': `${root}src/cli/run.ts`,
      'scan-worker': `${root}src/data/read/scan-worker.ts`,
    },
    outdir: `${root}dist/bundle`,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // the one use of import.meta (src/plan/paths.ts) as the bundle's own URL
    define: { 'import.meta.url': '__vc_url' },
    banner: { js: "const __vc_url = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [memoStringWidth, packageImports, lazyChildProcess],
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(`${root}dist/bundle`, { recursive: true });
  for (const out of result.outputFiles) {
    // a dynamic import() would fail only when reached, in a vm.Script: refuse it here
    const dynamic = /\bimport\s*\(/.exec(out.text);
    if (dynamic) {
      const line = out.text.slice(0, dynamic.index).split('\n').length;
      throw new Error(
        `build: ${out.path}:${line} has a dynamic import(), which cannot run from a vm.Script; use importPackage (src/util/import-package.ts) or a static import`,
      );
    }
    writeFileSync(out.path, out.contents);
  }
}

// from the YAML: loadPlan, parseDictionary and parseMetrics never read the cache they rebuild
const { buildCache, BUILTIN_CACHE } = await import(`${root}dist/plan/builtin-cache.js`);
const { loadPlan } = await import(`${root}dist/plan/load.js`);
const { builtinPlanIds } = await import(`${root}dist/plan/refs.js`);
const { parseDictionary, parseMetrics } = await import(`${root}dist/plan/catalogue.js`);
const dictionary = parseDictionary();
const cache = buildCache(builtinPlanIds(), (id) => loadPlan(id, root), dictionary, parseMetrics(dictionary));
writeFileSync(BUILTIN_CACHE, JSON.stringify(cache));

if (esbuild) {
  // V8 caches the functions compiled so far: run what users run most, then save the cache
  const { loadBundle, CODE_CACHE } = await import(`${root}dist/cli/launch.js`);
  const bundle = loadBundle(false);
  const sample = readdirSync(`${root}fixtures/sample`)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => `fixtures/sample/${f}`);
  const io = {
    stdout: () => {},
    stderr: () => {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { LANG: 'zh_CN.UTF-8' },
    cwd: root,
  };
  for (const [argv, expected] of [
    [['--help'], 0],
    [['validate', ...sample], 0],
    [['report', ...sample], 1],
    [['report', ...sample, '--format', 'json'], 1],
  ]) {
    const code = await bundle.run(argv, io);
    if (code !== expected)
      throw new Error(`build: vet-check ${argv.join(' ')} exited ${code}, expected ${expected}`);
  }
  writeFileSync(CODE_CACHE, bundle.script.createCachedData());
}
console.log(`build: ${esbuild ? 'dist/bundle/ (with its code cache), ' : ''}dist/builtin.json`);
