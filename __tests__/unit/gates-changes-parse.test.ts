// Pure parsers of src/git/changes.ts, fed with git's real output formats as data.
import { describe, expect, it } from 'vitest'
import {
  isScannable,
  chunkPaths,
  fitsWholePatch,
  mergeEntries,
  parseBatch,
  parseAddedLines,
  parseRawNumstatZ,
  unquoteGitPath
} from '../../src/git/changes.js'
import { file } from './gates-fixtures.js'

const Z = '0'.repeat(40)
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

describe('parseRawNumstatZ', () => {
  const out = [
    `:100644 100644 ${A} ${B} M`, 'a.txt',
    `:000000 100644 ${Z} ${B} A`, 'new\nline name.txt',
    `:100644 000000 ${A} ${Z} D`, 'gone.txt',
    `:100644 100644 ${A} ${B} R097`, 'old name.txt', 'new name.txt',
    `:100644 120000 ${A} ${B} T`, 'link',
    `:000000 160000 ${Z} ${B} A`, 'sub',
    `:100644 100644 ${A} ${B} C100`, 'src.txt', 'copy.txt',
    '2\t1\ta.txt',
    '1\t0\tnew\nline name.txt',
    '0\t1\tgone.txt',
    '1\t0\t', 'old name.txt', 'new name.txt',
    '-\t-\tlink',
    '1\t0\tsub',
    '0\t0\t', 'src.txt', 'copy.txt',
    ''
  ].join('\0')

  it('reads every status, both sides of renames and copies, and names with newlines', () => {
    const { raw, numstat } = parseRawNumstatZ(Buffer.from(out))
    expect(raw.map((r) => [r.kind, r.oldPath, r.path, r.oldMode, r.newMode])).toEqual([
      ['modified', undefined, 'a.txt', '100644', '100644'],
      ['added', undefined, 'new\nline name.txt', '000000', '100644'],
      ['deleted', undefined, 'gone.txt', '100644', '000000'],
      ['renamed', 'old name.txt', 'new name.txt', '100644', '100644'],
      ['type-changed', undefined, 'link', '100644', '120000'],
      ['added', undefined, 'sub', '000000', '160000'],
      ['copied', 'src.txt', 'copy.txt', '100644', '100644']
    ])
    expect(raw[3].score).toBe(97)
    expect(raw[0].newSha).toBe(B)
    expect(numstat.map((n) => [n.path, n.oldPath, n.binary, n.added, n.removed])).toEqual([
      ['a.txt', undefined, false, 2, 1],
      ['new\nline name.txt', undefined, false, 1, 0],
      ['gone.txt', undefined, false, 0, 1],
      ['new name.txt', 'old name.txt', false, 1, 0],
      ['link', undefined, true, 0, 0],
      ['sub', undefined, false, 1, 0],
      ['copy.txt', 'src.txt', false, 0, 0]
    ])
  })

  it('merges raw and numstat into changes, dropping the all-zero mode of a missing side', () => {
    const { raw, numstat } = parseRawNumstatZ(out)
    const files = mergeEntries(raw, numstat)
    expect(files[1]).toEqual(file('new\nline name.txt', { added: 1, size: 0 }))
    expect(files[2]).toMatchObject({ kind: 'deleted', oldMode: '100644' })
    expect(files[2].newMode).toBeUndefined()
    expect(files[3]).toMatchObject({ kind: 'renamed', oldPath: 'old name.txt', path: 'new name.txt' })
    expect(files[4]).toMatchObject({ binary: true, added: 0 })
  })

  it('accepts empty output', () => {
    expect(parseRawNumstatZ('')).toEqual({ raw: [], numstat: [] })
  })

  it.each([
    ['an unknown status', `:100644 100644 ${A} ${B} U\0x\0`],
    ['a malformed numstat record', 'x\ty\tz\0']
  ])('rejects %s', (_name, text) => {
    expect(() => parseRawNumstatZ(text)).toThrow(/unexpected git/)
  })

  it('rejects raw and numstat records that disagree', () => {
    const { raw } = parseRawNumstatZ(`:100644 100644 ${A} ${B} M\0a\0`)
    expect(() => mergeEntries(raw, [])).toThrow(/disagree/)
    expect(() => mergeEntries(raw, [{ path: 'b', binary: false, added: 0, removed: 0 }])).toThrow(/disagree/)
  })
})

describe('unquoteGitPath', () => {
  it.each([
    ['plain', 'plain'],
    ['"b/nl\\nname"', 'b/nl\nname'],
    ['"tab\\there \\"q\\" back\\\\slash"', 'tab\there "q" back\\slash'],
    ['"\\303\\274ber"', 'über'],
    ['"\\a\\b\\v\\f\\r"', '\u0007\b\v\f\r'],
    ['"', '"']
  ])('%s -> %j', (quoted, plain) => {
    expect(unquoteGitPath(quoted)).toBe(plain)
  })
})

