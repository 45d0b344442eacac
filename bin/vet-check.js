#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// Keep V8's young generation from growing to its 2 × 16 MiB default while large files stream
// through: on a 10 M-record roster this holds peak memory near 125 MiB instead of 165 MiB at
// the same speed (docs/scale.md). The flag exists in the V8 of every Node.js from 20 to 24.
const major = Number(process.versions.node.split('.')[0]);
if (major >= 20 && major <= 24) setFlagsFromString('--semi-space-growth-factor=1');

// The bundle (dist/bundle/, scripts/build.mjs) starts faster; dist/cli/ is the plain tsc output.
let cli;
try {
  cli = await import('../dist/bundle/run.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/bundle/run.js')) throw e;
  cli = await import('../dist/cli/run.js');
}
process.exitCode = await cli.run(process.argv.slice(2));
