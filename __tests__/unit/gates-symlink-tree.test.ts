// Symlinks judged on the final tree (issue #10, point 5): each link resolved through every other link.
import { describe, expect, it } from 'vitest'
import { resolveInTree } from '../../src/gates/symlink-tree.js'
import { escapesGate } from '../../src/gates/path-gates.js'
import { taskScope } from '../../src/gates/index.js'
import type { FileChange } from '../../src/gates/types.js'
import { file, plan } from './gates-fixtures.js'

const deep = 'a/b/c/d/e/f/g/h'
/** Each link stays inside on its own; together they climb to /etc/passwd. */
const CHAIN: Record<string, string> = {
  [`src/${deep}/top`]: '../../../../../../../..',
  'src/x': `${deep}/top/${'../'.repeat(10)}etc/passwd`
}

describe('resolveInTree', () => {
  it.each<[string, Record<string, string>, string, object]>([
    ['a plain path', {}, 'src/a.ts', { inside: 'src/a.ts' }],
    ['a sibling link', { 'src/l': 'b.ts' }, 'src/l', { inside: 'src/b.ts' }],
    ['a link through a directory link', { 'src/l': 'dir/f', 'src/dir': '../docs' }, 'src/l', { inside: 'docs/f' }],
    ['an absolute target', { 'src/l': '/etc/passwd' }, 'src/l', { outside: true, via: ['src/l'] }],
    ['a deep link up (inside on its own)', CHAIN, `src/${deep}/top`, { inside: 'src' }],
    ['a chain ending at /etc/passwd', CHAIN, 'src/x', { outside: true, via: ['src/x', `src/${deep}/top`] }],
    ['a chain through a link to ..', { 'src/up': 'sub/..', 'src/sub': '../..' }, 'src/up', { outside: true, via: ['src/up', 'src/sub'] }],
    ['a loop', { 'src/a': 'b', 'src/b': 'a' }, 'src/a', { loop: true }],
    ['a link to itself', { 'src/a': 'a' }, 'src/a', { loop: true }]
  ])('%s', (_name, links, p, want) => {
    expect(resolveInTree(p, new Map(Object.entries(links)))).toMatchObject(want)
  })
})

describe('escapes gate on the final tree', () => {
  const p = plan()
  const scope = taskScope(p, p.tasks[1]) // paths: src/**
  const link = (path: string, target: string): FileChange => file(path, { newMode: '120000', symlinkTarget: target })
  const changed = Object.entries(CHAIN).map(([l, t]) => link(l, t))

  it('lets each link of the chain pass when judged alone (the hole this closes)', () => {
    expect(escapesGate({ files: changed }, scope).allowed).toBe(true)
  })
  it('denies the chain judged through the tree, naming the links it went through', () => {
    const d = escapesGate({ files: changed, links: CHAIN }, scope)
    expect(d.allowed).toBe(false)
    expect(d.optIn).toBeUndefined()
    expect(d.findings?.join('\n')).toContain(`src/x -> "${CHAIN['src/x']}": symlink points outside the repository (through src/${deep}/top)`)
  })
  it('denies a new directory link that an old, unchanged link now escapes through', () => {
    const links = { 'src/latest': 'v2/guide.md', 'src/v2': '../../..' }
    const d = escapesGate({ files: [link('src/v2', '../../..')], links }, scope)
    expect(d.findings?.some((f) => f.startsWith('src/latest -> "v2/guide.md": symlink points outside'))).toBe(true)
  })
  it('denies a link reaching a protected path through another link', () => {
    const links = { 'src/ci': 'gh/workflows/ci.yml', 'src/gh': '../.github' }
    const d = escapesGate({ files: [link('src/ci', 'gh/workflows/ci.yml')], links }, scope)
    expect(d.allowed).toBe(false)
    expect(d.findings?.join('\n')).toContain('points at protected path .github/workflows/ci.yml')
  })
  it('denies a loop', () => {
    const d = escapesGate({ files: [link('src/a', 'b'), link('src/b', 'a')], links: { 'src/a': 'b', 'src/b': 'a' } }, scope)
    expect(d.findings?.join('\n')).toContain('symlinks loop')
  })
  it('allows links that really stay inside', () => {
    const links = { 'src/l': 'dir/f', 'src/dir': '../docs' }
    expect(escapesGate({ files: [link('src/l', 'dir/f')], links }, scope).allowed).toBe(true)
  })
})
