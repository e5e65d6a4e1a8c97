// The path gates: allowed/denied paths, protected paths (with case and Unicode tricks) and deletions.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deletesGate, pathsGate, protectedGate } from '../../src/gates/path-gates.js'
import {
  allowMatcher,
  hasMixedScripts,
  isProtectedPath,
  literalGlob,
  normalizeForProtection,
  unsafePathReason
} from '../../src/gates/path-rules.js'
import { runScope, taskScope } from '../../src/gates/index.js'
import { file, plan, set } from './gates-fixtures.js'

const p = plan({ 'allow-paths': ['tests/**'], 'deny-paths': ['src/secret/**', 'docs/private.md'] })
const docs = taskScope(p, p.tasks[0])

describe('paths gate', () => {
  it.each([
    ['inside the task paths', [file('docs/a.md')], true],
    ['inside allow-paths', [file('tests/a.test.ts')], true],
    ['a dotfile inside the task paths', [file('docs/.vitepress/config.ts')], true],
    ['no change at all', [], true],
    ['outside every allowed path', [file('src/a.ts')], false],
    ['allowed paths are case-sensitive', [file('DOCS/a.md')], false],
    ['a rename out of scope (new side)', [file('src/a.md', { kind: 'renamed', oldPath: 'docs/a.md' })], false],
    ['a rename into scope (old side)', [file('docs/a.md', { kind: 'renamed', oldPath: 'src/a.md' })], false],
    ['a deletion out of scope', [file('src/a.ts', { kind: 'deleted' })], false],
    ['a copy reads its source only', [file('docs/copy.md', { kind: 'copied', oldPath: 'src/a.ts' })], true]
  ])('%s', (_name, files, allowed) => {
    expect(pathsGate(set(...files), docs).allowed).toBe(allowed)
  })

  it('names the exact task setting, existing globs kept and the path escaped', () => {
    const d = pathsGate(set(file('src/a[1].ts'), file('docs/ok.md')), docs)
    expect(d).toMatchObject({
      gate: 'paths',
      allowed: false,
      optIn: 'tasks[0].paths: ["docs/**", "src/a\\\\[1\\\\].ts"]',
      findings: ['"src/a[1].ts": outside the allowed paths']
    })
    expect(d.reason).toMatch(/outside the allowed paths \(\["docs\/\*\*", "tests\/\*\*"\]/)
  })

  it('denies deny-paths whatever allows them, case-insensitively, naming the setting without the hit', () => {
    const q = plan({ 'allow-paths': ['**'], 'deny-paths': ['src/secret/**', 'docs/private.md'] })
    const d = pathsGate(set(file('SRC/Secret/key.ts')), taskScope(q, q.tasks[1]))
    expect(d).toMatchObject({ allowed: false, optIn: 'gates.deny-paths: ["docs/private.md"]' })
    expect(d.findings).toEqual(['SRC/Secret/key.ts: matches deny-paths "src/secret/**"'])
  })

  it('combines both denials in one exact opt-in', () => {
    const d = pathsGate(set(file('docs/private.md'), file('lib/x.js')), docs)
    expect(d.optIn).toBe('tasks[0].paths: ["docs/**", "lib/x.js"] and gates.deny-paths: ["src/secret/**"]')
  })

  it('denies everything when neither the task nor the plan allows any path', () => {
    const q = plan({}, [{ id: 'free', steps: [{ run: 'true' }] }])
    const d = pathsGate(set(file('README.md')), taskScope(q, q.tasks[0]))
    expect(d).toMatchObject({ allowed: false, optIn: 'tasks[0].paths: ["README.md"]' })
    expect(d.reason).toMatch(/none set: deny by default/)
  })

  it('falls back to gates.allow-paths for a task without paths', () => {
    const q = plan({ 'allow-paths': ['lib/**'] }, [{ id: 'free', steps: [{ run: 'true' }] }])
    expect(pathsGate(set(file('lib/a.js')), taskScope(q, q.tasks[0])).allowed).toBe(true)
  })

  it('names gates.allow-paths for a task that is not in the plan and for the run', () => {
    const stray = { ...p.tasks[0], id: 'stray', paths: undefined }
    expect(pathsGate(set(file('x.js')), taskScope(p, stray)).optIn).toBe('gates.allow-paths: ["tests/**", "x.js"]')
    expect(pathsGate(set(file('x.js')), runScope(p)).optIn).toBe('gates.allow-paths: ["tests/**", "x.js"]')
  })

  it('checks the run against the union of every task path and allow-paths', () => {
    const run = runScope(p)
    expect(pathsGate(set(file('docs/a.md'), file('src/b.ts'), file('tests/c.ts')), run).allowed).toBe(true)
    expect(pathsGate(set(file('lib/d.ts')), run).allowed).toBe(false)
  })

  it('a literal glob of any path matches exactly that path', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: fc.constantFrom(...'ab/*?[]{}()!+@|^$. -') }), (s) => {
        fc.pre(unsafePathReason(s) === undefined)
        expect(allowMatcher([literalGlob(s)])(s)).toBe(true)
      })
    )
  })
})

