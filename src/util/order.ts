/**
 * Order strings by UTF-16 code units: the same order on every machine.
 * (`localeCompare` follows the process's locale, and its first call loads
 * ICU's collator, ~9 ms of a report's start-up.)
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
