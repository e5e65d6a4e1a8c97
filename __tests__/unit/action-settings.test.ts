// readSettings: the action's inputs as one checked object, read through a fake Runner (no @actions/core).
import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/action/settings.js'
import type { Runner } from '../../src/action/runner.js'
import { UsageError } from '../../src/errors.js'

/** The inputs as the runner gives them: every action.yml input present, defaults applied (github.token -> token). */
const DEFAULTS: Record<string, string> = {
  command: 'plan',
  plan: '',
  task: '',
  token: 'ghs_fakeTokenForUnitTests0000000000000',
  'pr-token': '',
  'max-parallel': '',
  'dry-run': 'false',
  'max-level-jobs': '8',
  sandbox: 'on',
  'onto-branch': 'false',
  force: 'false',
  'commit-author': '',
  rebase: ''
}

function fakeRunner(inputs: Record<string, string>): Runner & { secrets: string[] } {
  const values = { ...DEFAULTS, ...inputs }
  const secrets: string[] = []
  const unused = () => {
    throw new Error('readSettings must only read inputs and mask secrets')
  }
  return {
    secrets,
    input: (name) => {
      if (!(name in values)) throw new Error(`readSettings read an input action.yml does not declare: ${name}`)
      return values[name]
    },
    setSecret: (v) => void secrets.push(v),
    setOutput: unused,
    info: unused,
    notice: unused,
    warning: unused,
    error: unused,
    group: unused,
    summary: unused,
    env: {},
    context: { runId: '1', runAttempt: '1', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', workspace: '/w', tempDir: '/t' }
  }
}

const failure = (inputs: Record<string, string>): UsageError => {
  try {
    readSettings(fakeRunner(inputs))
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return e as UsageError
  }
  throw new Error(`expected ${JSON.stringify(inputs)} to be refused`)
}

describe('readSettings', () => {
  it('turns the defaults into settings, with pr-token falling back to token', () => {
    const runner = fakeRunner({})
    expect(readSettings(runner)).toEqual({
      command: 'plan',
      plan: '',
      tasks: [],
      token: DEFAULTS.token,
      prToken: DEFAULTS.token,
      maxParallel: undefined,
      dryRun: false,
      maxLevelJobs: 8,
      sandbox: 'on',
      ontoBranch: false,
      force: false,
      commitAuthor: ''
    })
    expect(runner.secrets).toContain(DEFAULTS.token)
  })

  it('reads every knob and masks both tokens', () => {
    const runner = fakeRunner({
      command: 'task',
      plan: '.ai/plans/5/Autopilot.yaml',
      task: ' build  test,lint\nship ',
      'pr-token': 'ghp_fakePrToken000000000000000000000000',
      'max-parallel': '3',
      'dry-run': 'TRUE',
      'max-level-jobs': '12',
      'onto-branch': 'true',
      'commit-author': ' Ann Bot <ann@example.com> '
    })
    expect(readSettings(runner)).toMatchObject({
      command: 'task',
      plan: '.ai/plans/5/Autopilot.yaml',
      tasks: ['build', 'test', 'lint', 'ship'],
      prToken: 'ghp_fakePrToken000000000000000000000000',
      maxParallel: 3,
      dryRun: true,
      maxLevelJobs: 12,
      ontoBranch: true,
      force: false,
      commitAuthor: 'Ann Bot <ann@example.com>'
    })
    expect(runner.secrets).toEqual(expect.arrayContaining([DEFAULTS.token, 'ghp_fakePrToken000000000000000000000000']))
  })

  it('masks nothing when there is no token', () => {
    const runner = fakeRunner({ token: '' })
    expect(readSettings(runner)).toMatchObject({ token: '', prToken: '' })
    expect(runner.secrets).toEqual([])
  })

  it.each(['finalize', 'run', 'plan'])('accepts command %s without a task', (command) => {
    expect(readSettings(fakeRunner({ command })).command).toBe(command)
  })

  it.each([
    ['', 'false'],
    ['false', 'false'],
    ['False', 'false'],
    ['true', 'true'],
    ['True', 'true']
  ])('dry-run %o is %s', (value, expected) => {
    expect(String(readSettings(fakeRunner({ 'dry-run': value })).dryRun)).toBe(expected)
  })

  it('an empty max-level-jobs is the default 8', () => {
    expect(readSettings(fakeRunner({ 'max-level-jobs': '' })).maxLevelJobs).toBe(8)
  })

  it('rebase is empty (resume), true (onto HEAD) or a revision', () => {
    expect(readSettings(fakeRunner({ rebase: '' })).rebase).toBeUndefined()
    expect(readSettings(fakeRunner({ rebase: 'true' })).rebase).toBe('HEAD')
    expect(readSettings(fakeRunner({ rebase: 'v1.2.0' })).rebase).toBe('v1.2.0')
    expect(() => readSettings(fakeRunner({ rebase: 'main --force' }))).toThrow('input "rebase" must be true, false, empty or a revision, got "main --force"')
  })

  it('sandbox is on or off, and nothing else', () => {
    expect(readSettings(fakeRunner({ sandbox: 'off' })).sandbox).toBe('off')
    expect(readSettings(fakeRunner({ sandbox: '' })).sandbox).toBe('on')
    expect(() => readSettings(fakeRunner({ sandbox: 'false' }))).toThrow('input "sandbox" is "false"; allowed values: on, off')
  })

  it.each([
    [{ command: 'bogus' }, 'input "command" is "bogus"; allowed values: plan, task, finalize, run, init, authorize'],
    [{ command: 'Plan' }, 'input "command" is "Plan"; allowed values: plan, task, finalize, run, init, authorize'],
    [{ command: '' }, 'input "command" is ""; allowed values: plan, task, finalize, run, init, authorize'],
    [{ command: 'task' }, 'input "task" is empty; `command: task` needs one task id or several separated by spaces'],
    [{ command: 'task', task: ' , ' }, 'input "task" is empty; `command: task` needs one task id or several separated by spaces'],
    [{ 'max-parallel': '0' }, 'input "max-parallel" is "0"; allowed values: a whole number >= 1, or empty'],
    [{ 'max-parallel': '-2' }, 'input "max-parallel" is "-2"; allowed values: a whole number >= 1, or empty'],
    [{ 'max-parallel': '1.5' }, 'input "max-parallel" is "1.5"; allowed values: a whole number >= 1, or empty'],
    [{ 'max-parallel': '0x10' }, 'input "max-parallel" is "0x10"; allowed values: a whole number >= 1, or empty'],
    [{ 'max-parallel': 'four' }, 'input "max-parallel" is "four"; allowed values: a whole number >= 1, or empty'],
    [{ 'max-level-jobs': '0' }, 'input "max-level-jobs" is "0"; allowed values: a whole number >= 1, or empty'],
    [{ 'dry-run': 'maybe' }, 'input "dry-run" is "maybe"; allowed values: true, false'],
    [{ 'dry-run': 'YES' }, 'input "dry-run" is "YES"; allowed values: true, false'],
    [{ force: 'yes' }, 'input "force" is "yes"; allowed values: true, false'],
    [
      { force: 'true', 'onto-branch': 'true' },
      'inputs "onto-branch" and "force" are both true; keep the commits on the branch, or replace them: set only one'
    ],
    [{ 'commit-author': 'ann@example.com' }, 'input "commit-author" is "ann@example.com"; allowed values: `Name <email>`, or empty']
  ])('refuses %o, naming the input, the value and what is allowed', (inputs, message) => {
    expect(failure(inputs).message).toBe(message)
  })
})
