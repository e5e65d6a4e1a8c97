// The benchmarks by name, in the order of the results, and how one runs (in its own process, see isolate.ts).
import { schedulingBench } from './scheduling.js'
import { overheadBench } from './overhead.js'
import { planScalingBench } from './plan-scaling.js'
import { gatesBench } from './gates.js'
import { coldStartBench } from './cold-start.js'
import { stateSizeBench } from './state-size.js'
import { longRunBench } from './long-run.js'
import { resumeBench } from './resume.js'
import { setupLayerBench } from './setup-layer.js'
import { fmt, type BenchOptions, type Section } from './util.js'

export const BENCHES: Record<string, (o: BenchOptions) => Promise<Section>> = {
  scheduling: schedulingBench,
  overhead: overheadBench,
  'long-run': longRunBench,
  resume: resumeBench,
  'plan-scaling': planScalingBench,
  gates: gatesBench,
  'cold-start': coldStartBench,
  'state-size': stateSizeBench,
  'setup-layer': setupLayerBench
}

/** Runs benchmark `name`; progress lines on stderr show seconds since `startedAt` (epoch ms). */
export function runSection(name: string, quick: boolean, startedAt: number): Promise<Section> {
  const log = (msg: string) => process.stderr.write(`[${fmt((Date.now() - startedAt) / 1000, 1)}s] ${msg}\n`)
  return BENCHES[name]({ quick, log })
}
