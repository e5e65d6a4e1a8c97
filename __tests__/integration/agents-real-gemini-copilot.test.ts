// The real gemini and copilot CLIs through `autopilot run` (see agents-real.test.ts; a file of their own so
// vitest runs them beside codex and claude: gemini and copilot start slowly).
import { cleanUpAfterEach, landsTheChange, rateLimited } from '../support/model-server-agents.js'

cleanUpAfterEach()
landsTheChange(['gemini', 'copilot'])
// gemini: general.maxAttempts 3 (the driver's settings.json). copilot has no retry setting; it makes 6 requests.
rateLimited(['gemini', 'copilot'], { gemini: 3, copilot: 6 })