describe('protected paths', () => {
  it.each([
    '.github/workflows/ci.yml',
    '.ai/plans/4/Autopilot.yaml',
    '.git/config',
    'vendor/lib/.git/hooks/pre-commit',
    'sub/.git',
    '.env',
    'app/.env.production',
    'deploy/server.pem',
    'certs/tls.key',
    'home/.ssh/id_rsa',
    'id_ed25519.pub',
    '.npmrc',
    'pkg/.netrc',
    '.pypirc',
    '.aws/credentials',
    'config/credentials.json',
    '.envrc',
    'package.json',
    'packages/web/package.json',
    'package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'Cargo.toml',
    'crates/x/Cargo.lock',
    'go.mod',
    'go.sum',
    'requirements.txt',
    'requirements-dev.txt',
    'pyproject.toml',
    'poetry.lock',
    'Gemfile',
    'Gemfile.lock',
    'composer.json',
    'composer.lock',
    'pom.xml',
    'build.gradle',
    'gradle/wrapper/gradle-wrapper.properties',
    '.gitmodules',
    'lib/.gitattributes',
    '.husky/pre-commit',
    '.pre-commit-config.yaml'
  ])('%s is protected', (path) => {
    expect(isProtectedPath(path)).toBe(true)
  })

  it.each([
    // case tricks: macOS and Windows filesystems are case-insensitive
    '.ENV',
    '.Github/workflows/x.yml',
    '.GIT/hooks/post-checkout',
    'PACKAGE.JSON',
    // Unicode: fullwidth letters (NFKC), zero-width characters (ignored by HFS+)
    '．ｇｉｔｈｕｂ/workflows/x.yml',
    '.git\u200c/config',
    '.en\u200dv',
    // Cyrillic look-alikes mixed with Latin letters
    '.g\u0456thub/workflows/x.yml',
    'p\u0430ckage.json',
    // NTFS: trailing dots and spaces, alternate data streams, 8.3 short names
    '.git./config',
    '.env ',
    '.git::$INDEX_ALLOCATION/config',
    'GIT~1/config',
    // control characters do not hide a protected name
    '.env\n',
    'Windows\\style\\.git\\config'
  ])('%j is protected despite the trick', (path) => {
    expect(isProtectedPath(path)).toBe(true)
  })

  it.each([
    'docs/readme.md',
    'src/environment.ts',
    'docs/.envelope.md',
    'src/keys.ts',
    'docs/руководство.md',
    'docs/package.md',
    'src/github.ts',
    '.gitignore',
    'docs/credentials.md'
  ])('%s is not protected', (path) => {
    expect(isProtectedPath(path)).toBe(false)
  })

  it('normalises to the form the filesystem would see', () => {
    expect(normalizeForProtection('．Ｇｉｔ\u200b./HOOKS ')).toBe('.git/hooks')
    expect(normalizeForProtection('a/../b')).toBe('a/../b')
    expect(hasMixedScripts('docs/руководство.md')).toBe(false)
    expect(hasMixedScripts('.gіthub')).toBe(true)
  })

  it('denies with the exact allow-protected setting, and allows what it names (case-sensitively)', () => {
    const p0 = plan({ 'allow-protected': ['.husky/**'] })
    const d = protectedGate(set(file('.github/workflows/ci.yml', { kind: 'modified' }), file('.husky/pre-push')), p0.gates)
    expect(d).toMatchObject({
      gate: 'protected',
      allowed: false,
      optIn: 'gates.allow-protected: [".husky/**", ".github/workflows/ci.yml"]',
      findings: ['.github/workflows/ci.yml: protected']
    })
    expect(d.reason).toMatch(/CI workflows/)
    const p1 = plan({ 'allow-protected': ['.github/workflows/ci.yml'] })
    expect(protectedGate(set(file('.github/workflows/ci.yml')), p1.gates).allowed).toBe(true)
    expect(protectedGate(set(file('.GITHUB/workflows/ci.yml')), p1.gates).allowed).toBe(false)
  })

  it('checks both sides of a rename and deleted paths', () => {
    const g = plan().gates
    expect(protectedGate(set(file('docs/x.yml', { kind: 'renamed', oldPath: '.github/workflows/x.yml' })), g).allowed).toBe(false)
    expect(protectedGate(set(file('.env', { kind: 'deleted' })), g).allowed).toBe(false)
    expect(protectedGate(set(file('docs/a.md')), g)).toMatchObject({ allowed: true, reason: 'no protected path changed' })
  })
})

describe('deletes gate', () => {
  const gone = set(file('docs/old.md', { kind: 'deleted' }), file('docs/new.md'))
  it('denies deletions by default with the exact setting', () => {
    expect(deletesGate(gone, plan().gates)).toMatchObject({
      allowed: false,
      optIn: 'gates.allow-deletes: true',
      findings: ['docs/old.md: deleted']
    })
  })
  it('allows them with gates.allow-deletes, and allows a rename without it', () => {
    expect(deletesGate(gone, plan({ 'allow-deletes': true }).gates).allowed).toBe(true)
    expect(deletesGate(set(file('docs/b.md', { kind: 'renamed', oldPath: 'docs/a.md' })), plan().gates).allowed).toBe(true)
  })
})
