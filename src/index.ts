// The action's entry: only runs it. Everything else lives in ./action.ts.
import { run } from './action.js'

void run()
