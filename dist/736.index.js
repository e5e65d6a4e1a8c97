export const id = 736;
export const ids = [736];
export const modules = {

/***/ 59234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ PRE_EXISTING),
/* harmony export */   Dx: () => (/* binding */ BaselineJudge),
/* harmony export */   I6: () => (/* binding */ baselineStop),
/* harmony export */   Ne: () => (/* binding */ runBaseline),
/* harmony export */   qL: () => (/* binding */ renderBaseline)
/* harmony export */ });
/* unused harmony export baselineCommands */
/* harmony import */ var _step_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79889);
/* harmony import */ var _expectation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21463);
/* harmony import */ var _setup_layer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87272);



/** The phrase reports use for a check already red on the base. */
const PRE_EXISTING = 'failing before autopilot';
const policyOf = (plan) => plan.baseline.policy;
/** The commands to run on the base, each with the task whose environment it runs in. */
function baselineCommands(plan) {
    const explicit = 'commands' in plan.baseline ? plan.baseline.commands : undefined;
    if (explicit)
        return explicit.map(command => ({ command, task: plan.tasks[0] }));
    const seen = new Map();
    for (const task of plan.tasks) {
        for (const c of task.checks) {
            const command = typeof c === 'string' ? c : c.run;
            if (!seen.has(command))
                seen.set(command, task);
        }
    }
    return [...seen].map(([command, task]) => ({ command, task }));
}
/**
 * Runs the baseline on `baseCommit`, or returns `previous` when it was run on
 * the same commit (a resumed run). Undefined under `baseline: ignore`.
 */
async function runBaseline(input) {
    const { plan, workspace } = input;
    const policy = policyOf(plan);
    if (policy === 'ignore')
        return undefined;
    if (input.previous && input.previous.baseCommit === input.baseCommit && input.previous.policy === policy)
        return input.previous;
    const commands = baselineCommands(plan);
    const record = { baseCommit: input.baseCommit, policy, checks: [] };
    if (commands.length === 0)
        return record;
    // Not a task id (those cannot start with a dot), so it never meets a task's worktree.
    const name = '.baseline';
    const slot = await workspace.acquire(name, await workspace.repo.treeOf(input.baseCommit), input.baseCommit);
    try {
        const tmpDir = await workspace.freshTmp(name);
        const view = await workspace.prepareSandbox(name, slot.git, tmpDir, input.baseCommit);
        const spec = plan.sandbox === 'off' ? undefined : view.spec;
        await (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_1__/* .attachSetup */ .ZG)(input.setup, workspace, name, input.executor, spec);
        for (const { command, task } of commands) {
            const shell = (0,_step_env_js__WEBPACK_IMPORTED_MODULE_0__/* .taskShellIn */ .ty)({ plan, task, worktree: slot.path, tmpDir, view, callerEnv: input.callerEnv, mask: input.mask, signal: input.signal ?? new AbortController().signal });
            const r = await input.executor.runStep((0,_step_env_js__WEBPACK_IMPORTED_MODULE_0__/* .shellRequest */ .G7)(shell, command));
            const passed = r.exitCode === 0;
            record.checks.push({ command, passed, exitCode: r.exitCode, ...(passed ? {} : { output: (0,_expectation_js__WEBPACK_IMPORTED_MODULE_2__/* .tail */ .RT)(r.output, 20) }) });
        }
    }
    finally {
        // Back to the pool: the first task starts from the same base, so its switch writes nothing.
        await workspace.release(slot);
    }
    return record;
}
/** Why the run must stop before any task (`require-green` on a red base), if it must. */
function baselineStop(record) {
    if (!record || record.policy !== 'require-green')
        return undefined;
    const red = record.checks.filter(c => !c.passed);
    if (red.length === 0)
        return undefined;
    return `baseline: ${red.length} check(s) ${PRE_EXISTING} (${red.map(c => c.command).join(', ')}) and baseline is require-green`;
}
/**
 * Judges task checks against the baseline and counts regressions (checks
 * that passed on the base and fail after a task) for `limits.max-regressions`.
 */
