// Build records from JSON text with jsonc-parser's token visitor (comments
// and trailing commas disallowed, so it reads strict JSON). The visitor gives
// offsets, which keep number tokens' source text and locate duplicate keys.
import jsonc from 'jsonc-parser';
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Cell, SourceRecord } from '../source.js';
import { StringPositions } from './position.js';

type Role = 'top' | 'rows' | 'record' | 'nested' | 'skip';

interface Frame {
  role: Role;
  isObject: boolean;
  /** Keys seen in this object, with the line of their first occurrence. */
  keys: Map<string, number> | null;
  pendingKey: { key: string; line: number; column: number } | null;
  /** For 'record': the record being built. */
  record?: SourceRecord;
  duplicate?: boolean;
  /** For the outermost 'nested' frame: the cell it becomes, and where it began. */
  cell?: Cell;
  begin?: number;
}

/** What the text holds: a whole document (array or {rows}) or one JSON Lines record. */
export type JsonMode = 'document' | 'line';

/** Records and problems found in one JSON text. */
export interface JsonParseResult {
  records: SourceRecord[];
  diagnostics: Diagnostic[];
  /** A syntax error stopped the parse (records before it are complete). */
  failed: boolean;
}

function describe(isObject: boolean | null, value?: unknown): string {
  if (isObject === true) return 'object';
  if (isObject === false) return 'array';
  return value === null ? 'null' : typeof value;
}

/**
 * Parse JSON text into records. `firstLine` is the physical line of the
 * text's first character (JSON Lines). A duplicate key is an error and its
 * record is not returned; a syntax error stops the parse.
 */
export function parseJsonRecords(text: string, mode: JsonMode, file: string, firstLine = 1): JsonParseResult {
  const pos = new StringPositions(text, firstLine);
  const records: SourceRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const stack: Frame[] = [];
  let failed = false;
  let sawRows = false;
  let topIsObject = false;
  const where = (offset: number) => ({ file, ...pos.at(offset) });

  /** Route a value (object, array or literal) to its parent; returns the role of a container value. */
  const onValue = (offset: number, length: number, isObject: boolean | null, value?: unknown): Role => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (mode === 'line') {
        if (isObject === true) return 'record';
        diagnostics.push(
          diag('read/json-row-not-object', { found: describe(isObject, value) }, where(offset)),
        );
        return 'skip';
      }
      if (isObject === false) return 'rows';
      if (isObject === true) {
        topIsObject = true;
        return 'top';
      }
      diagnostics.push(diag('read/json-shape', { found: describe(isObject, value) }, where(offset)));
      return 'skip';
    }
    const key = parent.pendingKey;
    parent.pendingKey = null;
    switch (parent.role) {
      case 'top':
        if (key?.key === 'rows') {
          sawRows = true;
          if (isObject === false) return 'rows';
          diagnostics.push(diag('read/json-shape', { found: describe(isObject, value) }, where(offset)));
          return 'skip';
        }
        diagnostics.push(diag('read/json-ignored-key', { key: key?.key ?? '' }, where(offset)));
        return 'skip';
      case 'rows':
        if (isObject === true) return 'record';
        diagnostics.push(
          diag('read/json-row-not-object', { found: describe(isObject, value) }, where(offset)),
        );
        return 'skip';
      case 'record': {
        const p = pos.at(offset);
        const cell: Cell = {
          key: key?.key ?? '',
          keyLine: key?.line ?? p.line,
          keyColumn: key?.column ?? p.column,
          raw: null,
          kind: 'null',
          line: p.line,
          column: p.column,
        };
        if (isObject !== null) {
          cell.kind = 'object';
          parent.cell = cell; // completed when the nested value ends
          parent.begin = offset;
        } else if (typeof value === 'string') {
          cell.kind = 'text';
          cell.raw = value;
        } else if (typeof value === 'number') {
          cell.kind = 'number';
          cell.raw = text.slice(offset, offset + length);
        } else if (typeof value === 'boolean') {
          cell.kind = 'boolean';
          cell.raw = text.slice(offset, offset + length);
        }
        parent.record!.cells.push(cell);
        return 'nested';
      }
      default:
        return parent.role === 'nested' ? 'nested' : 'skip';
    }
  };

  const begin = (offset: number, isObject: boolean): void => {
    const parent = stack[stack.length - 1];
    const role = onValue(offset, 1, isObject);
    const frame: Frame = { role, isObject, keys: isObject ? new Map() : null, pendingKey: null };
    if (role === 'record') {
      frame.record = { ...posRecord(offset), cells: [] };
    }
    // The outermost nested container of a record cell: remember where it began.
    if (role === 'nested' && parent?.role === 'record') {
      frame.cell = parent.cell;
      frame.begin = parent.begin;
      parent.cell = undefined;
    }
    stack.push(frame);
  };

  const posRecord = (offset: number) => pos.at(offset);

  const end = (offset: number): void => {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.role === 'record' && frame.record && !frame.duplicate) records.push(frame.record);
    if (frame.cell && frame.begin !== undefined) frame.cell.raw = text.slice(frame.begin, offset + 1);
  };

  jsonc.visit(
    text,
    {
      onObjectBegin: (offset) => {
        if (!failed) begin(offset, true);
      },
      onArrayBegin: (offset) => {
        if (!failed) begin(offset, false);
      },
      onObjectEnd: (offset) => {
        if (!failed) end(offset);
      },
      onArrayEnd: (offset) => {
        if (!failed) end(offset);
      },
      onObjectProperty: (property, offset) => {
        if (failed) return;
        const frame = stack[stack.length - 1];
        if (!frame?.keys) return;
        const p = pos.at(offset);
        const first = frame.keys.get(property);
        if (first !== undefined) {
          diagnostics.push(diag('read/duplicate-key', { key: property, firstLine: first }, { file, ...p }));
          // The record holding the duplicate (or the object itself) is not returned.
          const rec = [...stack].reverse().find((f) => f.role === 'record');
          if (rec) rec.duplicate = true;
        } else {
          frame.keys.set(property, p.line);
        }
        frame.pendingKey = { key: property, line: p.line, column: p.column };
      },
      onLiteralValue: (value, offset, length) => {
        if (!failed) onValue(offset, length, null, value);
      },
      onError: (error, offset) => {
        if (failed) return;
        failed = true;
        const code = jsonc.printParseErrorCode(error);
        // Offsets of errors can precede the last queried position (e.g. at a value's end): re-locate.
        const p = new StringPositions(text, firstLine).at(offset);
        diagnostics.push(diag('read/json-syntax', { detail: code }, { file, ...p }));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (!failed && mode === 'document' && topIsObject && !sawRows) {
    diagnostics.push(
      diag('read/json-shape', { found: 'object without "rows"' }, { file, line: firstLine, column: 1 }),
    );
  }
  return { records, diagnostics, failed };
}
