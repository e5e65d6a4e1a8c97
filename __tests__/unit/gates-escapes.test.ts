// The escapes gate: paths out of the repository, odd characters, symlinks, gitlinks and executable bits.
import { describe, expect, it } from 'vitest'
import { escapesGate } from '../../src/gates/path-gates.js'
import { resolveSymlink, unsafePathReason } from '../../src/gates/path-rules.js'
import { runScope, taskScope } from '../../src/gates/index.js'
import type { FileChange } from '../../src/gates/types.js'
import { file, plan, set } from './gates-fixtures.js'

const p = plan({ 'allow-paths': ['tests/**'] })
const impl = taskScope(p, p.tasks[1]) // paths: src/**
const link = (path: string, target: string, over: Partial<FileChange> = {}): FileChange =>
  file(path, { newMode: '120000', symlinkTarget: target, ...over })

describe('escapes gate', () => {
  it.each<[string, FileChange, boolean, string | undefined]>([
    ['an ordinary file', file('src/a.ts'), true, undefined],
    ['a `..` path', file('src/../../etc/passwd'), false, undefined],
    ['an absolute path', file('/etc/passwd'), false, undefined],
    ['a Windows drive path', file('C:/Windows/x'), false, undefined],
    ['a backslash path', file('src\\..\\..\\x'), false, undefined],
    ['a rename from a `..` path', file('src/a.ts', { kind: 'renamed', oldPath: '../a.ts' }), false, undefined],
    ['a newline in the name', file('src/a\nb.ts'), false, undefined],
    ['a bidi override in the name', file('src/a\u202Egpj.ts'), false, undefined],
    ['bytes that were not UTF-8', file('src/\uFFFD.ts'), false, undefined],
    ['a symlink to /etc/passwd', link('src/passwd', '/etc/passwd'), false, undefined],
    ['a symlink to ../outside', link('link', '../outside'), false, undefined],
    ['a symlink climbing out from a subfolder', link('src/deep/l', '../../../x'), false, undefined],
    ['a symlink to home', link('src/h', '~/.ssh/id_rsa'), false, undefined],
    ['a symlink to the repository root', link('src/root', '..'), false, undefined],
    ['a symlink target with a newline', link('src/l', 'a\nb'), false, undefined],
    ['a relative symlink that stays inside', link('src/l', '../docs/a.md'), true, undefined],
    ['a symlink to a sibling', link('src/l', 'b.ts'), true, undefined],
    [
      'a symlink to a protected file',
      link('src/env', '../.env'),
      false,
      'gates.allow-protected: [".env"]'
    ],
    [
      'a symlink to a protected folder',
      link('src/wf', '../.github'),
      false,
      'gates.allow-protected: [".github"]'
    ],
    ['a deleted symlink', link('src/old', '/etc/passwd', { kind: 'deleted', newMode: undefined }), true, undefined],
    ['a new submodule', file('src/vendor', { newMode: '160000' }), false, 'gates.allow-protected: ["src/vendor"]'],
    [
      'a removed submodule',
      file('src/vendor', { kind: 'deleted', oldMode: '160000', newMode: undefined }),
      false,
      'gates.allow-protected: ["src/vendor"]'
    ],
    ['a new executable inside the task paths', file('src/run.sh', { newMode: '100755' }), true, undefined],
    [
      'a new executable outside the task paths (allow-paths is not enough)',
      file('tests/run.sh', { newMode: '100755' }),
      false,
      'tasks[1].paths: ["src/**", "tests/run.sh"]'
    ],
    [
      'chmod +x outside the task paths',
      file('tests/tool.sh', { kind: 'modified', oldMode: '100644', newMode: '100755' }),
      false,
      'tasks[1].paths: ["src/**", "tests/tool.sh"]'
    ],
    ['an executable that stays executable', file('tests/tool.sh', { kind: 'modified', oldMode: '100755', newMode: '100755' }), true, undefined],
    ['chmod -x', file('tests/tool.sh', { kind: 'modified', oldMode: '100755', newMode: '100644' }), true, undefined]
  ])('%s', (_name, change, allowed, optIn) => {
    const d = escapesGate(set(change), impl)
    expect(d.gate).toBe('escapes')
    expect(d.allowed).toBe(allowed)
    expect(d.optIn).toBe(optIn)
    if (!allowed) {
      expect(d.findings).toHaveLength(1)
      if (optIn === undefined) expect(d.findings?.[0]).toMatch(/no setting allows it/)
    }
  })

  it('allows what allow-protected names', () => {
    const q = plan({ 'allow-protected': ['.env', 'src/vendor'] })
    const s = taskScope(q, q.tasks[1])
    expect(escapesGate(set(link('src/env', '../.env')), s).allowed).toBe(true)
    expect(escapesGate(set(file('src/vendor', { newMode: '160000' })), s).allowed).toBe(true)
  })

  it('reports mode changes even when it allows them', () => {
    const d = escapesGate(set(file('src/x.sh', { kind: 'modified', oldMode: '100644', newMode: '100755' })), impl)
    expect(d).toMatchObject({ allowed: true })
    expect(d.reason).toMatch(/mode changes: src\/x.sh 100644 -> 100755/)
  })

  it('merges opt-ins per setting, and gives none when one finding can never be allowed', () => {
    const both = escapesGate(set(file('a/sub', { newMode: '160000' }), link('src/k', '../id_rsa')), impl)
    expect(both.optIn).toBe('gates.allow-protected: ["a/sub", "id_rsa"]')
    const mixed = escapesGate(set(file('a/sub', { newMode: '160000' }), link('src/o', '/etc/shadow')), impl)
    expect(mixed.optIn).toBeUndefined()
    expect(mixed.reason).toMatch(/1 of them no setting can allow/)
    expect(mixed.findings).toHaveLength(2)
  })

  it('uses the union of every task path for executables on the run', () => {
    const run = runScope(p)
    expect(escapesGate(set(file('src/a.sh', { newMode: '100755' })), run).allowed).toBe(true)
    expect(escapesGate(set(file('lib/a.sh', { newMode: '100755' })), run).optIn).toBe('gates.allow-paths: ["tests/**", "lib/a.sh"]')
  })
})

describe('path rules', () => {
  it.each([
    ['a', undefined],
    ['dir/file name.txt', undefined],
    ['', 'empty path'],
    ['a//b', 'contains an empty or `.` component'],
    ['./a', 'contains an empty or `.` component'],
    ['a/..', 'contains a `..` component'],
    ['a\tb', 'contains a control, invisible or bidi character, or bytes that are not UTF-8']
  ])('unsafePathReason(%j)', (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason)
  })

  it.each([
    ['src/l', 'a', { inside: 'src/a' }],
    ['src/l', '../a/./b/', { inside: 'a/b' }],
    ['l', '.', { inside: '' }],
    ['l', 'C:/x', { outside: true }],
    ['src/l', '..\\..\\x', { outside: true }]
  ])('resolveSymlink(%j, %j)', (at, target, expected) => {
    expect(resolveSymlink(at, target)).toEqual(expected)
  })
})
