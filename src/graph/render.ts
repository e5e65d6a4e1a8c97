// Renderers of the task graph: mermaid (reports, PR body), JSON (`autopilot graph`) and GitHub matrices.
import { criticalPath, levels, type TaskGraph } from './graph.js'

/** Node colours per task status, for `renderMermaid(g, statuses)`. */
const STATUS_STYLE: Record<string, string> = {
  pending: 'fill:#f6f8fa,stroke:#8c959f',
  running: 'fill:#fff8c5,stroke:#9a6700',
  succeeded: 'fill:#dafbe1,stroke:#1a7f37',
  cached: 'fill:#ddf4ff,stroke:#0969da',
  failed: 'fill:#ffebe9,stroke:#cf222e',
  denied: 'fill:#fff1e5,stroke:#bc4c00',
  blocked: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4',
  cancelled: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4'
}

/**
 * A mermaid flowchart, arrows from a task to the tasks that need it. Nodes are
 * named `t<index>` (a task id such as `end` would break mermaid) and labelled
 * with the id (or its entry in `names`); with `statuses`, the label adds the
 * status and the node is coloured.
 */
export function renderMermaid(g: TaskGraph, statuses?: Record<string, string>, names?: Record<string, string>): string {
  const node = new Map(g.ids.map((id, i) => [id, `t${i}`]))
  const lines = ['flowchart TD']
  for (const id of g.ids) {
    const status = statuses?.[id]
    const label = escapeLabel(names?.[id] ?? id)
    lines.push(`  ${node.get(id)}["${status ? `${label} (${escapeLabel(status)})` : label}"]`)
  }
  for (const id of g.ids) for (const d of g.dependents[id]) lines.push(`  ${node.get(id)} --> ${node.get(d)}`)
  if (statuses) {
    const used = [...new Set(g.ids.map((id) => statuses[id]).filter((s) => s !== undefined && s in STATUS_STYLE))]
    for (const s of used) lines.push(`  classDef ${s} ${STATUS_STYLE[s]}`)
    for (const s of used) {
      const members = g.ids.filter((id) => statuses[id] === s).map((id) => node.get(id))
      lines.push(`  class ${members.join(',')} ${s}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function escapeLabel(text: string): string {
  return text.replace(/\s+/g, " ").replace(/["<>#]/g, (c) => `#${c.charCodeAt(0)};`)
}

/** `{"levels":[[ids...]],"criticalPath":[ids...]}` on one line. */
export function renderGraphJson(g: TaskGraph): string {
  return JSON.stringify({ levels: levels(g), criticalPath: criticalPath(g) })
}

/** The matrix of an empty level: a workflow skips its job with `if: fromJSON(x).include[0] != null`. */
export const EMPTY_MATRIX = '{"include":[]}'

/**
 * One GitHub matrix per level, `{"include":[{"task":"a"},...]}`, each on one
 * line. With `minLevels`, the list is padded with EMPTY_MATRIX so a workflow
 * with a fixed number of level jobs always gets a value; GitHub rejects an
 * empty matrix, so those jobs must be guarded (see EMPTY_MATRIX).
 */
export function renderMatrix(g: TaskGraph, minLevels = 0): string[] {
  const out = levels(g).map((level) => JSON.stringify({ include: level.map((task) => ({ task })) }))
  while (out.length < minLevels) out.push(EMPTY_MATRIX)
  return out
}
