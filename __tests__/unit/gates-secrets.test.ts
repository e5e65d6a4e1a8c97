// The secrets gate against secretlint's real recommended preset. Secret-looking values are built at runtime.
import { describe, expect, it } from 'vitest'
import { scanAddedLines, secretsGate } from '../../src/gates/secrets-gate.js'
import type { FileChange } from '../../src/gates/types.js'
import { file, plan, set } from './gates-fixtures.js'

// Fake values with the right shapes, assembled so no literal secret sits in the source.
const githubToken = 'ghp' + '_' + 'A1b2C3d4E5'.repeat(3) + 'F6g7H8'
const awsSecret = 'Zq8' + 'Xw7Vu6Ts5Rr4Qp3On2Ml1Kj0Ih9Gf8Ed7Cb6A'
const npmToken = 'npm' + '_' + 'x'.repeat(36)
const pemBody = 'MII' + 'EvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(5)
const lines = (...texts: string[]): FileChange['addedLines'] => texts.map((text, i) => ({ line: 10 + i, text }))

describe('secrets gate', () => {
  it.each<[string, string[], string | undefined]>([
    ['a GitHub token', [`const token = "${githubToken}"`], 'github'],
    ['an AWS secret access key', [`AWS_SECRET_ACCESS_KEY=${awsSecret}`], 'aws'],
    ['an npm token', [`//registry.npmjs.org/:_authToken=${npmToken}`], 'npm'],
    ['a connection string with a password', ['DATABASE_URL=postgres://admin:' + 'hunter22pass' + '@db.example.com:5432/app'], 'database-connection-string'],
    ['a private key spread over added lines', ['-----BEGIN RSA PRIVATE KEY-----', pemBody, '-----END RSA PRIVATE KEY-----'], 'privatekey'],
    // AWS's documented example values are ignored by secretlint on purpose, and key ids alone are not scanned by default.
    ['AWS documented example key id', ['AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'], undefined],
    ['AWS documented example secret', ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], undefined],
    ['ordinary code', ['export const answer = 42', 'const url = "https://example.com/api"'], undefined]
  ])('%s', async (_name, texts, rule) => {
    const d = await secretsGate(set(file('src/config.ts', { addedLines: lines(...texts) })), plan().gates)
    expect(d.gate).toBe('secrets')
    expect(d.allowed).toBe(rule === undefined)
    if (rule) {
      expect(d.optIn).toBe('gates.scan-secrets: false')
      expect(d.findings?.[0]).toMatch(new RegExp(`^src/config\\.ts:1\\d ${rule}: `))
      // The value never appears in the report.
      for (const t of texts) for (const secret of [githubToken, awsSecret, npmToken, pemBody, 'hunter22pass']) {
        if (t.includes(secret)) expect(JSON.stringify(d)).not.toContain(secret)
      }
    }
  })

  it('reports the line in the new file, not in the scanned text', async () => {
    const change = file('docs/a.md', {
      addedLines: [
        { line: 3, text: 'intro' },
        { line: 57, text: `token: ${githubToken}` }
      ]
    })
    const [finding] = await scanAddedLines(change)
    expect(finding).toMatchObject({ path: 'docs/a.md', line: 57, rule: 'github' })
    expect(finding.message).not.toContain(githubToken)
  })

  it('is allowed, saying so, when scanning is off', async () => {
    const d = await secretsGate(set(file('a.ts', { addedLines: lines(githubToken) })), plan({ 'scan-secrets': false }).gates)
    expect(d).toMatchObject({ allowed: true, reason: 'secret scanning is off (gates.scan-secrets: false)' })
  })

  it('counts the scanned files when clean', async () => {
    const d = await secretsGate(set(file('a.ts', { addedLines: lines('x') }), file('b.bin', { binary: true })), plan().gates)
    expect(d).toMatchObject({ allowed: true, reason: 'no secret in the added lines of 1 file(s)' })
  })
})