class BaselineJudge {
    record;
    maxRegressions;
    regressions = 0;
    constructor(record, maxRegressions) {
        this.record = record;
        this.maxRegressions = maxRegressions;
    }
    /** A failing check: already red on the base with the same exit code, a regression, or new (no baseline). */
    judge(command, exitCode) {
        const base = this.record?.checks.find(c => c.command === command);
        if (!base)
            return 'new';
        if (!base.passed && base.exitCode === exitCode)
            return PRE_EXISTING;
        if (base.passed)
            this.regressions++;
        return base.passed ? 'regression' : 'new';
    }
    /** The breaker, once `limits.max-regressions` is reached. */
    tripped() {
        const max = this.maxRegressions;
        if (max === undefined || this.regressions < max)
            return undefined;
        return `max-regressions (${max}) reached: ${this.regressions} check(s) that passed on the base failed after a task`;
    }
}
/** Markdown lines for the summary: what was already red before autopilot touched anything. */
function renderBaseline(record) {
    if (!record || record.checks.length === 0)
        return '';
    const red = record.checks.filter(c => !c.passed);
    const lines = ['', `## Baseline (${record.baseCommit.slice(0, 12)}, policy ${record.policy})`, ''];
    if (red.length === 0)
        lines.push(`All ${record.checks.length} baseline check(s) passed on the base.`);
    for (const c of record.checks)
        lines.push(`- \`${c.command}\`: ${c.passed ? 'passed' : `**${PRE_EXISTING}** (exit ${c.exitCode})`}`);
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 8736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ executeTask)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/gates/secrets-gate.ts
var secrets_gate = __webpack_require__(54341);
// EXTERNAL MODULE: ./src/state/manifest.ts
var manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __webpack_require__(87469);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/git/changes.ts + 1 modules
var git_changes = __webpack_require__(74321);
// EXTERNAL MODULE: ./src/gates/index.ts + 6 modules
var src_gates = __webpack_require__(35611);
// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
// EXTERNAL MODULE: ./src/run/step-runner.ts + 1 modules
var step_runner = __webpack_require__(64938);
// EXTERNAL MODULE: ./src/agents/budget.ts
var budget = __webpack_require__(68277);
// EXTERNAL MODULE: ./src/run/step-env.ts
var step_env = __webpack_require__(79889);
// EXTERNAL MODULE: ./src/run/expectation.ts
var expectation = __webpack_require__(21463);
// EXTERNAL MODULE: ./src/run/task-context.ts + 3 modules
var task_context = __webpack_require__(41826);
// EXTERNAL MODULE: ./src/run/baseline.ts
var baseline = __webpack_require__(59234);
// EXTERNAL MODULE: ./src/run/setup-layer.ts
var setup_layer = __webpack_require__(87272);
;// CONCATENATED MODULE: ./src/run/task-runner.ts
/**
 * Runs one task in isolation: a worktree of the pool switched to the base
 * commit plus its dependencies' patches, its steps and checks, the gates on
 * its real diff, and its patch kept as the result (evidence when it fails).
 *
 * Each phase (`runSteps`, `runChecks`, `gateChange`) returns its records and,
 * when it stops the task, a `Failure`; `decideStatus` alone turns them into
 * the task's status.
 */














