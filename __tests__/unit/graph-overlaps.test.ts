// Same-level path overlaps: the glob approximation is sound (property) and warns where it should.
import fc from 'fast-check'
import picomatch from 'picomatch'
import { describe, expect, it } from 'vitest'
import { globsMayOverlap, overlaps } from '../../src/graph/overlaps.js'

describe('globsMayOverlap', () => {
  it.each([
    ['docs/**', 'docs/**', true],
    ['docs/**', 'docs/api/*.md', true],
    ['docs/**', 'docs2/**', false],
    ['docs/**', 'scripts/**', false],
    ['**/*.md', 'scripts/x.sh', false],
    ['**/*.md', 'scripts/x.md', true],
    ['*.md', 'README.md', true],
    ['README.md', 'README.md', true],
    ['README.md', 'LICENSE', false],
    ['docs', 'docs/**', true],
    ['docs/a.md', 'docs/*.ts', false],
    ['src/**/*.ts', 'src/**/*.md', true], // a known false positive: both bases are src
    ['src/{a,b}/**', 'src/b/x.ts', true],
    ['src/{a,b}/**', 'lib/**', false],
    ['.github/**', '**', true]
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(globsMayOverlap(a, b)).toBe(expected)
    expect(globsMayOverlap(b, a)).toBe(expected)
  })

  it('never misses an overlap (sound): a path matched by both globs is always flagged', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '*', '**', '*.md', 'x.md', '{a,b}', '?')
    const glob = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'))
    const file = fc.array(fc.constantFrom('a', 'b', 'ab', 'x.md', 'y.md', '.d'), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))
    fc.assert(
      fc.property(glob, glob, fc.array(file, { minLength: 1, maxLength: 20 }), (a, b, files) => {
        const ma = picomatch(a, { dot: true })
        const mb = picomatch(b, { dot: true })
        if (files.some((f) => ma(f) && mb(f))) expect(globsMayOverlap(a, b)).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('overlaps', () => {
  const task = (id: string, needs: string[], paths?: string[]) => ({ id, needs, paths })
  it('warns only for tasks of the same level, at the later task', () => {
    const found = overlaps({
      tasks: [task('root', [], ['docs/**']), task('a', ['root'], ['src/**']), task('b', ['root'], ['lib/**', 'src/x/**']), task('c', ['b'], ['src/**'])]
    })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ level: 1, tasks: ['a', 'b'], globs: ['src/**', 'src/x/**'], path: ['tasks', 2, 'paths', 1] })
  })
  it('uses gates.allow-paths for tasks without paths, and nothing when it is empty', () => {
    const tasks = [task('a', []), task('b', [])]
    expect(overlaps({ tasks })).toEqual([])
    const found = overlaps({ tasks, gates: { 'allow-paths': ['docs/**'] } })
    expect(found).toHaveLength(1)
    expect(found[0].path).toEqual(['tasks', 1])
    expect(found[0].message).toContain('"docs/**" (gates.allow-paths)')
  })
})
