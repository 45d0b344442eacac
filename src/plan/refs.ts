// Which plan a reference names: a built-in id (plans/<id>.yaml) or a path.
// Light on purpose (no YAML parser, no validators): a report whose built-in
// plans come from dist/builtin.json never loads those (src/plan/builtin.ts).
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PLANS_DIR } from './paths.js';

/** Ids of the built-in plans: the *.yaml files directly in plans/ (not plans/catalogue/), sorted. */
export function builtinPlanIds(): string[] {
  let names: string[];
  try {
    names = readdirSync(PLANS_DIR);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.yaml') && statSync(join(PLANS_DIR, n)).isFile())
    .map((n) => n.slice(0, -'.yaml'.length))
    .sort();
}

/** Where a plan reference points: a built-in id or a path, with the path shown in messages. */
export function resolvePlanRef(
  ref: string,
  cwd: string,
): { path: string; display: string; builtin: boolean } | null {
  const looksLikeId = /^[a-z0-9][a-z0-9-]*$/.test(ref);
  if (looksLikeId && builtinPlanIds().includes(ref)) {
    return { path: join(PLANS_DIR, `${ref}.yaml`), display: `plans/${ref}.yaml`, builtin: true };
  }
  const path = resolve(cwd, ref);
  try {
    if (!statSync(path).isFile()) return null;
  } catch {
    return null;
  }
  const rel = relative(cwd, path);
  const display = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return { path, display, builtin: false };
}
