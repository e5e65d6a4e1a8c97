// Plain-text renderers: FAILED-<ts>.log, status-log lines and the final table.
import { describe, expect, it } from 'vitest'
import { finalTable, renderFailedLog, statusLine } from '../../src/report/text.js'
import { clip } from '../../src/report/clip.js'
import { manifest, plan } from '../fixtures/run/report-manifest.js'

describe('renderFailedLog', () => {
  it('names each unfinished task, its failed step, exit code, logs, denials and output tail, and how to resume', () => {
    expect(renderFailedLog({ plan, manifest: manifest(), planArg: '653', invocation: 'npx autopilot' })).toBe(
      [
        'autopilot run of issue #653 did not complete',
        'plan: .ai/plans/653/Autopilot.yaml',
        'base: 0123456789abcdef0123456789abcdef01234567',
        '',
        'task impl: failed',
        '  step: shellcheck',
        '  exit code: 1',
        '  step log: .ai/logs/autopilot/653-x/impl/02-shellcheck.log',
        '  reason:',
        '    step 2 "shellcheck" exited with 1 (expected 0)',
        '    In x line 3: | pipe',
        '    SC2086: Double quote',
        '  task log: .ai/logs/autopilot/653-x/impl/task.log',
        '',
        'task test: blocked',
        '  reason:',
        '    needs impl, which failed',
        '',
        'task secrets: denied',
        '  gate secrets denied: 1 secret found in added lines',
        '    to allow: gates.scan-secrets: false',
        '    config.txt:3: AWS access key ***',
        '  task log: .ai/logs/autopilot/653-x/secrets/task.log',
        '',
        'to resume: fix the cause, then run the same command again:',
        '  npx autopilot run 653',
        'finished tasks are kept; failed, blocked and cancelled ones run again. If the fix is a commit (the base moved),',
        'add --rebase: the run moves onto the new HEAD, keeping finished tasks whose changes still apply. Add --fresh to start over.',
        ''
      ].join('\n')
    )
  })

  it('names the breaker and an integration problem', () => {
    const text = renderFailedLog({
      plan,
      manifest: manifest({ breaker: 'max-runtime-minutes (5) reached' }),
      planArg: '',
      problem: 'conflict: the patch of task "docs" does not apply'
    })
    expect(text.split('\n').slice(3, 5)).toEqual([
      'stopped by circuit breaker: max-runtime-minutes (5) reached',
      'integration: conflict: the patch of task "docs" does not apply'
    ])
  })

  it('suggests the command the way autopilot was started, else through npx and the package name', () => {
    expect(renderFailedLog({ plan, manifest: manifest(), planArg: '653', invocation: 'autopilot' })).toContain('\n  autopilot run 653\n')
    expect(renderFailedLog({ plan, manifest: manifest(), planArg: '653' })).toContain('\n  npx autopilot-action run 653\n')
  })

  it('says "none" for the exit code of a step killed by a signal', () => {
    const m = manifest()
    m.tasks.impl.steps[1].exitCode = null
    expect(renderFailedLog({ plan, manifest: m, planArg: '' })).toContain('  step: shellcheck\n  exit code: none\n')
  })
})

describe('statusLine', () => {
  it('is the time, the task, the status and the first line of the reason', () => {
    const at = new Date('2024-05-01T10:00:00.000Z')
    expect(statusLine(at, 'impl', 'running')).toBe('2024-05-01T10:00:00.000Z impl running')
    expect(statusLine(at, 'impl', 'failed', 'step 2 failed\nlots of output')).toBe('2024-05-01T10:00:00.000Z impl failed step 2 failed')
  })
})

describe('finalTable', () => {
  it('aligns one row per task with status, tries, time, usage and the reason’s first line', () => {
    expect(finalTable(plan, manifest()).split('\n')).toEqual([
      'TASK      STATUS     TRIES  TIME       USAGE                         DETAILS',
      'analysis  succeeded  1      1 min 1 s  1 call, 1500 tokens, $0.0125',
      'docs      cached     1      5 ms',
      'impl      failed     2      3.5 s                                    step 2 "shellcheck" exited with 1 (expected 0)',
      'test      blocked    0                                               needs impl, which failed',
      'secrets   denied     1      700 ms                                   secrets: 1 secret found in added lines (to allow: gates.scan-secrets: false)'
    ])
  })
})

describe('clip', () => {
  it('never cuts inside a quoted step name: the cut moves past the closing quote', () => {
    const reason = 'step 2 "' + 'x'.repeat(30) + ' and the long rest of a step name" exited with 1 (expected 0)'
    expect(clip(reason, 20)).toBe('step 2 "' + 'x'.repeat(30) + ' and the long rest of a step name"…')
    expect(clip('plain words go on and on', 10)).toBe('plain wor…')
    expect(clip('short', 10)).toBe('short')
  })
})
