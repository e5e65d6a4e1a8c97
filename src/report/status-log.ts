/** status-<issue>-<ts>.log: one line per state change, appended as it happens. */
import { appendFileSync } from 'node:fs'
import type { Reporter } from './reporter.js'
import { statusLine } from './text.js'
import { keptTracker } from './kept.js'

export function statusLogReporter(file: string, now: () => Date = () => new Date()): Reporter {
  const kept = keptTracker()
  // Synchronous on purpose: the line is on disk before the next state change, so a kill -9 loses nothing
  // that was reported.
  const line = (text: string) => appendFileSync(file, text + '\n')
  return {
    event(e) {
      if (e.type === 'run-started') kept.runStarted(e.manifest)
      else if (e.type === 'step-started' && kept.stepStarted(e.taskId)) line(statusLine(now(), e.taskId, 'running'))
      else if (e.type === 'task' && !(e.status === 'running' && kept.holdsRunning(e.id))) line(statusLine(now(), e.id, kept.shown(e.id, e.status), e.record.reason))
      else if (e.type === 'note') line(`${now().toISOString()} note ${e.message}`)
    }
  }
}
