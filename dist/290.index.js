export const id = 290;
export const ids = [290];
export const modules = {

/***/ 78217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ createAgentCalls)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/agents/index.ts + 8 modules
var agents = __webpack_require__(87084);
;// CONCATENATED MODULE: ./src/agents/prompt.ts
/** Default bound on the assembled prompt, in UTF-8 bytes. */
const DEFAULT_PROMPT_MAX_BYTES = 64 * 1024;
const enc = new TextEncoder();
const bytes = (s) => enc.encode(s).length;
/** The first `max` bytes of `s`, not splitting a character. */
function headBytes(s, max) {
    if (bytes(s) <= max)
        return s;
    const b = enc.encode(s).subarray(0, Math.max(0, max));
    return new TextDecoder().decode(b).replace(/\uFFFD$/, '');
}
/** The last `max` bytes of `s`, not splitting a character. */
function tailBytes(s, max) {
    const all = enc.encode(s);
    if (all.length <= max)
        return s;
    return new TextDecoder().decode(all.subarray(all.length - Math.max(0, max))).replace(/^\uFFFD/, '');
}
function cutHead(s, max) {
    if (bytes(s) <= max)
        return s;
    const note = `\n[... ${bytes(s) - max} more bytes cut by autopilot ...]`;
    return headBytes(s, Math.max(0, max - bytes(note))) + note;
}
function cutTail(s, max) {
    if (bytes(s) <= max)
        return s;
    const note = `[... ${bytes(s) - max} earlier bytes cut by autopilot ...]\n`;
    return note + tailBytes(s, Math.max(0, max - bytes(note)));
}
function list(items) {
    return items.map((i) => `  - \`${i}\``).join('\n');
}
/** The rules section: what the gates will check, stated up front. Never truncated. */
function rules(plan, task, step) {
    const allowed = [...new Set([...(task.paths ?? []), ...plan.gates['allow-paths']])];
    const lines = [
        '## Rules (autopilot enforces these on your changes)',
        '- Work only inside the current directory, a git worktree made for this task.',
        '- Do not commit, push, create branches or tags, or rewrite history: autopilot commits your changes.',
        allowed.length
            ? `- Change only files matching these globs; any other change fails the task:\n${list(allowed)}`
            : '- No paths are allowed for this task: any file change fails it.'
    ];
    if (plan.gates['deny-paths'].length)
        lines.push(`- Never change files matching:\n${list(plan.gates['deny-paths'])}`);
    lines.push('- Do not edit workflows (`.github/`), plans (`.ai/plans/`), `.env` files, keys, dependency manifests or lock files unless the task says so.', plan.gates['allow-deletes'] ? '- You may delete files.' : '- Do not delete files.', `- Keep the change small: at most ${plan.gates['max-changed-files']} files and ${plan.gates['max-changed-lines']} changed lines.`, '- Never write secrets, tokens or credentials into files or output.');
    const expect = step.expect;
    if (expect?.changes === true)
        lines.push('- This step must change files: finishing without a change is a failure.');
    if (expect?.changes === false)
        lines.push('- This step must not change any file.');
    const checks = task.checks.map((c) => (typeof c === 'string' ? c : c.run));
    if (checks.length)
        lines.push(`- After you finish, these commands must pass without changing files:\n${list(checks)}`);
    return lines.join('\n');
}
/**
 * Assemble the prompt for an agent step. Sections, in order: header, intent,
 * instructions, rules, previous failure. When over `maxBytes`, the failure
 * tail is cut first (keeping its end), then the instructions (keeping their
 * start); if the fixed sections alone exceed the bound, they are returned whole.
 */
function assemblePrompt(input) {
    const { plan, task, step } = input;
    const max = input.maxBytes ?? DEFAULT_PROMPT_MAX_BYTES;
    const title = task.name ? `${task.name} (task \`${task.id}\`)` : `task \`${task.id}\``;
    const header = `# ${title}\n\nPart of "${plan.title}" (issue #${plan.issue}), run unattended by autopilot.`;
    const intent = plan.intent.trim() ? `## Intent of the whole plan\n\n${plan.intent.trim()}` : '';
    const rulesText = rules(plan, task, step);
    const instrHead = '## Your instructions\n\n';
    const failHead = '## The previous attempt failed\n\nEnd of its output:\n\n```text\n';
    const failFoot = '\n```\n\nFind the cause and fix it; do not repeat the same approach blindly.';
    const join = (instr, fail) => [header, intent, instrHead + instr.trim(), rulesText, fail === undefined ? '' : failHead + fail + failFoot]
        .filter((s) => s !== '')
        .join('\n\n') + '\n';
    const stepPrompt = input.stepPrompt;
    const tail = input.failureTail?.trim() ? input.failureTail.trimEnd() : undefined;
    const full = join(stepPrompt, tail);
    if (bytes(full) <= max)
        return full;
    // Room for the variable parts once the fixed ones are in.
    const fixed = bytes(join('', tail === undefined ? undefined : ''));
    let room = Math.max(0, max - fixed);
    const instr = stepPrompt.trim();
    // The failure tail gets at most a quarter of the room, or what the instructions leave.
    let tailText;
    if (tail !== undefined) {
        const tailRoom = Math.max(Math.floor(room / 4), room - bytes(instr));
        tailText = cutTail(tail, Math.min(tailRoom, bytes(tail)));
        room -= bytes(tailText);
    }
    return join(cutHead(instr, room), tailText);
}

;// CONCATENATED MODULE: ./src/agents/budget.ts
const ZERO_USAGE = Object.freeze({ calls: 0, inputTokens: 0, outputTokens: 0 });
/** The UTC day of `now`, as YYYY-MM-DD. */
function utcDay(now) {
    return now.toISOString().slice(0, 10);
}
/** An empty ledger for the day of `now`. */
function emptyLedger(now) {
    return { day: utcDay(now), perAgent: {} };
}
/** The ledger as of `now`: the same one on the same UTC day, an empty one after midnight. */
function rollLedger(ledger, now) {
    return ledger && ledger.day === utcDay(now) ? ledger : emptyLedger(now);
}
/** a + b; cost is kept when either side reports one. */
function addUsage(a, b) {
    const sum = {
        calls: a.calls + b.calls,
        inputTokens: a.inputTokens + b.inputTokens,
        outputTokens: a.outputTokens + b.outputTokens
    };
    if (a.costUsd !== undefined || b.costUsd !== undefined) {
        // Round to micro-dollars so repeated sums stay stable in JSON.
        sum.costUsd = Math.round(((a.costUsd ?? 0) + (b.costUsd ?? 0)) * 1e6) / 1e6;
    }
    return sum;
}
/** Tokens counted against `max-tokens`: input plus output. */
function totalTokens(u) {
    return u.inputTokens + u.outputTokens;
}
function total(runUsage) {
    return Object.values(runUsage).reduce(addUsage, ZERO_USAGE);
}
function firstReached(limits) {
    for (const l of limits) {
        if (l.limit !== undefined && l.used >= l.limit) {
            const used = l.unit === 'USD' ? `$${l.used.toFixed(4)}` : `${l.used} ${l.unit}`;
            return `budget: ${l.setting} (${l.limit}) reached: ${used} spent`;
        }
    }
    return undefined;
}
/**
 * May `agent` be called now? Checks, in order: the agent's per-run budgets,
 * its per-day budgets (from the ledger rolled to `now`), then the run-wide
 * `limits`. The breaker message names the plan setting that tripped.
 */
