// iconv-lite decodes GB18030/GBK. Loading it costs ~6 ms of every start-up and
// only files that are not UTF-8 need it, so it is required on first use.
import { createRequire } from 'node:module';
import type * as IconvLite from 'iconv-lite';

let loaded: typeof IconvLite | undefined;

/** The iconv-lite module, loaded on first call. */
export function iconvLite(): typeof IconvLite {
  loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  return loaded;
}
