// YAML text -> plain data, keeping the source positions of every node so problems can name line and column.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml'
import type { PlanPath } from './path.js'

/** A 1-based line and column in the plan file. */
export interface Position {
  line: number
  col: number
}

/** A YAML document with positions; `data` is its plain JavaScript value. */
export interface YamlSource {
  data: unknown
  /** YAML syntax errors (when any, `data` is not trustworthy). */
  syntaxErrors: { pos: Position; message: string }[]
  /** Where the value at `path` starts; the nearest existing ancestor when it is missing. */
  locate(path: PlanPath): Position
  /** Where the key of the last segment of `path` starts (falls back to `locate`). */
  locateKey(path: PlanPath): Position
}

interface Found {
  node: Node | null
  pair?: Pair
}

/** Parse `text`, never throwing: syntax errors come back in `syntaxErrors`. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter()
  // prettyErrors off: we print our own `file:line:col` prefix, not yaml's context block.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): Position => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)))
  const syntaxErrors = doc.errors.map((e) => ({ pos: at(e.pos[0]), message: cleanMessage(e.message) }))
  let data: unknown
  try {
    data = syntaxErrors.length === 0 ? doc.toJS() : undefined
  } catch (e) {
    // toJS throws on alias abuse ("billion laughs") and undefined aliases.
    syntaxErrors.push({ pos: { line: 1, col: 1 }, message: (e as Error).message })
  }
  const start = (node: Node | null | undefined): Position => at(node?.range?.[0] ?? 0)
  return {
    data,
    syntaxErrors,
    locate: (path) => start(walk(doc, path).node),
    locateKey: (path) => {
      const found = walk(doc, path)
      const key = found.pair?.key
      return key && isScalar(key) ? start(key) : start(found.node)
    }
  }
}

function cleanMessage(message: string): string {
  if (message.startsWith('Source contains multiple documents')) return 'a plan is a single YAML document: remove the extra "---"'
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim()
}

/** Follow `path` from the document root; stops at the deepest node that exists. */
function walk(doc: Document, path: PlanPath): Found {
  let node = doc.contents as Node | null
  let pair: Pair | undefined
  for (const seg of path) {
    if (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? node
    if (node && isMap(node)) {
      const hit = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))
      if (!hit) return { node, pair }
      pair = hit as Pair
      // A key without a value (`steps:`) has an empty null scalar: point at the key.
      const value = hit.value as Node | null
      const empty = !value || (isScalar(value) && value.range?.[0] === value.range?.[1])
      node = empty ? (hit.key as Node) : value
    } else if (node && isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      pair = undefined
      node = node.items[seg] as Node
    } else {
      return { node, pair }
    }
  }
  return { node, pair }
}