function checkBudget(input) {
    const { plan, agent } = input;
    const s = plan.agents[agent] ?? {};
    const mine = input.runUsage[agent] ?? ZERO_USAGE;
    const today = rollLedger(input.ledger, input.now).perAgent[agent] ?? ZERO_USAGE;
    const run = total(input.runUsage);
    const a = `agents.${agent}`;
    const breaker = firstReached([
        { setting: `${a}.max-calls`, limit: s['max-calls'], used: mine.calls, unit: 'calls' },
        { setting: `${a}.max-tokens`, limit: s['max-tokens'], used: totalTokens(mine), unit: 'tokens' },
        { setting: `${a}.max-cost-usd`, limit: s['max-cost-usd'], used: mine.costUsd ?? 0, unit: 'USD' },
        { setting: `${a}.max-calls-per-day`, limit: s['max-calls-per-day'], used: today.calls, unit: 'calls today' },
        { setting: `${a}.max-tokens-per-day`, limit: s['max-tokens-per-day'], used: totalTokens(today), unit: 'tokens today' },
        { setting: `${a}.max-cost-usd-per-day`, limit: s['max-cost-usd-per-day'], used: today.costUsd ?? 0, unit: 'USD' },
        { setting: 'limits.max-agent-calls', limit: plan.limits['max-agent-calls'], used: run.calls, unit: 'calls' },
        { setting: 'limits.max-tokens', limit: plan.limits['max-tokens'], used: totalTokens(run), unit: 'tokens' },
        { setting: 'limits.max-cost-usd', limit: plan.limits['max-cost-usd'], used: run.costUsd ?? 0, unit: 'USD' }
    ]);
    return breaker ? { ok: false, breaker } : { ok: true };
}
/**
 * Record a finished call: new run usage and a new ledger (rolled to `now`),
 * the inputs untouched. Charge every call, failed ones too: they cost.
 */
function charge(input) {
    const { agent, usage } = input;
    const ledger = rollLedger(input.ledger, input.now);
    return {
        runUsage: { ...input.runUsage, [agent]: addUsage(input.runUsage[agent] ?? ZERO_USAGE, usage) },
        ledger: { day: ledger.day, perAgent: { ...ledger.perAgent, [agent]: addUsage(ledger.perAgent[agent] ?? ZERO_USAGE, usage) } }
    };
}

;// CONCATENATED MODULE: ./src/run/agent-calls.ts
/**
 * Agent steps, wired: the escalation chain, credentials (passed to that step
 * only), the CLI's presence on PATH, budgets and the per-day ledger, and the
 * assembled prompt written next to the step's log.
 */







function createAgentCalls(input) {
    const { plan, callerEnv, store } = input;
    const now = input.now ?? (() => new Date());
    let runUsage = {};
    let ledger = input.ledger;
    // Ledger writes are serialised so parallel tasks never lose a charge.
    let saving = Promise.resolve();
    return {
        runUsage: () => runUsage,
        chain: (task, step) => (0,agents/* resolveAgentCall */.UR)(plan, task, step).agents,
        async prepare({ agent, task, step, worktree, tmpDir, failureTail }) {
            const name = agent;
            const driver = (0,agents/* getDriver */.vZ)(name);
            const resolved = (0,agents/* resolveAgentCall */.UR)(plan, task, step);
            const call = resolved.calls[resolved.agents.indexOf(name)];
            const budget = checkBudget({ plan, agent: name, runUsage, ledger, now: now() });
            if (!budget.ok)
                throw new errors/* BreakerTripped */.Xl(budget.breaker);
            const missing = (0,agents/* missingCredentials */.nm)(driver, callerEnv);
            if (missing)
                throw new errors/* AutopilotError */.Wz(missing, 1);
            const program = name === 'command' ? call.command?.[0] : driver.build({ prompt: '', promptFile: '', cwd: worktree, args: [] }).argv[0];
            if (program && !onPath(program, callerEnv.PATH ?? '', worktree)) {
                throw new errors/* AutopilotError */.Wz(`agent ${name}: \`${program}\` is not installed or not on PATH. Install it with: ${driver.install}`, 1);
            }
            const stepPrompt = step.prompt ?? (await (0,promises_.readFile)((0,external_node_path_.join)(worktree, step['prompt-file']), 'utf8'));
            const prompt = assemblePrompt({ plan, task, step, stepPrompt, failureTail });
            const promptFile = (0,external_node_path_.join)(tmpDir, `prompt-${name}.md`);
            await (0,promises_.writeFile)(promptFile, prompt);
            const cwd = step['working-directory'] ? (0,external_node_path_.join)(worktree, step['working-directory']) : worktree;
            const inv = driver.build({
                prompt,
                promptFile,
                cwd,
                model: call.model,
                args: call.args,
                allowedTools: call.allowedTools,
                command: call.command
            });
            const passed = Object.keys((0,agents/* agentEnv */.b$)(driver, call, callerEnv));
            return {
                argv: inv.argv,
                stdin: inv.stdin,
                env: inv.env,
                passEnv: passed,
                explain: r => {
                    const cls = driver.classify(r);
                    return cls === 'ok' || cls === 'non-zero-exit' ? undefined : (0,agents/* explainFailure */.SP)(driver, cls);
                },
                parseUsage: out => {
                    const u = driver.parseUsage(out);
                    // A call counts even when the CLI reports nothing.
                    return { calls: 1, inputTokens: u?.inputTokens ?? 0, outputTokens: u?.outputTokens ?? 0, ...(u?.costUsd !== undefined ? { costUsd: u.costUsd } : {}) };
                }
            };
        },
        async charge(agent, usage) {
            const next = charge({ runUsage, ledger, agent: agent, usage: usage ?? { calls: 1, inputTokens: 0, outputTokens: 0 }, now: now() });
            runUsage = next.runUsage;
            ledger = next.ledger;
            const snapshot = next.ledger;
            saving = saving.then(() => store.saveLedger(snapshot)).catch(() => { });
            await saving;
        }
    };
}
function onPath(program, path, cwd) {
    const candidates = program.includes('/') ? [(0,external_node_path_.join)(cwd, program), program] : path.split(external_node_path_.delimiter).map(d => (0,external_node_path_.join)(d, program));
    return candidates.some(c => {
        try {
            (0,external_node_fs_.accessSync)(c, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    });
}


/***/ }),

/***/ 24182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ executeTask)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/state/manifest.ts
var manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __webpack_require__(87469);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/git/changes.ts + 1 modules
var git_changes = __webpack_require__(74321);
// EXTERNAL MODULE: ./src/gates/index.ts + 5 modules
var src_gates = __webpack_require__(58950);
// EXTERNAL MODULE: ./src/run/step-env.ts
var step_env = __webpack_require__(79889);
;// CONCATENATED MODULE: ./src/run/expectation.ts
/** Agent steps are expected to change files unless the plan says otherwise (silent-success gate). */
function expectsChanges(step) {
    if (step.expect?.changes !== undefined)
        return step.expect.changes;
    return step.agent !== undefined ? true : undefined;
}
/** Undefined when the step met its expectation, else why it did not. */
function unmetExpectation(step, o, timeoutMinutes) {
    if (o.timedOut)
        return `timed out after ${timeoutMinutes} min (timeout-minutes); the whole process group was killed`;
    const wantExit = step.expect?.['exit-code'] ?? 0;
    if (o.exitCode !== wantExit) {
        return o.exitCode === null ? 'was killed by a signal' : `exited with ${o.exitCode} (expected ${wantExit})`;
    }
    const pattern = step.expect?.output;
    if (pattern !== undefined && !new RegExp(pattern, 'm').test(o.output)) {
        return `output does not match expect.output /${pattern}/`;
    }
    const changes = expectsChanges(step);
    if (changes === true && !o.changed) {
        return 'exited 0 but changed no files (silent success); set `expect: { changes: false }` on the step if that is fine';
    }
    if (changes === false && o.changed)
        return 'changed files although `expect.changes` is false';
    return undefined;
}
/** Last `lines` lines of a text, for failure reports and retry prompts. */
function tail(text, lines = 40) {
    const all = text.replace(/\n$/, '').split('\n');
    return all.slice(-lines).join('\n');
}

