// Logged-in agents under the per-task HOME (issue 14 point 4), with the real sandbox and a real CLI: the
// caller's HOME holds a planted login for each of codex, claude, gemini and copilot. A shell step sees
// none of them; copilot's step sees its own login read-only (cannot change it) and no other agent's (the
// probe is a shell command the scripted model has copilot run with its `bash` tool). And claude, logged
// in and given no key, does its task with its read-only login.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect } from 'vitest'
import { byTurn, cleanUpAfterEach, cliTest, editThenDone, plan, REAL_CLI_TIMEOUT, setUp } from '../support/model-server-agents.js'

cleanUpAfterEach()

const LOGINS = {
  codex: '.codex/auth.json',
  claude: '.claude/.credentials.json',
  gemini: '.gemini/oauth_creds.json',
  copilot: '.copilot/config.json'
}
const marker = (agent: string) => `planted-${agent}-login-${process.pid}`
/**
 * What is planted. copilot's is shaped like the one its device login leaves: with `firstLaunchAt`, else
 * copilot 1.0.102 rewrites the file at start and, finding it read-only, exits 1 without a word.
 */
const planted = (agent: string) =>
  agent === 'copilot'
    ? `// User settings belong in settings.json.\n// This file is managed automatically.\n${JSON.stringify({ firstLaunchAt: '2026-01-01T00:00:00.000Z', marker: marker(agent) }, null, 2)}\n`
    : JSON.stringify({ marker: marker(agent) }) + '\n'

/** For each login file, as `$HOME/<file>` and at its absolute place in the caller's HOME: can it be read? */
function shellProbe(callerHome: string): string {
  const places = Object.values(LOGINS).flatMap(f => [`"$HOME/${f}"`, `'${path.join(callerHome, f)}'`])
  return [
    `for f in ${places.join(' ')}; do if cat "$f" >/dev/null 2>&1; then echo "shell step read $f"; exit 1; fi; done`,
    'echo "no login file readable" > shell.md'
  ].join('\n')
}

/** copilot's own login: read it, try to change it; every other agent's: can it be seen? All into report.md. */
const copilotProbe = [
  'own="$HOME/.copilot/config.json"',
  `{ echo "own: $(grep -o 'planted-copilot-login-[0-9]*' "$own" 2>&1)"`,
  '  if echo changed >> "$own" 2>/dev/null; then echo "own write: allowed"; else echo "own write: refused"; fi',
  `  for f in ${[LOGINS.codex, LOGINS.claude, LOGINS.gemini].join(' ')}; do if [ -e "$HOME/$f" ]; then echo "other: $f visible"; else echo "other: $f absent"; fi; done`,
  '} > report.md'
].join('\n')

describe('logged-in agents under the per-task HOME (real sandbox)', () => {
  cliTest('copilot')(
    "a shell step reads no login file; copilot's step reads its own, read-only, and sees no other agent's",
    async () => {
      let k = 0
      const turns = [{ tool: 'bash', args: { command: copilotProbe, description: 'probe the login files' } }, { text: 'Done.' }]
      const { r } = await setUp(req => (req.tools.length ? turns[Math.min(k++, 1)] : { text: 'ok' }))
      const home = r.env.HOME
      for (const [agent, file] of Object.entries(LOGINS)) {
        mkdirSync(path.dirname(path.join(home, file)), { recursive: true })
        writeFileSync(path.join(home, file), planted(agent))
      }
      r.writePlan({
        issue: 85,
        tasks: [
          {
            id: 'logins',
            paths: ['shell.md', 'report.md'],
            steps: [
              { name: 'shell probe', run: shellProbe(home) },
              // copilot's own path check off: what the step sees is the sandbox's doing alone.
              { agent: 'copilot', prompt: 'Probe the login files.', args: ['--allow-all-paths'], 'timeout-minutes': 2 }
            ]
          }
        ]
      })
      const res = await r.run(['run', '85', '--jobs', '1'])
      // On failure, copilot's step log says why (it may say nothing else: see `planted`).
      const stepLog = r.manifest()?.tasks.logins.steps.at(-1)?.log
      expect(res.code, res.out + res.err + (stepLog ? readFileSync(path.join(r.repo, stepLog), 'utf8') : '')).toBe(0)
      expect(r.git(['show', 'autopilot/issue-85:shell.md'])).toBe('no login file readable\n')
      expect(r.git(['show', 'autopilot/issue-85:report.md']).split('\n')).toEqual([
        `own: ${marker('copilot')}`,
        'own write: refused',
        `other: ${LOGINS.codex} absent`,
        `other: ${LOGINS.claude} absent`,
        `other: ${LOGINS.gemini} absent`,
        ''
      ])
      // The caller's files are as planted.
      for (const [agent, file] of Object.entries(LOGINS)) expect(readFileSync(path.join(home, file), 'utf8')).toBe(planted(agent))
    },
    REAL_CLI_TIMEOUT
  )

  cliTest('claude')(
    'claude logged in (no key) works under the per-task HOME with its login read-only, and sends its own token',
    async () => {
      const { r, s } = await setUp(byTurn(editThenDone('claude', 'hello from a login')))
      delete r.env.ANTHROPIC_API_KEY
      const token = `sk-ant-oat01-planted-${process.pid}`
      const files = {
        '.claude/.credentials.json': JSON.stringify({ claudeAiOauth: { accessToken: token, refreshToken: 'sk-ant-ort01-planted', expiresAt: 4102444800000, scopes: ['user:inference'] } }),
        // claude's own state file, which it would rewrite at start: read-only here, and claude carries on.
        '.claude.json': JSON.stringify({ numStartups: 3, firstStartTime: '2026-01-01T00:00:00.000Z' })
      }
      for (const [f, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(r.env.HOME, f)), { recursive: true })
        writeFileSync(path.join(r.env.HOME, f), text)
      }
      r.writePlan(plan(86, 'claude'))
      const res = await r.run(['run', '86', '--jobs', '1'])
      expect(res.code, res.out + res.err).toBe(0)
      expect(r.git(['show', 'autopilot/issue-86:hello.md'])).toBe('hello from a login\n')
      const turns = s.requests.filter(q => q.api === 'anthropic-messages')
      expect(turns.length).toBeGreaterThan(0)
      for (const q of turns) expect(q.auth).toEqual({ authorization: `Bearer ${token}` })
      for (const [f, text] of Object.entries(files)) expect(readFileSync(path.join(r.env.HOME, f), 'utf8')).toBe(text)
    },
    REAL_CLI_TIMEOUT
  )
})
