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
process.exitCode = await launch(process.argv.slice(2));