;// CONCATENATED MODULE: ./src/run/step-runner.ts
/**
 * Runs one step in a task's worktree: attempts with backoff, expectation
 * checks, escalation through fallback agents, rollback on final failure, and a
 * log file per step.
 */




function stepName(step) {
    return step.name ?? (step.run ? step.run.split('\n')[0].slice(0, 60) : `${step.agent} agent`);
}
async function runStep(ctx) {
    const { step, plan, task } = ctx;
    const name = stepName(step);
    const log = (0,external_node_path_.join)(ctx.logDir, `${String(ctx.index + 1).padStart(2, '0')}-${slug(name)}.log`);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(log), { recursive: true });
    const timeoutMinutes = step['timeout-minutes'] ?? plan.defaults['timeout-minutes'];
    const started = Date.now();
    const chain = step.agent ? ctx.agents.chain(task, step) : [undefined];
    let attempts = 0;
    let last = { output: '', exitCode: null, message: '', timedOut: false };
    let usage;
    let agentUsed;
    const tried = [];
    // Every attempt starts from this tree. A failed attempt's files stay until another attempt
    // follows (the last one's are the failed task's evidence, and what its rollback sees).
    const start = ctx.tree ?? (await ctx.git.stageAll());
    let current = start;
    for (const agent of chain) {
        agentUsed = agent;
        if (agent)
            tried.push(agent);
        for (let n = 0; n <= step.retries; n++) {
            if (ctx.signal.aborted)
                break;
            if (attempts > 0)
                await sleep(ctx.backoffMs * 2 ** Math.min(n, 6), ctx.signal);
            if (current !== start) {
                await ctx.git.bytes(['read-tree', '-u', '--reset', start]);
                current = start;
            }
            attempts++;
            const call = agent
                ? await ctx.agents.prepare({
                    agent,
                    task,
                    step,
                    worktree: ctx.worktree,
                    tmpDir: ctx.tmpDir,
                    failureTail: attempts > 1 ? tail(last.output, 60) : undefined
                })
                : { argv: (0,step_env/* shellArgv */.$K)(step.shell ?? plan.defaults.shell, step.run) };
            const { env } = (0,step_env/* buildStepEnv */.aq)({
                caller: ctx.callerEnv,
                plan,
                task,
                step,
                tmpDir: ctx.tmpDir,
                passExtra: call.passEnv,
                own: call.env
            });
            const before = start;
            await (0,promises_.appendFile)(log, `=== attempt ${attempts}${agent ? ` (agent ${agent})` : ''}: ${call.argv.map(a => (a.length > 200 ? a.slice(0, 200) + '…' : a)).join(' ')}\n`);
            const cwd = step['working-directory'] ? (0,external_node_path_.join)(ctx.worktree, step['working-directory']) : ctx.worktree;
            const r = await ctx.executor.runStep({
                argv: call.argv,
                cwd,
                env,
                stdin: call.stdin,
                timeoutMs: timeoutMinutes * 60_000,
                network: step.network ?? plan.defaults.network,
                sandbox: { readOnly: ctx.readOnly },
                mask: ctx.mask,
                signal: ctx.signal,
                onLine: ctx.onLine
            });
            const after = await ctx.git.stageAll();
            current = after;
            const callUsage = call.parseUsage?.(r.output);
            if (agent)
                await ctx.agents.charge(agent, callUsage);
            usage = addUsage(usage, callUsage);
            const failed = r.aborted
                ? 'cancelled'
                : unmetExpectation(step, { exitCode: r.exitCode, timedOut: r.timedOut, output: r.output, changed: before !== after }, timeoutMinutes);
            const why = failed && !r.aborted ? call.explain?.(r) : undefined;
            const unmet = why ? `${failed} (${why})` : failed;
            await (0,promises_.appendFile)(log, `${r.output}\n=== exit ${r.exitCode ?? r.signal} in ${r.durationMs} ms${r.sandboxed ? '' : ' (not sandboxed)'}${unmet ? `: ${unmet}` : ''}\n`);
            last = { output: r.output, exitCode: r.exitCode, message: unmet ?? '', timedOut: r.timedOut };
            if (!unmet) {
                return {
                    record: record(ctx, name, 'succeeded', attempts, started, last.exitCode, log, undefined, agentUsed, tried),
                    output: r.output,
                    usage,
                    fatal: false,
                    tree: after
                };
            }
            if (r.aborted)
                break;
        }
        if (ctx.signal.aborted)
            break;
    }
    if (step.rollback && !ctx.signal.aborted) {
        const rb = await ctx.executor.runStep({
            argv: (0,step_env/* shellArgv */.$K)(plan.defaults.shell, step.rollback),
            cwd: ctx.worktree,
            env: (0,step_env/* buildStepEnv */.aq)({ caller: ctx.callerEnv, plan, task, step, tmpDir: ctx.tmpDir }).env,
            timeoutMs: timeoutMinutes * 60_000,
            network: step.network ?? plan.defaults.network,
            sandbox: { readOnly: ctx.readOnly },
            mask: ctx.mask,
            signal: ctx.signal
        });
        await (0,promises_.appendFile)(log, `=== rollback: ${step.rollback}\n${rb.output}\n=== rollback exit ${rb.exitCode}\n`);
    }
    const status = last.timedOut ? 'timed-out' : 'failed';
    return {
        record: record(ctx, name, status, attempts, started, last.exitCode, log, last.message, agentUsed, tried),
        output: last.output,
        usage,
        fatal: !step['continue-on-error'],
        // A rollback may have changed files again.
        tree: step.rollback ? await ctx.git.stageAll() : current
    };
}
function record(ctx, name, status, attempts, started, exitCode, log, message, agent, agents) {
    return {
        index: ctx.index,
        name,
        kind: ctx.step.agent ? 'agent' : 'run',
        agent,
        exitCode,
        status,
        attempts,
        durationMs: Date.now() - started,
        log,
        message,
        ...(agents.length ? { agents } : {})
    };
}
function addUsage(a, b) {
    if (!b)
        return a;
    if (!a)
        return { ...b };
    const cost = a.costUsd === undefined && b.costUsd === undefined ? undefined : (a.costUsd ?? 0) + (b.costUsd ?? 0);
    return {
        calls: a.calls + b.calls,
        inputTokens: a.inputTokens + b.inputTokens,
        outputTokens: a.outputTokens + b.outputTokens,
        ...(cost === undefined ? {} : { costUsd: cost })
    };
}
function slug(s) {
    return (s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'step');
}
function sleep(ms, signal) {
    return new Promise(resolve => {
        const t = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
            clearTimeout(t);
            resolve();
        });
    });
}