/** The reason a replayed (rebased) attempt gives when its patch no longer applies: the task then runs. */
const REPLAY_FAILED = 'the kept patch does not apply on the new base';
/** Runs the task up to `max-attempts` times; always resolves with a final result. */
async function runTask(ctx, task, run) {
    const started = new Date();
    await (0,promises_.mkdir)(run.logDir, { recursive: true });
    const taskLog = (0,external_node_path_.join)(run.logDir, 'task.log');
    let result;
    for (let attempt = 1; attempt <= task['max-attempts']; attempt++) {
        await (0,promises_.appendFile)(taskLog, `=== task ${task.id}, attempt ${attempt} of ${task['max-attempts']}\n`);
        result = await attemptTask(ctx, task, run, attempt, taskLog);
        if (result.record.status !== 'failed' || run.signal.aborted)
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
async function attemptTask(ctx, task, run, attempt, taskLog) {
    const timeout = new AbortController();
    const signal = AbortSignal.any([run.signal, timeout.signal]);
    const timer = task['timeout-minutes'] ? setTimeout(() => timeout.abort(), task['timeout-minutes'] * 60_000) : undefined;
    const steps = [];
    let gates = [];
    let usage;
    let failure;
    let error;
    let patch = Buffer.alloc(0);
    let slot;
    try {
        const start = await startingPoint(ctx, task, run);
        slot = await ctx.workspace.acquire(task.id, start.tree, start.head);
        const tmpDir = await ctx.workspace.freshTmp(task.id);
        // The step's own git dir, HOME and sandbox view, made once the worktree holds the start.
        const view = await ctx.workspace.prepareSandbox(task.id, slot.git, tmpDir, start.head);
        const a = { slot, start: start.tree, tmpDir, view, logDir: run.logDir, taskLog, signal, runSignal: run.signal };
        await (0,setup_layer/* attachSetup */.ZG)(ctx.setup, ctx.workspace, task.id, ctx.executor, sandboxOf(ctx, a));
        if (run.replay) {
            const file = (0,external_node_path_.join)(tmpDir, '..', `${task.id}-replay.patch`);
            await (0,promises_.writeFile)(file, run.replay);
            const applied = await slot.git.applies(file);
            if (!applied.ok) {
                await (0,promises_.appendFile)(taskLog, `rebase: the kept patch no longer applies: ${applied.reason}\n`);
                return { record: { id: task.id, status: 'failed', attempts: attempt, steps: [], gates: [], reason: REPLAY_FAILED }, patch: Buffer.alloc(0) };
            }
            await (0,promises_.appendFile)(taskLog, 'rebase: the kept patch applies on the new start; steps skipped, checks and gates run again\n');
        }
        const ran = run.replay ? { records: [] } : await runSteps(ctx, task, a);
        steps.push(...ran.records);
        usage = ran.usage;
        failure = ran.failure;
        if (!failure) {
            const checked = await runChecks(ctx, task, a);
            steps.push(...checked.records);
            failure = checked.failure;
        }
        // Every step and check ends with the index staged, so it holds the task's change already.
        // Sizes first: a change too large to review is recorded by its headers and never read whole.
        const limits = (0,git_changes/* changeLimits */.xW)(ctx.plan);
        const changes = await (0,git_changes/* collectChanges */.K9)(slot.git.runner(), a.start, limits);
        patch = await slot.git.stagedPatch(a.start, !(0,git_changes/* fitsWholePatch */.Ui)(changes, limits));
        if (!failure) {
            const gated = await gateChange(ctx, task, a, changes);
            gates = gated.gates;
            failure = gated.failure;
        }
    }
    catch (e) {
        if (e.name === 'BreakerTripped')
            throw e;
        error = ctx.mask(e.message);
        await (0,promises_.appendFile)(taskLog, `error: ${error}\n`);
    }
    finally {
        if (timer)
            clearTimeout(timer);
        if (slot)
            await ctx.workspace.release(slot).catch((0,task_context/* warnOnFailure */.y)(ctx.reporter, `could not return the worktree of task ${task.id}`));
    }
    const { status, reason, failedStep } = decideStatus(task, { failure, error, cancelled: run.signal.aborted, timedOut: timeout.signal.aborted });
    // Evidence of a task that will not land is read, never applied: masked like every other text
    // autopilot writes (a denied change may hold the very secret it was denied for).
    if (status !== 'succeeded')
        patch = Buffer.from(ctx.mask(patch.toString('utf8')));
    const record = {
        id: task.id,
        status,
        attempts: attempt,
        key: run.key,
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
/**
 * The one place a task's status is decided, from what the phases returned:
 * an error fails it; an interrupt cancels an unfinished task; the task's own
 * timeout fails it; else the phase that stopped it decides.
 */
function decideStatus(task, o) {
    if (o.error !== undefined)
        return { status: 'failed', reason: o.error };
    const timedOut = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`;
    if (o.cancelled && o.failure)
        return { status: 'cancelled', reason: o.failure.reason, failedStep: o.failure.failedStep };
    if (o.timedOut)
        return { status: 'failed', reason: timedOut, failedStep: o.failure?.failedStep };
    if (o.failure)
        return o.failure;
    return { status: 'succeeded' };
}
/** The tree the task starts from (the base plus its ancestors' patches, no checkout) and the commit its HEAD shows. */
async function startingPoint(ctx, task, run) {
    const patches = run.dependencies.map(d => d.patch).filter(p => p.length > 0);
    if (patches.length === 0)
        return { tree: ctx.baseTree, head: ctx.baseCommit };
    const tree = await ctx.workspace.buildTree(ctx.baseCommit, patches, task.id);
    // A commit, so a step's own `git diff HEAD` shows the task's change only.
    const head = await ctx.workspace.repo.commitTree(tree, [ctx.baseCommit], `autopilot: dependencies of ${task.id}`, '1970-01-01T00:00:00Z');
    return { tree, head };
}
async function runSteps(ctx, task, a) {
    const records = [];
    let usage;
    let tree = a.start;
    for (const [index, step] of task.steps.entries()) {
        ctx.reporter.event({ type: 'step-started', taskId: task.id, index, of: task.steps.length + task.checks.length, name: (0,step_runner/* stepName */.u)(step) });
        const out = await (0,step_runner/* runStep */.eg)(ctx, task, step, {
            index,
            tree,
            worktree: a.slot.path,
            git: a.slot.git,
            tmpDir: a.tmpDir,
            logDir: a.logDir,
            signal: a.signal,
            sandbox: sandboxOf(ctx, a),
            home: a.view.home,
            limits: limitsOf(ctx),
            onLine: line => ctx.reporter.event({ type: 'output', taskId: task.id, line }),
            onProgress: line => {
                ctx.reporter.event({ type: 'note', message: line });
                (0,external_node_fs_.appendFileSync)(a.taskLog, `${line}\n`);
            }
        });
        records.push(out.record);
        tree = out.tree;
        usage = (0,budget/* mergeUsage */._L)(usage, out.usage);
        ctx.reporter.event({ type: 'step', taskId: task.id, step: out.record });
        await (0,promises_.appendFile)(a.taskLog, `step ${index + 1} ${out.record.name}: ${out.record.status}${agentNote(out.record)}${out.record.message ? ` (${out.record.message})` : ''}\n`);
        if (out.record.status !== 'succeeded' && out.fatal) {
            const reason = `step ${index + 1} "${out.record.name}" ${out.record.message ?? 'failed'}\n${(0,expectation/* tail */.RT)(out.output, 20)}`;
            return { records, usage, failure: { status: 'failed', reason, failedStep: out.record.name } };
        }
    }
    return { records, usage };
}
async function runChecks(ctx, task, a) {
    const records = [];
    for (const [i, c] of task.checks.entries()) {
        const run = typeof c === 'string' ? c : c.run;
        const name = typeof c === 'string' ? (0,step_runner/* shortName */.EU)(c) : (c.name ?? (0,step_runner/* shortName */.EU)(run));
        const { steps } = task;
        ctx.reporter.event({ type: 'step-started', taskId: task.id, index: steps.length + i, of: steps.length + task.checks.length, name: `check: ${name}` });
        const before = await a.slot.git.stageAll();
        const r = await ctx.executor.runStep((0,step_env/* shellRequest */.G7)(taskShell(ctx, task, a, a.signal), run));
        const after = await a.slot.git.stageAll();
        const log = (0,external_node_path_.join)(a.logDir, `check-${i + 1}.log`);
        await (0,promises_.writeFile)(log, `$ ${run}\n${r.output}\n=== exit ${r.exitCode}\n`);
        let problem = r.exitCode !== 0
            ? `exited with ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}`
            : before !== after
                ? `changed files (${listFiles(await a.slot.git.pathsBetween(before, after))}); checks must not change anything`
                : undefined;
        // Red on the base the same way: reported, not blamed on this task.
        const verdict = r.exitCode !== 0 && before === after ? ctx.baseline?.judge(run, r.exitCode) : undefined;
        if (verdict === baseline/* PRE_EXISTING */.AS)
            problem = undefined;
        records.push({
            index: task.steps.length + i,
            name: `check: ${name}`,
            kind: 'check',
            exitCode: r.exitCode,
            status: problem || verdict === baseline/* PRE_EXISTING */.AS ? 'failed' : 'succeeded',
            attempts: 1,
            durationMs: r.durationMs,
            log,
            message: problem ?? (verdict === baseline/* PRE_EXISTING */.AS ? `${baseline/* PRE_EXISTING */.AS}: exited with ${r.exitCode}, as on the base` : undefined)
        });
        await (0,promises_.appendFile)(a.taskLog, `check ${i + 1} ${name}: ${problem ?? (verdict === baseline/* PRE_EXISTING */.AS ? baseline/* PRE_EXISTING */.AS : 'passed')}\n`);
        if (problem) {
            return { records, failure: { status: 'failed', failedStep: `check: ${name}`, reason: `check "${name}" ${problem}\n${(0,expectation/* tail */.RT)(r.output, 20)}` } };
        }
    }
    return { records };
}
/** Every gate on the task's staged change; a denial runs the task's rollbacks. */
async function gateChange(ctx, task, a, changes) {
    // Reasons and findings are built from file names, which a step chooses: masked.
    const gates = (await (0,src_gates/* evaluateTaskGates */.li)({ task, plan: ctx.plan, changes, secrets: (0,secrets/* namedSecrets */.pr)(ctx.plan, ctx.callerEnv) })).map(d => (0,src_gates/* maskDecision */.z6)(d, ctx.mask));
    for (const d of gates) {
        await (0,promises_.appendFile)(a.taskLog, `gate ${d.gate}: ${d.allowed ? 'allowed' : 'DENIED'}: ${d.reason}${(0,src_gates/* optInHint */.CA)(d)}\n`);
        for (const f of d.findings ?? [])
            await (0,promises_.appendFile)(a.taskLog, `  ${ctx.mask(f)}\n`);
    }
    const no = (0,src_gates/* denied */.wk)(gates);
    if (no.length === 0)
        return { gates };
    await runRollbacks(ctx, task, a);
    return { gates, failure: { status: 'denied', reason: (0,src_gates/* denialText */.p_)(no) } };
}
/** A denied task's rollbacks run too, so it leaves the worktree as it found it. */
async function runRollbacks(ctx, task, a) {
    for (const step of task.steps) {
        if (!step.rollback)
            continue;
        const r = await ctx.executor.runStep((0,step_env/* shellRequest */.G7)(taskShell(ctx, task, a, a.runSignal), step.rollback, step));
        await (0,promises_.appendFile)(a.taskLog, `rollback ${step.rollback}: exit ${r.exitCode}\n`);
    }
}
function taskShell(ctx, task, a, signal) {
    const { plan, callerEnv, mask } = ctx;
    return (0,step_env/* taskShellIn */.ty)({ plan, task, worktree: a.slot.path, tmpDir: a.tmpDir, view: a.view, callerEnv, limits: limitsOf(ctx), mask, signal });
}
/** The sandbox spec of the attempt's steps; undefined when the plan says `sandbox: off`. */
function sandboxOf(ctx, a) {
    return ctx.plan.sandbox === 'off' ? undefined : a.view.spec;
}
function limitsOf(ctx) {
    const limits = ctx.plan.limits;
    return { memoryMb: limits['step-memory-mb'], processes: limits['step-processes'] };
}
function countFiles(patch) {
    let n = 0;
    for (const line of patch.toString('latin1').split('\n'))
        if (line.startsWith('diff --git '))
            n++;
    return n;
}
/** Which agent did a step's work, after which ones failed: `, agent claude (after codex failed)`. */
function agentNote(r) {
    if (r.kind !== 'agent' || !r.agent)
        return '';
    const before = (r.agents ?? []).slice(0, -1);
    return `, agent ${r.agent}${before.length ? ` (after ${before.join(', ')} failed)` : ''}`;
}
/** `a.ts, b.ts and 3 more`: the files a check changed, named in its failure. */
function listFiles(paths, shown = 5) {
    if (paths.length <= shown)
        return paths.join(', ');
    return `${paths.slice(0, shown).join(', ')} and ${paths.length - shown} more`;
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
async function executeTask(ctx, id, ancestors, signal) {
    const { plan, store } = ctx;
    const task = plan.tasks.find(t => t.id === id);
    const key = (0,keys/* taskKey */.Do)({
        plan,
        task,
        baseTree: ctx.baseTree,
        dependencyDigests: ancestors.map(d => d.record.patchDigest ?? ''),
        setupKey: ctx.setup?.key,
        planDirDigest: ctx.planDir?.digest
    });
    const prev = ctx.carried?.get(id);
    if (prev && manifest/* LANDABLE */.M.has(prev.status) && prev.key === key) {
        const kept = await store.loadResult(id);
        if (kept)
            return kept;
    }
    const rebased = await rebase(ctx, task, key, ancestors, signal);
    if (rebased)
        return rebased;
    const hit = ctx.noCache ? undefined : await store.lookup(key);
    if (hit && manifest/* LANDABLE */.M.has(hit.record.status)) {
        const cached = { record: { ...hit.record, status: 'cached' }, patch: hit.patch };
        await store.saveResult(cached);
        return cached;
    }
    const logDir = (0,external_node_path_.join)(ctx.logRoot, id);
    const result = await runTask(ctx, task, { dependencies: ancestors, key, logDir, signal });
    const rel = (p) => (p ? (0,external_node_path_.relative)(ctx.logBase, p) : p);
    result.record.log = rel(result.record.log);
    for (const s of result.record.steps)
        s.log = rel(s.log);
    // A denied change is kept as evidence (and uploaded on Actions): never with the secret in it.
    if (result.record.status === 'denied') {
        const text = result.patch.toString('utf8');
        const redacted = await (0,secrets_gate/* redactSecrets */.fp)(ctx.mask(text), 'patch.diff');
        if (redacted !== text)
            result.patch = Buffer.from(redacted);
    }
    await store.saveResult(result, logDir);
    if (result.record.status === 'succeeded')
        await store.remember(key, result).catch((0,task_context/* warnOnFailure */.y)(ctx.reporter, `could not cache the result of task ${id}`));
    return result;
}
/**
 * `run --rebase`: a task that succeeded in the run being moved, all of whose ancestors were kept the same way,
 * is replayed on the new start tree. Kept when its patch applies and its checks and gates pass again (its tries
 * count stays); otherwise undefined, and the task runs.
 */
async function rebase(ctx, task, key, ancestors, signal) {
    const prev = ctx.rebaseFrom?.get(task.id);
    if (!prev || !manifest/* LANDABLE */.M.has(prev.status) || !ancestors.every(a => a.record.rebased))
        return undefined;
    const kept = await ctx.store.loadResult(task.id);
    if (!kept || kept.record.patchDigest !== prev.patchDigest)
        return undefined;
    const logDir = (0,external_node_path_.join)(ctx.logRoot, task.id);
    const result = await runTask(ctx, task, { dependencies: ancestors, key, logDir, signal, replay: kept.patch });
    if (result.record.status !== 'succeeded') {
        const why = result.record.reason === REPLAY_FAILED ? REPLAY_FAILED : `its checks or gates no longer pass (${result.record.reason?.split('\n')[0] ?? result.record.status})`;
        ctx.reporter.event({ type: 'note', message: `rebase: ${task.id} runs again: ${why}` });
        return undefined;
    }
    result.record.attempts = prev.attempts;
    result.record.rebased = true;
    result.record.usage = prev.usage;
    const rel = (p) => (p ? (0,external_node_path_.relative)(ctx.logBase, p) : p);
    result.record.log = rel(result.record.log);
    for (const s of result.record.steps)
        s.log = rel(s.log);
    await ctx.store.saveResult(result, logDir);
    return result;
}


/***/ }),

/***/ 41826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ createTaskContext),
  y: () => (/* binding */ warnOnFailure)
});

// EXTERNAL MODULE: ./src/run/workspace.ts + 1 modules
var run_workspace = __webpack_require__(80701);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/agents/index.ts + 9 modules
var agents = __webpack_require__(85638);
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

// EXTERNAL MODULE: ./src/run/plan-dir.ts
var plan_dir = __webpack_require__(23804);
// EXTERNAL MODULE: ./src/agents/budget.ts
var agents_budget = __webpack_require__(68277);
// EXTERNAL MODULE: ./src/run/step-runner.ts + 1 modules
var step_runner = __webpack_require__(64938);
;// CONCATENATED MODULE: ./src/run/repo-file.ts
/**
 * Reads autopilot makes on a step's behalf (issue #10, point 4): a file named
 * by the plan (`prompt-file`) is read from a worktree an earlier step could
 * have rewritten, so it must be a regular file inside that worktree, reached
 * without following any symbolic link. Otherwise a step could plant
 * `prompt.md -> /proc/self/environ` and have autopilot hand its own
 * environment (tokens included) to an agent.
 */




/** Largest file read on a step's behalf: a prompt is text for a model, not a data set. */
const MAX_REPO_FILE_BYTES = 1024 * 1024;
/**
 * The text of `rel` inside `root`, refusing (with an error naming `what`, e.g.
 * `task "a" step 2 prompt-file`) a path that leaves `root`, passes through or
 * ends at a symbolic link, or ends at anything but a regular file. Every
 * directory on the way is checked with lstat and the file is opened with
 * O_NOFOLLOW, then checked to be the very file lstat saw.
 */
async function readRepoFile(root, rel, what, maxBytes = MAX_REPO_FILE_BYTES) {
    const refuse = (why) => new errors/* AutopilotError */.Wz(`${what} ${JSON.stringify(rel)} ${why}. autopilot reads files for a step only when they are regular files inside ` +
        'the repository, reached without symbolic links, so a step cannot make it read files outside (such as ' +
        '/proc/self/environ). Commit the file itself at that path.', 1);
    const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    if (external_node_path_default().isAbsolute(rel) || parts.length === 0 || parts.includes('..'))
        throw refuse('is not a path inside the repository');
    let at = root;
    for (const [i, part] of parts.entries()) {
        at = external_node_path_default().join(at, part);
        const info = await (0,promises_.lstat)(at).catch(() => undefined);
        const shown = parts.slice(0, i + 1).join('/');
        if (!info)
            throw refuse(i === parts.length - 1 ? 'does not exist' : `cannot be read: ${shown} does not exist`);
        if (info.isSymbolicLink())
            throw refuse(i === parts.length - 1 ? 'is a symbolic link' : `passes through a symbolic link (${shown})`);
        if (i < parts.length - 1 && !info.isDirectory())
            throw refuse(`cannot be read: ${shown} is not a directory`);
        if (i === parts.length - 1 && !info.isFile())
            throw refuse('is not a regular file');
    }
    const seen = await (0,promises_.lstat)(at);
    // O_NONBLOCK: were the file swapped for a FIFO between lstat and open, opening must not hang.
    const handle = await (0,promises_.open)(at, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK).catch((e) => {
        throw refuse(e.code === 'ELOOP' ? 'is a symbolic link' : `cannot be opened (${e.code ?? e.message})`);
    });
    try {
        const info = await handle.stat();
        if (!info.isFile() || info.ino !== seen.ino || info.dev !== seen.dev)
            throw refuse('changed while it was being opened');
        if (info.size > maxBytes)
            throw refuse(`is ${info.size} bytes, more than the ${maxBytes} bytes autopilot reads for a step`);
        const buf = Buffer.alloc(info.size);
        const { bytesRead } = await handle.read(buf, 0, info.size, 0);
        return buf.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/run/agent-calls.ts
/**
 * Agent steps, wired: the escalation chain, credentials (passed to that step
 * only), the CLI's presence on PATH, budgets and the per-day ledger, and the
 * assembled prompt written next to the step's log.
 */










/** The usage of a call whose CLI reported nothing: it counts as a call, its tokens are unknown. */
const UNKNOWN_CALL = Object.freeze({ calls: 1, inputTokens: 0, outputTokens: 0, unknownCalls: 1 });
function createAgentCalls(input) {
    const { plan, callerEnv, store } = input;
    const now = input.now ?? (() => new Date());
    let runUsage = {};
    let ledger = input.ledger;
    // Ledger writes are serialised so parallel tasks never lose a charge.
    let saving = Promise.resolve();
    const warned = new Set();
    return {
        chain: (task, step) => (0,agents/* resolveAgentCall */.UR)(plan, task, step).agents,
        async prepare({ agent, task, step, worktree, tmpDir, failureTail }) {
            const name = agent;
            const driver = (0,agents/* getDriver */.vZ)(name);
            const resolved = (0,agents/* resolveAgentCall */.UR)(plan, task, step);
            const call = resolved.calls[resolved.agents.indexOf(name)];
            const budget = (0,agents_budget/* checkBudget */.Ik)({ plan, agent: name, runUsage, ledger, now: now() });
            if (!budget.ok)
                throw new errors/* BreakerTripped */.Xl(budget.breaker);
            // Before anything else: a CLI without network would retry its provider until the step's timeout.
            const denied = (0,agents/* networkDenied */.un)(plan, step);
            if (denied && name !== 'command')
                throw new errors/* AutopilotError */.Wz(denied, 1);
            const logins = (0,agents/* loginFilesFound */.Hk)(driver, callerEnv.HOME);
            const missing = (0,agents/* loggedIn */.eY)(driver, callerEnv.HOME) ? undefined : (0,agents/* missingCredentials */.nm)(driver, callerEnv);
            if (missing)
                throw new errors/* AutopilotError */.Wz(missing, 1);
            const program = name === 'command' ? call.command?.[0] : driver.build({ prompt: '', promptFile: '', cwd: worktree, args: [] }).argv[0];
            if (program && !onPath(program, callerEnv.PATH ?? '', worktree)) {
                throw new errors/* AutopilotError */.Wz(`agent ${name}: \`${program}\` is not installed or not on PATH. Install it with: ${driver.install}`, 1);
            }
            const stepPrompt = step.prompt ??
                (await (0,plan_dir/* readPromptFile */.NK)(step['prompt-file'], input.planDir, rel => readRepoFile(worktree, rel, `task "${task.id}" step "${(0,step_runner/* stepName */.u)(step)}" prompt-file`)));
            const prompt = assemblePrompt({ plan, task, step, stepPrompt, failureTail });
            const promptFile = (0,external_node_path_.join)(tmpDir, `prompt-${name}.md`);
            await (0,promises_.writeFile)(promptFile, prompt);
            const cwd = step['working-directory'] ? (0,external_node_path_.join)(worktree, step['working-directory']) : worktree;
            const passed = Object.keys((0,agents/* agentEnv */.b$)(driver, call, callerEnv));
            const inv = driver.build({
                prompt,
                promptFile,
                cwd,
                model: call.model,
                args: call.args,
                allowedTools: call.allowedTools,
                command: call.command,
                passed
            });
            for (const [file, text] of Object.entries(inv.files ?? {})) {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
                await (0,promises_.writeFile)(file, text);
            }
            return {
                argv: inv.argv,
                stdin: inv.stdin,
                env: inv.env,
                passEnv: passed,
                loginFiles: logins,
                explain: r => {
                    const cls = driver.classify(r);
                    return cls === 'ok' || cls === 'non-zero-exit' ? undefined : (0,agents/* explainFailure */.SP)(driver, cls);
                },
                async parseUsage({ stdout, home, durationMs }) {
                    const file = home ? driver.sessionFile?.(stdout, home) : undefined;
                    const sessionText = file ? await (0,promises_.readFile)(file, 'utf8').catch(() => undefined) : undefined;
                    const u = driver.parseUsage(stdout, sessionText);
                    // A call counts even when the CLI reports nothing; its tokens are then unknown, not 0.
                    // The CLI's own duration when it reports one, else the process's.
                    return { ...(u ?? UNKNOWN_CALL), calls: 1, durationMs: u?.durationMs ?? durationMs };
                }
            };
        },
        async charge(agent, usage) {
            const spent = usage ?? { ...UNKNOWN_CALL };
            const budgets = spent.unknownCalls ? (0,agents_budget/* tokenBudgets */.es)(plan, agent) : [];
            if (budgets.length && !warned.has(agent)) {
                warned.add(agent);
                input.warn?.(`autopilot: warning: ${agent} reported no token counts, so ${budgets.join(' and ')} cannot be enforced for its calls ` +
                    '(each still counts as a call; cap them with max-calls).');
            }
            const next = (0,agents_budget/* charge */.Ji)({ runUsage, ledger, agent: agent, usage: spent, now: now() });
            runUsage = next.runUsage;
            ledger = next.ledger;
            const snapshot = next.ledger;
            saving = saving
                .then(() => store.saveLedger(snapshot))
                .catch((e) => input.warn?.(`autopilot: warning: could not save the usage ledger: ${e.message}`));
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

// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
;// CONCATENATED MODULE: ./src/run/task-context.ts



/** Builds the context: opens the workspace, reads the base tree, the masker and the agents' ledger. */
async function createTaskContext(input) {
    const { plan, executor, store, callerEnv, reporter } = input;
    const workspace = input.workspace ?? (await (0,run_workspace/* openWorkspace */.O)(executor, input.repoRoot, input.workRoot));
    return {
        plan,
        baseCommit: input.baseCommit,
        baseTree: await workspace.repo.treeOf(input.baseCommit),
        workspace,
        executor,
        store,
        callerEnv,
        mask: (0,secrets/* planMasker */.Z_)(plan, callerEnv),
        agents: createAgentCalls({ plan, callerEnv, store, ledger: await store.loadLedger(), warn: message => reporter.event({ type: 'note', message, level: 'warning' }), planDir: input.planDir }),
        reporter,
        logRoot: input.logRoot,
        logBase: input.logBase ?? input.logRoot,
        backoffMs: input.backoffMs,
        carried: input.carried,
        noCache: input.noCache,
        planDir: input.planDir,
        rebaseFrom: input.rebaseFrom
    };
}
/** A best-effort failure, made visible: a reporter note instead of silence. */
function warnOnFailure(reporter, what) {
    return e => reporter.event({ type: 'note', level: 'warning', message: `autopilot: warning: ${what}: ${e.message ?? String(e)}` });
}


/***/ })

};
