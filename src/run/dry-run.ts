/** `autopilot run --dry-run`: what each task would run, as exact argument vectors. Runs nothing. */
import type { Plan } from '../plan/schema.js'
import { buildGraph, topoOrder } from '../graph/graph.js'
import { getDriver, resolveAgentCall } from '../agents/index.js'
import { shellArgv } from './step-env.js'

export function renderDryRun(plan: Plan): string {
  const graph = buildGraph(plan.tasks)
  const lines: string[] = [`dry run of issue #${plan.issue}: ${plan.title} (nothing is executed)`]
  for (const id of topoOrder(graph)) {
    const task = plan.tasks.find(t => t.id === id)!
    lines.push('', `task ${id}${task.name ? ` (${task.name})` : ''}${task.needs.length ? `, needs ${task.needs.join(', ')}` : ''}`)
    lines.push(`  may change: ${(task.paths ?? plan.gates['allow-paths']).join(', ') || '(nothing: no paths and no gates.allow-paths)'}`)
    for (const [i, step] of task.steps.entries()) {
      if (step.run) {
        lines.push(`  step ${i + 1}: run ${JSON.stringify(shellArgv(step.shell ?? plan.defaults.shell, step.run))}`)
        continue
      }
      const resolved = resolveAgentCall(plan, task, step)
      resolved.calls.forEach((call, k) => {
        const inv = getDriver(call.agent).build({
          prompt: '<assembled prompt>',
          promptFile: `<tmp>/prompt-${call.agent}.md`,
          cwd: '<worktree>',
          model: call.model,
          args: call.args,
          allowedTools: call.allowedTools,
          command: call.command
        })
        const label = k === 0 ? `step ${i + 1}: agent ${call.agent}` : `  fallback ${k}: agent ${call.agent}`
        lines.push(`  ${label} ${JSON.stringify(inv.argv)}${inv.stdin !== undefined ? ' (prompt on stdin)' : ''}`)
      })
    }
    for (const c of task.checks) lines.push(`  check: ${JSON.stringify(shellArgv(plan.defaults.shell, typeof c === 'string' ? c : c.run))}`)
  }
  return lines.join('\n') + '\n'
}