;// CONCATENATED MODULE: ./src/run/task-runner.ts
/**
 * Runs one task in isolation: a fresh worktree of the base commit with its
 * dependencies' patches applied in DAG order, its steps and checks, the gates
 * on its real diff, and its patch kept as the result (evidence when it fails).
 */








/** Runs the task up to `max-attempts` times; always resolves with a final result. */
async function runTask(input) {
    const { task } = input;
    const started = new Date();
    await (0,promises_.mkdir)(input.logDir, { recursive: true });
    const taskLog = (0,external_node_path_.join)(input.logDir, 'task.log');
    let result;
    for (let attempt = 1; attempt <= task['max-attempts']; attempt++) {
        await (0,promises_.appendFile)(taskLog, `=== task ${task.id}, attempt ${attempt} of ${task['max-attempts']}\n`);
        result = await attemptTask(input, attempt, taskLog);
        if (result.record.status !== 'failed' || input.signal.aborted)
            break;
    }
    const r = result;
    r.record.startedAt = started.toISOString();
    r.record.finishedAt = new Date().toISOString();
    r.record.durationMs = Date.now() - started.getTime();
    r.record.log = taskLog;
    await (0,promises_.appendFile)(taskLog, `=== ${task.id}: ${r.record.status}${r.record.reason ? `: ${r.record.reason}` : ''}\n`);
    return r;
}
async function attemptTask(input, attempt, taskLog) {
    const { plan, task, workspace } = input;
    const name = task.id;
    const timeout = new AbortController();
    const signal = AbortSignal.any([input.signal, timeout.signal]);
    const timer = task['timeout-minutes'] ? setTimeout(() => timeout.abort(), task['timeout-minutes'] * 60_000) : undefined;
    const steps = [];
    let gates = [];
    let usage;
    let status = 'succeeded';
    let reason;
    let failedStep;
    let git;
    let start = input.baseCommit;
    let patch = Buffer.alloc(0);
    try {
        git = await workspace.addWorktree(name, input.baseCommit);
        start = await applyDependencies(git, input, name);
        const tmpDir = await workspace.freshTmp(name);
        let tree;
        for (const [index, step] of task.steps.entries()) {
            const out = await runStep({
                tree,
                plan,
                task,
                step,
                index,
                worktree: workspace.worktreePath(name),
                tmpDir,
                logDir: input.logDir,
                git,
                executor: input.executor,
                callerEnv: input.callerEnv,
                mask: input.mask,
                agents: input.agents,
                signal,
                backoffMs: input.backoffMs,
                readOnly: workspace.readOnly,
                onLine: line => input.reporter.event({ type: 'output', taskId: task.id, line })
            });
            steps.push(out.record);
            tree = out.tree;
            usage = addUsage(usage, out.usage);
            input.reporter.event({ type: 'step', taskId: task.id, step: out.record });
            await (0,promises_.appendFile)(taskLog, `step ${index + 1} ${out.record.name}: ${out.record.status}${out.record.message ? ` (${out.record.message})` : ''}\n`);
            if (out.record.status !== 'succeeded' && out.fatal) {
                status = 'failed';
                failedStep = out.record.name;
                reason = `step ${index + 1} "${out.record.name}" ${out.record.message ?? 'failed'}\n${tail(out.output, 20)}`;
                break;
            }
        }
        if (status === 'succeeded') {
            const check = await runChecks(input, git, tmpDir, signal, taskLog);
            steps.push(...check.records);
            if (check.failure) {
                status = 'failed';
                failedStep = check.failure.step;
                reason = check.failure.reason;
            }
        }
        // Every step and check ends with the index staged, so it holds the task's change already.
        patch = await git.stagedPatch(start);
        if (status === 'succeeded') {
            const changes = await (0,git_changes/* collectChanges */.K9)(git.runner(), start);
            const decisions = await (0,src_gates/* evaluateTaskGates */.li)({ task, plan, changes });
            gates = decisions.map(d => ({ gate: d.gate, allowed: d.allowed, reason: d.reason, optIn: d.optIn, findings: d.findings }));
            for (const d of decisions) {
                await (0,promises_.appendFile)(taskLog, `gate ${d.gate}: ${d.allowed ? 'allowed' : 'DENIED'}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}\n`);
                for (const f of d.findings ?? [])
                    await (0,promises_.appendFile)(taskLog, `  ${input.mask(f)}\n`);
            }
            const denied = decisions.filter(d => !d.allowed);
            if (denied.length) {
                status = 'denied';
                reason = denied.map(d => `${d.gate}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}`).join('; ');
                await runRollbacks(input, tmpDir, taskLog);
            }
        }
        if (signal.aborted && status !== 'succeeded') {
            status = input.signal.aborted ? 'cancelled' : 'failed';
            if (!input.signal.aborted)
                reason = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`;
        }
        else if (timeout.signal.aborted) {
            status = 'failed';
            reason = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`;
        }
    }
    catch (e) {
        if (e.name === 'BreakerTripped')
            throw e;
        status = 'failed';
        reason = input.mask(e.message);
        await (0,promises_.appendFile)(taskLog, `error: ${reason}\n`);
    }
    finally {
        if (timer)
            clearTimeout(timer);
        await workspace.removeWorktree(name).catch(() => { });
    }
    const record = {
        id: task.id,
        status,
        attempts: attempt,
        key: input.key,
        patchDigest: (0,keys/* sha256 */.sc)(patch),
        changedFiles: countFiles(patch),
        steps,
        gates,
        usage,
        reason,
        failedStep
    };
    return { record, patch };
}
/** Applies and commits the ancestors' patches; returns the commit the task starts from. */
async function applyDependencies(git, input, name) {
    const withPatch = input.dependencies.filter(d => d.patch.length > 0);
    if (withPatch.length === 0)
        return input.baseCommit;
    // One `git apply` for all of them (one patch stream, applied in order): a process per ancestor
    // made deep tasks start late (bench/: 60-task DAG, ~11 applies per task).
    const file = (0,external_node_path_.join)(await input.workspace.freshTmp(`${name}-deps`), 'dependencies.patch');
    await (0,promises_.writeFile)(file, Buffer.concat(withPatch.map(d => d.patch)));
    await git.apply(file);
    return await git.commit(`autopilot: dependencies of ${input.task.id}`, '1970-01-01T00:00:00Z');
}
async function runChecks(input, git, tmpDir, signal, taskLog) {
    const records = [];
    for (const [i, c] of input.task.checks.entries()) {
        const run = typeof c === 'string' ? c : c.run;
        const name = typeof c === 'string' ? c.split('\n')[0].slice(0, 60) : (c.name ?? run.slice(0, 60));
        const before = await git.stageAll();
        const r = await input.executor.runStep({
            argv: (0,step_env/* shellArgv */.$K)(input.plan.defaults.shell, run),
            cwd: input.workspace.worktreePath(input.task.id),
            env: (0,step_env/* buildStepEnv */.aq)({ caller: input.callerEnv, plan: input.plan, task: input.task, step: { retries: 0, 'continue-on-error': false }, tmpDir }).env,
            timeoutMs: input.plan.defaults['timeout-minutes'] * 60_000,
            network: input.plan.defaults.network,
            sandbox: { readOnly: input.workspace.readOnly },
            mask: input.mask,
            signal
        });
        const after = await git.stageAll();
        const log = (0,external_node_path_.join)(input.logDir, `check-${i + 1}.log`);
        await (0,promises_.writeFile)(log, `$ ${run}\n${r.output}\n=== exit ${r.exitCode}\n`);
        const problem = r.exitCode !== 0
            ? `exited with ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}`
            : before !== after
                ? 'changed files; checks must not change anything'
                : undefined;
        records.push({
            index: input.task.steps.length + i,
            name: `check: ${name}`,
            kind: 'check',
            exitCode: r.exitCode,
            status: problem ? 'failed' : 'succeeded',
            attempts: 1,
            durationMs: r.durationMs,
            log,
            message: problem
        });
        await (0,promises_.appendFile)(taskLog, `check ${i + 1} ${name}: ${problem ?? 'passed'}\n`);
        if (problem)
            return { records, failure: { step: `check: ${name}`, reason: `check "${name}" ${problem}\n${tail(r.output, 20)}` } };
    }
    return { records, failure: undefined };
}
/** A denied task's rollbacks run too, so it leaves the worktree as it found it. */
async function runRollbacks(input, tmpDir, taskLog) {
    for (const step of input.task.steps) {
        if (!step.rollback)
            continue;
        const r = await input.executor.runStep({
            argv: (0,step_env/* shellArgv */.$K)(input.plan.defaults.shell, step.rollback),
            cwd: input.workspace.worktreePath(input.task.id),
            env: (0,step_env/* buildStepEnv */.aq)({ caller: input.callerEnv, plan: input.plan, task: input.task, step, tmpDir }).env,
            timeoutMs: input.plan.defaults['timeout-minutes'] * 60_000,
            network: input.plan.defaults.network,
            sandbox: { readOnly: input.workspace.readOnly },
            mask: input.mask,
            signal: input.signal
        });
        await (0,promises_.appendFile)(taskLog, `rollback ${step.rollback}: exit ${r.exitCode}\n`);
    }
}
function countFiles(patch) {
    let n = 0;
    for (const line of patch.toString('latin1').split('\n'))
        if (line.startsWith('diff --git '))
            n++;
    return n;
}