describe('parseAddedLines', () => {
  const patch = [
    'diff --git a/a.txt b/a.txt',
    'index 1..2 100644',
    '--- a/a.txt',
    '+++ b/a.txt',
    '@@ -2 +2,2 @@ ctx',
    '-old',
    '++++ b/looks like a header',
    '+diff --git a/x b/x',
    '@@ -10,0 +12 @@',
    '+twelve',
    '\\ No newline at end of file',
    'diff --git a/gone b/gone',
    'deleted file mode 100644',
    '--- a/gone',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-bye',
    'diff --git "a/odd\\nname" "b/odd\\nname"',
    'new file mode 100644',
    '--- /dev/null',
    '+++ "b/odd\\nname"',
    '@@ -0,0 +1,2 @@',
    '+one',
    '+two',
    'diff --git a/with space b/with space',
    '--- /dev/null',
    '+++ b/with space\t',
    '@@ -0,0 +1 @@',
    '+spaced',
    'diff --git a/bin b/bin',
    'Binary files a/bin and b/bin differ',
    ''
  ].join('\n')

  it('maps added lines to new-file line numbers by path, honouring hunk lengths', () => {
    const added = parseAddedLines(patch)
    expect([...added.keys()]).toEqual(['a.txt', 'odd\nname', 'with space'])
    expect(added.get('a.txt')).toEqual([
      { line: 2, text: '+++ b/looks like a header' },
      { line: 3, text: 'diff --git a/x b/x' },
      { line: 12, text: 'twelve' }
    ])
    expect(added.get('odd\nname')).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' }
    ])
    expect(added.get('with space')).toEqual([{ line: 1, text: 'spaced' }])
  })

  it('collects both halves of a type change under one path', () => {
    const typeChange = [
      'diff --git a/t b/t', 'deleted file mode 100644', '--- a/t', '+++ /dev/null', '@@ -1 +0,0 @@', '-x',
      'diff --git a/t b/t', 'new file mode 120000', '--- /dev/null', '+++ b/t', '@@ -0,0 +1 @@', '+target'
    ].join('\n')
    expect(parseAddedLines(typeChange).get('t')).toEqual([{ line: 1, text: 'target' }])
  })
})

describe('isScannable', () => {
  it.each([
    [file('a.txt'), true],
    [file('a.bin', { binary: true }), false],
    [file('gone', { kind: 'deleted' }), false],
    [file('link', { newMode: '120000' }), false],
    [file('sub', { newMode: '160000' }), false]
  ])('%#', (change, expected) => {
    expect(isScannable(change)).toBe(expected)
  })
})

describe('chunkPaths and parseBatch', () => {
  it('splits path lists into bounded argument chunks, keeping order', () => {
    const paths = Array.from({ length: 1000 }, (_, i) => `${'x'.repeat(200)}-${i}`)
    const chunks = chunkPaths(paths, 10_000)
    expect(chunks.flat()).toEqual(paths)
    for (const c of chunks) expect(c.reduce((n, p) => n + p.length + 20, 0)).toBeLessThanOrEqual(10_000)
    expect(chunkPaths([])).toEqual([])
  })
  it('parses cat-file --batch output with binary content and missing objects', () => {
    const out = Buffer.concat([
      Buffer.from(`${A} blob 3\n`), Buffer.from([0, 10, 255]), Buffer.from('\n'),
      Buffer.from(`${B} missing\n`),
      Buffer.from(`${B.replace(/./, 'c')} blob 0\n\n`)
    ])
    const m = parseBatch(out)
    expect([...m.get(A)!]).toEqual([0, 10, 255])
    expect(m.has(B)).toBe(false)
    expect(m.get(B.replace(/./, 'c'))?.length).toBe(0)
  })
})

describe('fitsWholePatch', () => {
  const f = (size: number) => ({ kind: 'added' as const, path: 'a', binary: true, added: 0, removed: 0, size, addedLines: [] })
  const limits = { fileBytes: 1000, files: 3 }
  it('keeps a change whole within the file size, the file count and the total', () => {
    expect(fitsWholePatch({ files: [f(1000), f(10)] }, limits)).toBe(true)
  })
  it('keeps only headers past any of them', () => {
    expect(fitsWholePatch({ files: [f(1001)] }, limits)).toBe(false)
    expect(fitsWholePatch({ files: [f(1), f(1), f(1), f(1)] }, limits)).toBe(false)
    expect(fitsWholePatch({ files: Array.from({ length: 3 }, () => f(40 * 1024 * 1024)) }, { fileBytes: 64 * 1024 * 1024, files: 10 })).toBe(false)
  })
})
