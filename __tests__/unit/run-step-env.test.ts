// buildStepEnv / shellArgv: the minimal environment a step sees, pass-env, secrets and missing names.
import { describe, expect, it } from 'vitest'
import { PlanSchema, type PlanInput } from '../../src/plan/schema.js'
import { buildStepEnv, shellArgv } from '../../src/run/step-env.js'

const plan = (extra: Partial<PlanInput> = {}) =>
  PlanSchema.parse({ version: 1, issue: 5, title: 't', tasks: [{ id: 'a', steps: [{ run: 'true' }] }], ...extra })

const caller = {
  PATH: '/opt/bin:/usr/bin',
  HOME: '/home/me',
  LANG: 'de_DE.UTF-8',
  TZ: 'Europe/Berlin',
  TERM: 'xterm',
  GITHUB_TOKEN: 'ghs_fake_caller_token',
  AWS_SECRET_ACCESS_KEY: 'fake-aws-secret',
  SSH_AUTH_SOCK: '/tmp/agent.sock',
  NODE_OPTIONS: '--require evil.js',
  API_KEY: 'k-123456',
  EMPTY: ''
}

function env(p = plan(), stepExtra: Record<string, unknown> = {}, more: Partial<Parameters<typeof buildStepEnv>[0]> = {}) {
  const task = p.tasks[0]
  const step = { ...task.steps[0], ...stepExtra }
  return buildStepEnv({ caller, plan: p, task, step, tmpDir: '/work/tmp/a', ...more })
}

describe('buildStepEnv', () => {
  it('passes only the base variables, TMPDIR and CI: no token, key, socket or NODE_OPTIONS', () => {
    const r = env()
    expect(r.env).toEqual({
      PATH: '/opt/bin:/usr/bin',
      HOME: '/home/me',
      LANG: 'de_DE.UTF-8',
      TZ: 'Europe/Berlin',
      TERM: 'xterm',
      TMPDIR: '/work/tmp/a',
      CI: 'true',
      AUTOPILOT: '1',
      AUTOPILOT_ISSUE: '5',
      AUTOPILOT_TASK: 'a'
    })
    expect(r.secrets).toEqual([])
    expect(r.missing).toEqual([])
  })

  it('fills in LANG and PATH when the caller has none', () => {
    const r = buildStepEnv({ caller: {}, plan: plan(), task: plan().tasks[0], step: plan().tasks[0].steps[0], tmpDir: '/t' })
    expect(r.env).toEqual({
      LANG: 'C.UTF-8',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      TMPDIR: '/t',
      CI: 'true',
      AUTOPILOT: '1',
      AUTOPILOT_ISSUE: '5',
      AUTOPILOT_TASK: 'a'
    })
  })

  it('layers plan, task and step env, then autopilot’s own variables on top', () => {
    const p = plan({
      defaults: { env: { LEVEL: 'plan', A: 'plan', N: 3 } },
      tasks: [{ id: 'a', env: { LEVEL: 'task', B: 'task' }, steps: [{ run: 'true', env: { LEVEL: 'step', C: true } }] }]
    })
    const r = env(p, {}, { own: { AUTOPILOT_TASK: 'a', LEVEL: 'own' } })
    expect(r.env).toMatchObject({ A: 'plan', N: '3', B: 'task', C: 'true', LEVEL: 'own', AUTOPILOT_TASK: 'a' })
  })

  it('passes the named caller variables as secrets and lists the missing ones', () => {
    const p = plan({ defaults: { 'pass-env': ['API_KEY'] } })
    const r = env(p, { 'pass-env': ['GITHUB_TOKEN', 'NOT_SET', 'EMPTY'] }, { passExtra: ['AWS_SECRET_ACCESS_KEY'] })
    expect(r.env.API_KEY).toBe('k-123456')
    expect(r.env.GITHUB_TOKEN).toBe('ghs_fake_caller_token')
    expect(r.env.AWS_SECRET_ACCESS_KEY).toBe('fake-aws-secret')
    expect(r.env.EMPTY).toBe('')
    expect('NOT_SET' in r.env).toBe(false)
    expect(r.secrets.sort()).toEqual(['fake-aws-secret', 'ghs_fake_caller_token', 'k-123456'])
    expect(r.missing).toEqual(['NOT_SET'])
    expect('SSH_AUTH_SOCK' in r.env).toBe(false)
  })

  it('a pass-env value wins over a plan env value of the same name (the caller’s secret is what was asked for)', () => {
    const p = plan({ defaults: { env: { API_KEY: 'from-plan' }, 'pass-env': ['API_KEY'] } })
    expect(env(p).env.API_KEY).toBe('k-123456')
  })
})

describe('shellArgv', () => {
  it.each([
    ['bash', ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', 'echo hi']],
    ['sh', ['sh', '-e', '-c', 'echo hi']],
    ['python3 {0}', ['python3', 'echo hi']],
    ['pwsh -command', ['pwsh', '-command', 'echo hi']]
  ])('%s', (shell, argv) => {
    expect(shellArgv(shell, 'echo hi')).toEqual(argv)
  })
})