;// CONCATENATED MODULE: ./src/run/execute-task.ts
/**
 * One task, the same way in every deployment: reuse a kept result of this run,
 * else a content-addressed cached one, else run it; then store the result.
 * The local engine calls it from its scheduler, the Action once per matrix leg.
 */




/**
 * Runs (or reuses) task `id` given its ancestors' results in patch order.
 * Resolves with the result, already saved to the store; never rejects for a
 * task's own failure (only for a tripped breaker or a broken store).
 */
async function executeTask(env, id, ancestors, signal) {
    const { plan, store } = env;
    const task = plan.tasks.find(t => t.id === id);
    const key = (0,keys/* taskKey */.Do)({ plan, task, baseTree: env.baseTree, dependencyDigests: ancestors.map(d => d.record.patchDigest ?? '') });
    const prev = env.carried?.get(id);
    if (prev && manifest/* LANDABLE */.M.has(prev.status) && prev.key === key) {
        const kept = await store.loadResult(id);
        if (kept)
            return kept;
    }
    const hit = env.noCache ? undefined : await store.lookup(key);
    if (hit && manifest/* LANDABLE */.M.has(hit.record.status)) {
        const cached = { record: { ...hit.record, status: 'cached' }, patch: hit.patch };
        await store.saveResult(cached);
        return cached;
    }
    const logDir = (0,external_node_path_.join)(env.logRoot, id);
    const result = await runTask({
        plan,
        task,
        dependencies: ancestors,
        baseCommit: env.baseCommit,
        key,
        workspace: env.workspace,
        executor: env.executor,
        callerEnv: env.callerEnv,
        mask: env.mask,
        agents: env.agents,
        logDir,
        reporter: env.reporter,
        signal,
        backoffMs: env.backoffMs
    });
    const rel = (p) => (p ? (0,external_node_path_.relative)(env.logBase, p) : p);
    result.record.log = rel(result.record.log);
    for (const s of result.record.steps)
        s.log = rel(s.log);
    await store.saveResult(result, logDir);
    if (result.record.status === 'succeeded')
        await store.remember(key, result).catch(() => { });
    return result;
}


/***/ }),

/***/ 58290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runLocal),
  Y: () => (/* binding */ sandboxWarning)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/run/open-repo-plan.ts + 9 modules
var open_repo_plan = __webpack_require__(55888);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph_graph = __webpack_require__(1924);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/state/manifest.ts
var state_manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/state/local-store.ts
var local_store = __webpack_require__(87922);
;// CONCATENATED MODULE: ./src/state/lock.ts
/**
 * One run of a plan at a time: a lock file created exclusively, holding the
 * owner's pid. A lock whose process is gone (a crash, kill -9) is taken over.
 */




async function acquireLock(file) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const me = JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), since: new Date().toISOString() });
    let tookOverFrom;
    for (let tries = 0; tries < 20; tries++) {
        if (await createWith(file, me))
            return { tookOverFrom, release: () => (0,promises_.rm)(file, { force: true }) };
        const owner = await readLockOwner(file);
        if (owner && owner.host === (0,external_node_os_.hostname)() && isAlive(owner.pid)) {
            throw new errors/* StoppedError */.Ko(`another autopilot run of this plan is in progress (pid ${owner.pid}, since ${owner.since}); ` +
                `wait for it to finish, or stop it. Lock file: ${file}`);
        }
        // A stale lock. Two runs starting at once must not both take it over (one could delete the
        // other's fresh lock), so only the holder of a second, short-lived lock may remove it.
        const guard = `${file}.takeover`;
        if (!(await createWith(guard, me))) {
            const holder = await readLockOwner(guard);
            if (!holder || !isAlive(holder.pid))
                await (0,promises_.rm)(guard, { force: true });
            await new Promise(resolve => setTimeout(resolve, 25));
            continue;
        }
        try {
            const now = await readLockOwner(file);
            // Unchanged since we judged it stale: still the dead owner's (or gone).
            if (!now || (now.pid === owner?.pid && now.since === owner?.since)) {
                tookOverFrom = owner?.pid;
                await (0,promises_.rm)(file, { force: true });
            }
        }
        finally {
            await (0,promises_.rm)(guard, { force: true });
        }
    }
    throw new errors/* StoppedError */.Ko(`could not take the lock ${file}; remove it if no autopilot run is active`);
}
/**
 * Creates `file` with `content` only if it does not exist, atomically and with
 * its content in place (a hard link of a finished temp file): a reader never
 * sees an empty lock and takes it for a dead one.
 */
async function createWith(file, content) {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await (0,promises_.writeFile)(tmp, content);
    try {
        await (0,promises_.link)(tmp, file);
        return true;
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return false;
        throw e;
    }
    finally {
        await (0,promises_.rm)(tmp, { force: true });
    }
}
/** The owner recorded in a lock file, if it can be read. */
async function readLockOwner(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Is process `pid` running (on this host)? */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}

