#!/usr/bin/env node
// Runs the bundle with V8's code cache, else the tsc output (src/cli/launch.ts).
let launch;
try {
  ({ launch } = await import('../dist/cli/launch.js'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('launch.js')) throw e;
  process.stderr.write('vet-check: not built yet: run `npm run build` (npm ci does it)\n');
  process.exit(2);
}
const code = await launch(process.argv.slice(2));
// Done: exit now instead of letting Node.js tear down the heap (~10–20 ms after a
// 1 M-record report), unless output is still queued (pipes are asynchronous on some
// systems): then the natural exit flushes it.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
process.exitCode = code;
