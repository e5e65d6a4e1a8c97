// The secret-values gate (issue #10, point 6): values the plan hands to tasks never land, plain or encoded.
import { describe, expect, it } from 'vitest'
import { secretValuesGate, findSecretValues } from '../../src/gates/secret-values-gate.js'
import { maskDecision } from '../../src/gates/index.js'
import { createMasker } from '../../src/report/mask.js'
import { namedSecrets } from '../../src/run/secrets.js'
import { PlanSchema } from '../../src/plan/schema.js'
import type { FileChange } from '../../src/gates/types.js'
import { file, plan } from './gates-fixtures.js'

const value = 'pw-Zq8xV3nB7tLk2'
const secrets = [{ name: 'DEPLOY_KEY', value }]
const lines = (...texts: string[]): Partial<FileChange> => ({ addedLines: texts.map((text, i) => ({ line: i + 1, text })) })
const b64 = (s: string) => Buffer.from(s).toString('base64')
const hex = (s: string) => Buffer.from(s).toString('hex')

describe('secret-values gate', () => {
  it.each<[string, FileChange, string | undefined]>([
    ['plain', file('src/a.ts', lines(`const k = "${value}"`)), 'src/a.ts:1: the value of DEPLOY_KEY'],
    ['base64', file('src/a.ts', lines(b64(value))), 'src/a.ts:1: the value of DEPLOY_KEY (base64)'],
    ['base64 at another alignment', file('src/a.ts', lines(b64(`x${value}`))), '(base64)'],
    ['base64 wrapped over lines', file('src/a.ts', lines(b64(`xyz${value}abc`).slice(0, 10), b64(`xyz${value}abc`).slice(10))), '(across lines): the value of DEPLOY_KEY (base64)'],
    ['hex', file('src/a.ts', lines(hex(value))), '(hex)'],
    ['HEX', file('src/a.ts', lines(hex(value).toUpperCase())), '(hex)'],
    ['URL-encoded', file('src/a.ts', lines(`u=${encodeURIComponent(`${value}/&`)}`)), undefined],
    ['a file name', file(`src/${value}.txt`), '"src/***.txt" (file name): the value of DEPLOY_KEY'],
    ['a symlink target', file('src/l', { newMode: '120000', symlinkTarget: `../${value}` }), 'src/l (symlink target)'],
    ['a binary file\'s strings', file('src/b.bin', { binary: true, ...lines(`xx${value}yy`) }), 'src/b.bin:1'],
    ['nothing', file('src/a.ts', lines('const k = process.env.DEPLOY_KEY')), 'none']
  ])('%s', (_name, f, phrase) => {
    const d = secretValuesGate({ files: [f] }, plan().gates, secrets)
    if (phrase === 'none') return expect(d.allowed).toBe(true)
    expect(d.allowed).toBe(false)
    expect(d.optIn).toBe('gates.allow-secret-values: ["DEPLOY_KEY"]')
    if (phrase) expect(d.findings?.join('\n')).toContain(phrase)
    expect(JSON.stringify(d)).not.toContain(value)
  })

  it('allows a value gates.allow-secret-values names, and only that one', () => {
    const f = file('src/a.ts', lines(value, 'other-value-123'))
    const two = [...secrets, { name: 'OTHER', value: 'other-value-123' }]
    const d = secretValuesGate({ files: [f] }, plan({ 'allow-secret-values': ['DEPLOY_KEY'] }).gates, two)
    expect(d.allowed).toBe(false)
    expect(d.reason).toContain('OTHER')
    expect(d.reason).not.toContain('DEPLOY_KEY')
    expect(secretValuesGate({ files: [f] }, plan({ 'allow-secret-values': ['DEPLOY_KEY', 'OTHER'] }).gates, two).allowed).toBe(true)
  })

  it('finds nothing without secrets', () => {
    expect(findSecretValues({ files: [file('src/a.ts', lines(value))] }, [])).toEqual([])
  })
})

describe('namedSecrets', () => {
  it('takes pass-env values, agent credentials and secret-named env values', () => {
    const p = PlanSchema.parse({
      version: 1, issue: 1, title: 't',
      defaults: { 'pass-env': ['DEPLOY_KEY'], env: { API_TOKEN: 'literal-token-1', MODE: 'fast' } },
      tasks: [{ id: 'a', steps: [{ agent: 'claude', prompt: 'go', env: { DB_PASSWORD: 'pw-1234' } }] }]
    })
    const got = namedSecrets(p, { DEPLOY_KEY: value, ANTHROPIC_API_KEY: 'sk-ant-xyz', UNRELATED: 'no' })
    expect(got.map((s) => s.name).sort()).toEqual(['ANTHROPIC_API_KEY', 'API_TOKEN', 'DB_PASSWORD', 'DEPLOY_KEY'])
  })
})

describe('maskDecision', () => {
  it('masks reason, opt-in and findings (a file named after a secret)', () => {
    const mask = createMasker([value])
    const d = maskDecision({ gate: 'paths', allowed: false, reason: `x ${value}`, optIn: `paths: ["${value}.txt"]`, findings: [`${value}: outside`] }, mask)
    expect(JSON.stringify(d)).not.toContain(value)
    expect(d.optIn).toBe('paths: ["***.txt"]')
  })
  it('masks hex', () => {
    expect(createMasker([value])(`dump ${hex(value)} end`)).toBe('dump *** end')
  })
})