// EXTERNAL MODULE: ./src/state/files.ts
var files = __webpack_require__(60766);
// EXTERNAL MODULE: ./src/state/new-manifest.ts
var new_manifest = __webpack_require__(64281);
// EXTERNAL MODULE: ./src/report/mask.ts
var report_mask = __webpack_require__(69488);
;// CONCATENATED MODULE: ./src/report/reporter.ts
/** Sends every event to each reporter. */
function composite(...reporters) {
    return {
        event: e => reporters.forEach(r => r.event(e)),
        close: async () => {
            for (const r of reporters)
                await r.close?.();
        }
    };
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/console-reporter.ts

const SYMBOL = {
    pending: '·',
    running: '▶',
    succeeded: '✔',
    cached: '↺',
    failed: '✖',
    denied: '⛔',
    blocked: '⊘',
    cancelled: '■'
};
function consoleReporter(opts) {
    const now = opts.now ?? (() => new Date());
    const status = {};
    for (const id of opts.levels.flat())
        status[id] = 'pending';
    let drawn = 0;
    const width = Math.max(20, (opts.columns ?? 80) - 1);
    const fit = (line) => ([...line].length > width ? [...line].slice(0, width - 1).join('') + '…' : line);
    const board = () => opts.levels.map((ids, i) => fit(`  L${i + 1}  ${ids.map(id => `${SYMBOL[status[id]]} ${id}`).join('   ')}`)).join('\n') + '\n';
    // One write per redraw: the cursor moves and the board land together.
    const redraw = (before = '') => {
        const text = board();
        opts.write((drawn ? `\x1b[${drawn}A\x1b[0J` : '') + before + text);
        drawn = text.split('\n').length - 1;
    };
    return {
        event(e) {
            if (e.type === 'task') {
                status[e.id] = e.status;
                if (opts.tty)
                    redraw();
                else
                    opts.write((0,report_text/* statusLine */.Bs)(now(), e.id, e.status, e.record.reason) + '\n');
            }
            else if (e.type === 'note') {
                if (opts.tty)
                    redraw(`${e.message}\n`);
                else
                    opts.write(e.message + '\n');
            }
            else if (e.type === 'run-started' && opts.tty)
                redraw();
        }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/report/status-log.ts
/** status-<ts>.log: one line per state change, appended as it happens. */


function statusLogReporter(file, now = () => new Date()) {
    return {
        event(e) {
            // Synchronous on purpose: the line is on disk before the next state
            // change, so a kill -9 loses nothing that was reported.
            if (e.type === 'task')
                (0,external_node_fs_.appendFileSync)(file, (0,report_text/* statusLine */.Bs)(now(), e.id, e.status, e.record.reason) + '\n');
            else if (e.type === 'note')
                (0,external_node_fs_.appendFileSync)(file, `${now().toISOString()} note ${e.message}\n`);
        }
    };
}

// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __webpack_require__(28812);
// EXTERNAL MODULE: ./src/run/executor.ts + 2 modules
var run_executor = __webpack_require__(70971);
;// CONCATENATED MODULE: ./src/run/process-registry.ts
/**
 * Which step process groups a run has started, on disk, so that after a
 * kill -9 of autopilot the next run (or `autopilot clean`) can stop the steps
 * it left running. A recorded group is killed only if its leader still carries
 * this plan's AUTOPILOT_ISSUE in its environment, so a reused pid is left alone.
 */


/** Records one file per live step process group under `dir`. Synchronous: the record must exist before a crash. */
function processRegistry(dir) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return {
        started: pid => (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, String(pid)), ''),
        ended: pid => (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, String(pid)), { force: true })
    };
}
/** Kills the recorded groups still running for `issue`; returns their pids. */
function killStrays(dir, issue) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return [];
    }
    const killed = [];
    for (const name of entries) {
        const pid = Number(name);
        if (Number.isInteger(pid) && pid > 1 && isOurs(pid, issue)) {
            try {
                process.kill(-pid, 'SIGKILL');
                killed.push(pid);
            }
            catch {
                // already gone
            }
        }
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, name), { force: true });
    }
    return killed;
}
function isOurs(pid, issue) {
    try {
        const env = (0,external_node_fs_.readFileSync)(`/proc/${pid}/environ`, 'latin1').split('\0');
        return env.includes('AUTOPILOT=1') && env.includes(`AUTOPILOT_ISSUE=${issue}`);
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/run/workspace.ts
var run_workspace = __webpack_require__(96120);
;// CONCATENATED MODULE: ./src/run/scheduler.ts
/**
 * The dependency-driven scheduler: a task starts as soon as all of its own
 * needs have landed, at most `concurrency` at once. Dependents of a failure are
 * blocked, never run. Circuit breakers stop new starts. Knows nothing about
 * git, processes or Actions: it is handed a `run` function.
 */


const FAILING = new Set(['failed', 'denied']);
async function schedule(input) {
    const { ids, needs } = input;
    const status = {};
    for (const id of ids) {
        const carried = input.initial?.[id];
        status[id] = carried && state_manifest/* LANDABLE */.M.has(carried) ? carried : 'pending';
    }
    const dependents = invert(ids, needs);
    const abort = new AbortController();
    const onInterrupt = () => abort.abort();
    input.signal?.addEventListener('abort', onInterrupt, { once: true });
    if (input.signal?.aborted)
        abort.abort();
    let breaker;
    let consecutive = 0;
    let maxConcurrent = 0;
    const running = new Map();
    const trip = (name, cancelRunning) => {
        breaker ??= name;
        if (cancelRunning)
            abort.abort();
    };
    const deadline = input.maxRuntimeMs !== undefined
        ? setTimeout(() => trip(`max-runtime-minutes (${input.maxRuntimeMs / 60_000}) reached`, true), input.maxRuntimeMs)
        : undefined;
    const set = (id, s, reason) => {
        status[id] = s;
        input.onStatus(id, s, reason);
    };
    // Each blocked task names its own need that did not land (a grandchild names the blocked child).
    const block = (failed) => {
        const stack = (dependents[failed] ?? []).map(d => [d, failed]);
        while (stack.length) {
            const [d, need] = stack.pop();
            if (status[d] !== 'pending')
                continue;
            set(d, 'blocked', need === failed ? `needs ${need}, which ${outcome(status[need])}` : `needs ${need}, which is blocked because ${failed} ${outcome(status[failed])}`);
            stack.push(...(dependents[d] ?? []).map(g => [g, d]));
        }
    };
    // Tasks whose needs already failed in an earlier run are blocked up front.
    for (const id of ids)
        if (FAILING.has(status[id]))
            block(id);
    const ready = () => ids.filter(id => status[id] === 'pending' && (needs[id] ?? []).every(n => state_manifest/* LANDABLE */.M.has(status[n])));
    const start = (id) => {
        set(id, 'running');
        const p = (async () => {
            let s;
            let reason;
            try {
                s = await input.run(id, abort.signal);
            }
            catch (e) {
                if (!(e instanceof errors/* BreakerTripped */.Xl))
                    throw e;
                trip(e.breaker, false);
                s = 'cancelled';
                reason = `stopped: ${e.breaker}`;
            }
            if (abort.signal.aborted && !state_manifest/* LANDABLE */.M.has(s))
                s = 'cancelled';
            set(id, s, reason);
            if (FAILING.has(s)) {
                consecutive++;
                block(id);
                const max = input.maxConsecutiveFailures;
                if (max !== undefined && consecutive >= max)
                    trip(`max-consecutive-failures (${max}) reached`, false);
            }
            else if (state_manifest/* LANDABLE */.M.has(s))
                consecutive = 0;
        })().finally(() => running.delete(id));
        running.set(id, p);
        maxConcurrent = Math.max(maxConcurrent, running.size);
    };
    try {
        for (;;) {
            if (!breaker && !abort.signal.aborted) {
                for (const id of ready()) {
                    if (running.size >= input.concurrency)
                        break;
                    start(id);
                }
            }
            if (running.size === 0)
                break;
            await Promise.race(running.values());
        }
    }
    finally {
        if (deadline)
            clearTimeout(deadline);
        input.signal?.removeEventListener('abort', onInterrupt);
    }
    const interrupted = input.signal?.aborted ?? false;
    for (const id of ids) {
        if (status[id] === 'pending')
            set(id, 'cancelled', breaker ? `not started: ${breaker}` : 'not started: interrupted');
    }
    return { statuses: status, breaker, interrupted, maxConcurrent };
}
/** `failed`, `was denied`: how a status reads after a task's name. */
function outcome(s) {
    return s === 'failed' ? 'failed' : `was ${s}`;
}
function invert(ids, needs) {
    const out = Object.fromEntries(ids.map(id => [id, []]));
    for (const id of ids)
        for (const n of needs[id] ?? [])
            out[n]?.push(id);
    return out;
}

// EXTERNAL MODULE: ./src/run/execute-task.ts + 3 modules
var execute_task = __webpack_require__(24182);
// EXTERNAL MODULE: ./src/run/integrate.ts
var integrate = __webpack_require__(47782);
// EXTERNAL MODULE: ./src/run/agent-calls.ts + 2 modules
var agent_calls = __webpack_require__(78217);
// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
;// CONCATENATED MODULE: ./src/run/local-run.ts
/**
 * `autopilot run` on one machine: resolves the plan, takes the lock, resumes
 * or starts the manifest, schedules every task through the task runner,
 * integrates the landed patches onto the branch and writes the reports.
 */

























async function runLocal(opts) {
    const { loaded, planFile, repoRoot, userGit } = await (0,open_repo_plan/* openRepoPlan */.c)(opts.planArg, opts.cwd, opts.executor ?? new run_executor/* ProcessExecutor */.l());
    const plan = loaded.plan;
    const store = new local_store/* LocalStateStore */.Mc(repoRoot, plan.issue);
    await store.init();
    const lock = await acquireLock((0,external_node_path_.join)(store.runDir, 'lock'));
    try {
        if (lock.tookOverFrom) {
            const strays = killStrays(store.processesDir, plan.issue);
            opts.out(`autopilot: taking over the lock of process ${lock.tookOverFrom}, which is gone` +
                (strays.length ? `; stopped ${strays.length} step process group(s) it left running` : '') +
                '\n');
        }
        const executor = opts.executor ?? new run_executor/* ProcessExecutor */.l(processRegistry(store.processesDir), { sandbox: opts.env.AUTOPILOT_SANDBOX !== 'off' });
        if (opts.fresh)
            await store.reset();
        return await runWithLock({ opts, executor, loaded, planFile, repoRoot, userGit, store });
    }
    finally {
        await lock.release();
    }
}
async function runWithLock(ctx) {
    const { opts, executor, loaded, repoRoot, userGit, store } = ctx;
    const plan = loaded.plan;
    const planPath = (0,external_node_path_.relative)(repoRoot, ctx.planFile);
    const previous = await store.loadManifest();
    const baseCommit = await resolveBase(userGit, plan, previous, opts.out);
    const graph = (0,graph_graph/* buildGraph */.ZG)(plan.tasks);
    const order = (0,graph_graph/* topoOrder */.LI)(graph);
    const ts = timestamp(new Date());
    const logsRoot = (0,external_node_path_.join)(repoRoot, '.ai', 'logs', 'autopilot');
    await (0,files/* ensureIgnoredDir */.cc)(logsRoot);
    const runLogDir = (0,external_node_path_.join)(logsRoot, `${plan.issue}-${ts}`);
    await (0,promises_.mkdir)(runLogDir, { recursive: true });
    const manifest = (0,new_manifest/* startManifest */.s)({ plan, planHash: loaded.hash, planPath, baseCommit, previous });
    const workspace = await (0,run_workspace/* openWorkspace */.O)(executor, repoRoot, (0,run_workspace/* defaultWorkRoot */.p)(repoRoot, plan.issue, opts.env));
    const baseTree = await workspace.repo.treeOf(baseCommit);
    const mask = (0,report_mask/* createMasker */.aD)((0,secrets/* secretNames */.X)(plan).map(n => opts.env[n] ?? '').filter(Boolean));
    const agents = (0,agent_calls/* createAgentCalls */.F)({ plan, callerEnv: opts.env, store, ledger: await store.loadLedger() });
    const reporter = composite(consoleReporter({ write: opts.out, tty: opts.isTTY, levels: (0,graph_graph/* levels */.yr)(graph), columns: process.stdout.columns }), statusLogReporter((0,external_node_path_.join)(logsRoot, `status-${ts}.log`)));
    let saving = Promise.resolve();
    let saveError;
    // A failed save (a full disk) must not stop later ones: each writes the whole manifest again.
    const persist = () => {
        manifest.updatedAt = new Date().toISOString();
        const snapshot = JSON.parse(JSON.stringify(manifest));
        saving = saving.then(() => store.saveManifest(snapshot).then(() => (saveError = undefined), (e) => {
            saveError = e;
        }));
        return saving;
    };
    await persist();
    reporter.event({ type: 'run-started', manifest });
    const noSandbox = await executor.sandboxProblem();
    if (noSandbox)
        reporter.event({ type: 'note', message: sandboxWarning(noSandbox) });
    const results = new Map();
    const taskEnv = {
        plan,
        baseCommit,
        baseTree,
        workspace,
        executor,
        store,
        callerEnv: opts.env,
        mask,
        agents,
        reporter,
        logRoot: runLogDir,
        logBase: repoRoot,
        backoffMs: opts.backoffMs ?? 1000,
        noCache: opts.fresh,
        // Records carried over from the previous run, before statuses start changing.
        carried: new Map(Object.values(manifest.tasks).map(r => [r.id, { ...r }]))
    };
    const runOne = async (id, signal) => {
        const result = await (0,execute_task/* executeTask */.d)(taskEnv, id, (0,graph_graph/* ancestors */.T1)(graph, id).map(d => results.get(d)), signal).catch(e => {
            // The state folder cannot be written (full disk, permissions): stop cleanly; what was saved stays.
            if (e.code)
                throw new errors/* BreakerTripped */.Xl(stateWriteProblem(e));
            throw e;
        });
        manifest.tasks[id] = result.record;
        results.set(id, result);
        return result.record.status;
    };
    const outcome = await schedule({
        ids: order,
        needs: Object.fromEntries(plan.tasks.map(t => [t.id, t.needs])),
        concurrency: opts.jobs ?? plan.limits['max-parallel'] ?? (0,external_node_os_.cpus)().length,
        run: runOne,
        onStatus: (id, status, reason) => {
            const rec = manifest.tasks[id];
            rec.status = status;
            if (reason)
                rec.reason = reason;
            if (status === 'running')
                rec.startedAt = new Date().toISOString();
            void persist();
            reporter.event({ type: 'task', id, status, record: rec });
        },
        maxConsecutiveFailures: plan.limits['max-consecutive-failures'],
        maxRuntimeMs: plan.limits['max-runtime-minutes'] !== undefined ? plan.limits['max-runtime-minutes'] * 60_000 : undefined,
        signal: opts.signal
    });
    manifest.breaker = outcome.breaker ?? (outcome.interrupted ? 'interrupted' : undefined);
    manifest.usage = Object.values(agents.runUsage()).reduce((a, u) => ({ calls: (a?.calls ?? 0) + u.calls, inputTokens: (a?.inputTokens ?? 0) + u.inputTokens, outputTokens: (a?.outputTokens ?? 0) + u.outputTokens }), undefined);
    const integration = await (0,integrate/* integrate */.UZ)({ plan, planPath, order, results, baseCommit, date: manifest.startedAt, workspace });
    manifest.commits = integration.commits;
    manifest.gates = integration.gates;
    let delivered;
    if (!integration.problem && Object.keys(integration.commits).length > 0) {
        delivered = await deliverBranch(workspace.repo, userGit, manifest.branch, integration.head);
    }
    manifest.finishedAt = new Date().toISOString();
    await persist();
    if (saveError)
        throw new errors/* AutopilotError */.Wz(stateWriteProblem(saveError), errors/* EXIT */.dc.stopped);
    reporter.event({ type: 'run-finished', manifest });
    await reporter.close?.();
    const allLanded = plan.tasks.every(t => state_manifest/* LANDABLE */.M.has(manifest.tasks[t.id].status));
    const summaryFile = (0,external_node_path_.join)(logsRoot, `summary-${ts}.md`);
    const summary = mask((0,markdown/* renderSummary */.Br)({
        plan,
        manifest,
        logsLocation: (0,external_node_path_.relative)(repoRoot, runLogDir),
        logLink: r => (r.log ? (0,external_node_path_.relative)(logsRoot, (0,external_node_path_.join)(repoRoot, r.log)) : undefined)
    }));
    await (0,promises_.writeFile)(summaryFile, integration.problem ? `${summary}\n**Integration:** ${integration.problem}\n` : summary);
    let failedFile;
    if (!allLanded || integration.problem) {
        failedFile = (0,external_node_path_.join)(logsRoot, `FAILED-${ts}.log`);
        await (0,promises_.writeFile)(failedFile, mask((0,report_text/* renderFailedLog */.cS)({ plan, manifest, planArg: opts.planArg ?? '', problem: integration.problem })));
    }
    opts.out('\n' + (0,report_text/* finalTable */.bh)(plan, manifest) + '\n\n');
    if (manifest.breaker)
        opts.out(`stopped: ${manifest.breaker}\n`);
    if (delivered)
        opts.out(`branch: ${delivered} (${Object.keys(integration.commits).length} commits)\n`);
    if (integration.problem)
        opts.out(`not delivered: ${integration.problem}\n`);
    opts.out(`summary: ${(0,external_node_path_.relative)(opts.cwd, summaryFile)}\nlogs: ${(0,external_node_path_.relative)(opts.cwd, runLogDir)}\n`);
    if (failedFile)
        opts.out(`failure report: ${(0,external_node_path_.relative)(opts.cwd, failedFile)}\n`);
    const exitCode = manifest.breaker ? errors/* EXIT */.dc.stopped : allLanded && !integration.problem ? errors/* EXIT */.dc.ok : errors/* EXIT */.dc.taskFailed;
    return { exitCode, manifest, summaryFile, failedFile, branch: delivered, integrationProblem: integration.problem, head: integration.head };
}
/** The base commit: the plan's `base`, else the one a resumed run started from, else HEAD. */
async function resolveBase(git, plan, previous, out) {
    const ref = plan.base ?? 'HEAD';
    const r = await git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (r.exitCode !== 0) {
        throw new errors/* AutopilotError */.Wz(plan.base ? `base "${plan.base}" is not a commit in this repository (plan field \`base\`)` : 'the repository has no commit yet; commit something first');
    }
    const head = r.stdout.toString().trim();
    if (!plan.base && previous && previous.baseCommit !== head) {
        out(`autopilot: resuming from base ${previous.baseCommit.slice(0, 12)} (HEAD is now ${head.slice(0, 12)}; use --fresh to start from HEAD)\n`);
        return previous.baseCommit;
    }
    return head;
}
/** Points the branch at `head` in the private clone, then fetches it into the user's repository. */
async function deliverBranch(repo, user, branch, head) {
    await repo.bytes(['update-ref', `refs/heads/${branch}`, head]);
    const r = await user.raw(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', repo.cwd, `+refs/heads/${branch}:refs/heads/${branch}`]);
    if (r.exitCode !== 0) {
        throw new errors/* AutopilotError */.Wz(`could not update branch ${branch} in your repository: ${r.stderr.trim()}. ` +
            'If it is checked out, switch to another branch and run again (finished tasks are kept).', errors/* EXIT */.dc.taskFailed);
    }
    return branch;
}
/** Said once per run when steps cannot be sandboxed. */
function sandboxWarning(problem) {
    return (`autopilot: warning: steps run without the sandbox (${problem}). They can read this process's environment ` +
        'and write outside their worktree; the gates still check every change. Use Linux with unprivileged user namespaces.');
}
function stateWriteProblem(e) {
    return (`cannot write autopilot's state (${e.message}). Free disk space or fix permissions, then run again: ` +
        'tasks already saved under .ai/runs/ are kept');
}
function timestamp(d) {
    return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}


/***/ }),

/***/ 79889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ shellArgv),
/* harmony export */   aq: () => (/* binding */ buildStepEnv)
/* harmony export */ });
/* unused harmony export BASE_ENV_NAMES */
/** Variables every step gets from the caller (if set), because tools break without them. */
const BASE_ENV_NAMES = ['PATH', 'HOME', 'LANG', 'TZ', 'TERM'];
function buildStepEnv(input) {
    const { caller, plan, task, step } = input;
    const env = {};
    for (const name of BASE_ENV_NAMES) {
        const v = caller[name];
        if (v !== undefined)
            env[name] = v;
    }
    env.LANG ??= 'C.UTF-8';
    env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    env.TMPDIR = input.tmpDir;
    env.CI = 'true';
    // AUTOPILOT_* also mark the process as ours, so a crashed run's strays can be found (process-registry.ts).
    Object.assign(env, plan.defaults.env, task.env ?? {}, step.env ?? {}, { AUTOPILOT: '1', AUTOPILOT_ISSUE: String(plan.issue), AUTOPILOT_TASK: task.id }, input.own ?? {});
    const names = new Set([...plan.defaults['pass-env'], ...(step['pass-env'] ?? []), ...(input.passExtra ?? [])]);
    const secrets = [];
    const missing = [];
    for (const name of names) {
        const v = caller[name];
        if (v === undefined) {
            missing.push(name);
            continue;
        }
        env[name] = v;
        if (v.length > 0)
            secrets.push(v);
    }
    return { env, secrets, missing };
}
/** The argument vector for a `run:` step in the given shell. */
function shellArgv(shell, script) {
    switch (shell) {
        case 'bash':
            return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', script];
        case 'sh':
            return ['sh', '-e', '-c', script];
        default:
            // A custom shell, GitHub style: `{0}` is replaced by the script; else appended.
            return shell.includes('{0}')
                ? shell.split(/\s+/).map(p => (p === '{0}' ? script : p))
                : [...shell.split(/\s+/), script];
    }
}


/***/ }),

/***/ 87469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ taskKey),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony export canonicalJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/** Content addresses: a task's result is reusable when these inputs are unchanged. */

function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** JSON with sorted keys, so equal data always hashes equally. */
function canonicalJson(value) {
    return JSON.stringify(value, (_k, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v);
}
/**
 * The key of a task's result: its own definition, the plan settings that shape
 * how it runs (defaults, gates, agents, intent), the base tree, and the digests
 * of its dependencies' patches in the order they are applied.
 */
function taskKey(input) {
    const { plan, task } = input;
    return sha256(canonicalJson({
        v: 1,
        task,
        defaults: plan.defaults,
        gates: plan.gates,
        agents: plan.agents,
        intent: plan.intent,
        baseTree: input.baseTree,
        deps: input.dependencyDigests
    }));
}


/***/ })

};
