import {
  Composer,
  type CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type YAMLError,
  type Node as YamlNode,
} from 'yaml';
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** A plain value read from YAML: objects have a null prototype and only own keys. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** A 1-based position in a file. */
export interface Pos {
  line: number;
  column: number;
}

/** What is known of the node at one JSON pointer. */
export interface NodeInfo {
  /** Start of the value node (for an empty value: where it would be). */
  pos: Pos;
  /** Start of the key, for a mapping value. */
  key?: Pos;
  /** True when the value was left empty (`key:` with nothing after it). */
  empty?: boolean;
  /** For scalars: the source text as written (quotes removed for quoted scalars). */
  source?: string;
  /** For scalars: true for a plain (unquoted) scalar. */
  plain?: boolean;
  /** Keys of a mapping, in file order. */
  keys?: string[];
}

/** The result of reading one YAML file. */
export interface YamlResult {
  /** The document's value; undefined when the file could not be read safely. */
  value: YamlValue | undefined;
  /** JSON pointer (`/rules/0/target`) → node information. */
  nodes: Map<string, NodeInfo>;
  diagnostics: Diagnostic[];
}

/** Limits that keep hostile input from exhausting the process. */
export const YAML_LIMITS = {
  /** Deepest parser stack allowed (a plan needs about 12). */
  maxParserStack: 100,
  /** Values produced, counting every alias expansion. */
  maxNodes: 100_000,
  /** Aliases (`*name`) in one file. */
  maxAliases: 100,
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Escape one JSON-pointer segment (RFC 6901), as AJV does in instancePath. */
export function pointerSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Read a YAML text safely: YAML 1.2 core schema only, one document, no
 * custom tags, bounded depth and alias expansion, every problem a diagnostic
 * with a 1-based position. Never evaluates anything and never throws on input.
 */
export function readYaml(text: string, file: string): YamlResult {
  const nodes = new Map<string, NodeInfo>();
  const diagnostics: Diagnostic[] = [];
  const lc = new LineCounter();
  const at = (offset: number): Pos => {
    const p = lc.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const report = (code: string, params: Record<string, string | number>, offset: number) => {
    diagnostics.push(diag(code, params, { file, ...at(offset) }));
  };

  // Parse to a CST while watching the parser's stack: composing a deeply
  // nested document recurses and can overflow (or abort) the process.
  const tokens: CST.Token[] = [];
  const parser = new Parser(lc.addNewLine);
  lc.addNewLine(0); // Parser.parse() does this itself; we drive next() to watch the depth
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > YAML_LIMITS.maxParserStack) {
      report('plan/yaml-too-deep', { limit: YAML_LIMITS.maxParserStack }, parser.offset);
      return { value: undefined, nodes, diagnostics };
    }
  }
  for (const token of parser.end()) tokens.push(token);

  let documents = 0;
  for (const t of tokens) {
    if (t.type === 'directive' && /^%YAML\b/.test(t.source)) {
      report('plan/yaml-directive', { directive: t.source.trim() }, t.offset);
    } else if (t.type === 'document') {
      documents++;
      if (documents === 2) report('plan/yaml-multiple-documents', {}, t.offset);
    }
  }
  if (diagnostics.length > 0) return { value: undefined, nodes, diagnostics };

  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    resolveKnownTags: false,
    customTags: [],
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  const yamlProblems: YAMLError[] = [...(doc?.errors ?? []), ...(doc?.warnings ?? [])];
  for (const e of yamlProblems) {
    if (e.code === 'DUPLICATE_KEY') {
      report('plan/duplicate-key', { key: keyTextAt(text, e.pos[0]) }, e.pos[0]);
    } else if (e.code === 'TAG_RESOLVE_FAILED') {
      report('plan/yaml-unknown-tag', { tag: tagName(e.message) }, e.pos[0]);
    } else if (e.name === 'YAMLWarning') {
      report('plan/yaml-warning', { detail: firstLine(e.message) }, e.pos[0]);
    } else {
      report('plan/yaml-syntax', { detail: firstLine(e.message) }, e.pos[0]);
    }
  }
  if (diagnostics.length > 0 || !doc) return { value: undefined, nodes, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    report('plan/yaml-empty', {}, 0);
    return { value: undefined, nodes, diagnostics };
  }

  // Build plain values ourselves: null-prototype objects, fresh copies for
  // aliases, a budget on expansions, and positions for every JSON pointer.
  const anchors = new Map<string, YamlNode>();
  const inProgress = new Set<YamlNode>();
  let produced = 0;
  let aliases = 0;
  let aborted = false;
  // offset of the outermost alias being expanded: the place to blame for a blow-up
  let expanding: number | undefined;
  const fail = (code: string, params: Record<string, string | number>, offset: number) => {
    report(code, params, offset);
    aborted = true;
  };

  const convert = (node: unknown, ptr: string, keyPos: Pos | undefined): YamlValue => {
    if (aborted) return null;
    const limits = { maxAliases: YAML_LIMITS.maxAliases, maxNodes: YAML_LIMITS.maxNodes };
    if (++produced > YAML_LIMITS.maxNodes) {
      fail('plan/yaml-alias-limit', limits, expanding ?? rangeStart(node));
      return null;
    }
    if (isAlias(node)) {
      if (++aliases > YAML_LIMITS.maxAliases) {
        fail('plan/yaml-alias-limit', limits, expanding ?? rangeStart(node));
        return null;
      }
      const target = anchors.get(node.source);
      if (!target || inProgress.has(target)) {
        fail('plan/yaml-bad-alias', { alias: node.source }, rangeStart(node));
        return null;
      }
      const outer = expanding === undefined;
      if (outer) expanding = rangeStart(node);
      const v = convert(target, ptr, keyPos);
      if (outer) expanding = undefined;
      return v;
    }
    const n = node as YamlNode | null;
    const start = rangeStart(n);
    const info: NodeInfo = { pos: at(start) };
    if (keyPos) info.key = keyPos;
    if (n && 'anchor' in n && typeof n.anchor === 'string' && n.anchor) anchors.set(n.anchor, n);
    if (n && typeof n.tag === 'string' && !CORE_TAGS.has(n.tag)) {
      fail('plan/yaml-unknown-tag', { tag: n.tag }, start);
      return null;
    }
    if (!n || isScalar(n)) {
      const v = n ? n.value : null;
      if (!n || n.range?.[0] === n.range?.[1]) info.empty = true;
      if (n && typeof n.source === 'string') {
        info.source = n.source;
        info.plain = n.type === 'PLAIN';
      }
      nodes.set(ptr, info);
      if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
      if (typeof v === 'bigint') return Number(v);
      fail('plan/yaml-unknown-tag', { tag: String(n?.tag ?? '?') }, start);
      return null;
    }
    if (isSeq(n)) {
      nodes.set(ptr, info);
      inProgress.add(n);
      const out: YamlValue[] = [];
      n.items.forEach((item, i) => {
        out.push(convert(item, `${ptr}/${i}`, undefined));
      });
      inProgress.delete(n);
      return out;
    }
    if (isMap(n)) {
      nodes.set(ptr, info);
      inProgress.add(n);
      const out = Object.create(null) as { [key: string]: YamlValue };
      const keys: string[] = [];
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        const kStart = rangeStart(k);
        if (!isScalar(k) || k.value === null || typeof k.value === 'object') {
          fail('plan/yaml-complex-key', {}, kStart);
          break;
        }
        const key = typeof k.value === 'string' ? k.value : (k.source ?? String(k.value));
        if (FORBIDDEN_KEYS.has(key)) {
          fail('plan/forbidden-key', { key }, kStart);
          break;
        }
        keys.push(key);
        out[key] = convert(pair.value, `${ptr}/${pointerSegment(key)}`, at(kStart));
        if (!pair.value) {
          const vi = nodes.get(`${ptr}/${pointerSegment(key)}`);
          if (vi) vi.pos = at(kStart);
        }
      }
      info.keys = keys;
      inProgress.delete(n);
      return out;
    }
    fail('plan/yaml-syntax', { detail: 'unsupported node' }, start);
    return null;
  };

  const value = convert(doc.contents, '', undefined);
  if (aborted) return { value: undefined, nodes, diagnostics };
  return { value, nodes, diagnostics };
}

function rangeStart(node: unknown): number {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : 0;
}

/** The key written at an offset: up to the colon or the end of the line, quotes removed. */
function keyTextAt(text: string, offset: number): string {
  const line = text.slice(offset, offset + 200).split(/\r?\n/)[0] ?? '';
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|(.*?))\s*(?::(?:\s|$)|$)/.exec(line);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? line).trim();
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function tagName(message: string): string {
  const m = /Unresolved tag: (\S+)/.exec(message);
  const t = m?.[1] ?? message;
  return t.replace(/^tag:yaml\.org,2002:/, '!!');
}
