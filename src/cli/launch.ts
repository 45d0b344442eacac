// How bin/vet-check.js starts the CLI. The build (scripts/build.mjs) writes
// the whole CLI as one CommonJS file, dist/bundle/vet-check.cjs, and V8's
// code cache for it, made after sample runs so that it holds the functions a
// run compiles. Run through vm.Script with that cache, V8 parses and compiles
// none of them again: a report on the bundled sample starts ~60 ms sooner
// than from ES modules (docs/scale.md). A cache made by another Node.js
// version, or under other V8 flags, is rejected by V8 and the code compiles as
// usual: slower, never different. Without a bundle (a build without esbuild)
// the tsc output, dist/cli/run.js, runs as it is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { VERSION } from '../version.js';
import type { Io } from './io.js';

/** The bundle and its code cache. */
export const BUNDLE = fileURLToPath(new URL('../bundle/vet-check.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;

type Run = (argv: string[], io?: Io) => Promise<number>;

export interface LoadedBundle {
  run: Run;
  /** The compiled bundle: `cachedDataRejected` tells whether V8 took the cache. */
  script: Script;
  /** Whether a cache file was there to offer. */
  cacheOffered: boolean;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Compile the bundle (with its code cache unless `useCache` is false) and run
 * its top level; undefined when there is no bundle.
 */
export function loadBundle(useCache = true): LoadedBundle | undefined {
  const source = readIfThere(BUNDLE);
  if (!source) return undefined;
  const cachedData = useCache ? readIfThere(CODE_CACHE) : undefined;
  // the CommonJS wrapper on the bundle's first line keeps its line numbers in stack traces;
  // code in a vm.Script cannot import(): the bundle's importPackage calls __vc_import
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __vc_import) {${source.toString('utf8')}\n})`,
    { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) },
  );
  const module = { exports: {} as { run?: Run } };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(
    module.exports,
    createRequire(BUNDLE),
    module,
    BUNDLE,
    dirname(BUNDLE),
    (specifier: string) => import(specifier),
  );
  if (typeof module.exports.run !== 'function') throw new Error(`${BUNDLE} exports no run()`);
  return { run: module.exports.run, script, cacheOffered: cachedData !== undefined };
}

/** Run the CLI: the bundle when built, else the tsc output. */
export async function launch(argv: string[]): Promise<number> {
  // `--version` alone needs no CLI: answered before the bundle loads (the same text commander prints)
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const run = loadBundle()?.run ?? (await import('./run.js')).run;
  return run(argv);
}
