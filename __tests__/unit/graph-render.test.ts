// Renderers: mermaid (with and without statuses), the JSON view and GitHub matrices.
import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/graph.js'
import { EMPTY_MATRIX, renderGraphJson, renderMatrix, renderMermaid } from '../../src/graph/render.js'

const g = buildGraph([
  { id: 'a', needs: [] },
  { id: 'end', needs: ['a'] },
  { id: 'c', needs: ['a'] },
  { id: 'd', needs: ['end', 'c'] }
])

describe('renderMermaid', () => {
  it('draws tasks as t<n> nodes labelled by id, arrows towards dependents', () => {
    expect(renderMermaid(g)).toBe(
      [
        'flowchart TD',
        '  t0["a"]',
        '  t1["end"]',
        '  t2["c"]',
        '  t3["d"]',
        '  t0 --> t1',
        '  t0 --> t2',
        '  t1 --> t3',
        '  t2 --> t3',
        ''
      ].join('\n')
    )
  })
  it('labels and colours nodes by status, leaving unknown statuses uncoloured', () => {
    const out = renderMermaid(g, { a: 'succeeded', end: 'failed', c: 'succeeded', d: 'weird<x>' })
    expect(out).toContain('  t0["a (succeeded)"]')
    expect(out).toContain('  t3["d (weird#60;x#62;)"]')
    expect(out).toContain('  class t0,t2 succeeded')
    expect(out).toContain('  class t1 failed')
    expect(out).toMatch(/classDef failed fill:/)
    expect(out).not.toContain('weird<')
    expect(out).not.toMatch(/class\b.*weird/)
  })
})

describe('renderGraphJson', () => {
  it('prints levels and the critical path on one line', () => {
    expect(JSON.parse(renderGraphJson(g))).toEqual({ levels: [['a'], ['end', 'c'], ['d']], criticalPath: ['a', 'end', 'd'] })
    expect(renderGraphJson(g)).not.toContain('\n')
  })
})

describe('renderMatrix', () => {
  it('gives one include-matrix per level', () => {
    expect(renderMatrix(g)).toEqual(['{"include":[{"task":"a"}]}', '{"include":[{"task":"end"},{"task":"c"}]}', '{"include":[{"task":"d"}]}'])
  })
  it('pads to a fixed number of levels with a guardable empty matrix', () => {
    const out = renderMatrix(g, 5)
    expect(out).toHaveLength(5)
    expect(out.slice(3)).toEqual([EMPTY_MATRIX, EMPTY_MATRIX])
    expect(JSON.parse(EMPTY_MATRIX).include[0]).toBeUndefined()
    expect(renderMatrix(g, 2)).toHaveLength(3)
  })
})
