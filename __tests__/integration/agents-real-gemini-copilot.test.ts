// The real gemini and copilot CLIs through `autopilot run` (see agents-real.test.ts; a file of their own so
// vitest runs them beside codex and claude: gemini and copilot start slowly).
import { cleanUpAfterEach, landsTheChange } from '../support/model-server-agents.js'

cleanUpAfterEach()
landsTheChange(['gemini', 'copilot'])
