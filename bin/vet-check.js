#!/usr/bin/env node
// The bundle (dist/bundle/, scripts/build.mjs) starts faster; dist/cli/ is the plain tsc output.
let cli;
try {
  cli = await import('../dist/bundle/run.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/bundle/run.js')) throw e;
  cli = await import('../dist/cli/run.js');
}
process.exitCode = await cli.run(process.argv.slice(2));
