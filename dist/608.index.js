export const id = 608;
export const ids = [608];
export const modules = {

/***/ 13608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runJob: () => (/* binding */ runJob)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/run/open-repo-plan.ts + 1 modules
var open_repo_plan = __webpack_require__(84670);
// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph_graph = __webpack_require__(1924);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(10308);
// EXTERNAL MODULE: ./src/state/manifest.ts
var state_manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/state/local-store.ts
var local_store = __webpack_require__(87922);
;// CONCATENATED MODULE: ./src/state/lock.ts
/**
 * One run of a plan at a time: a lock file created exclusively, holding the
 * owner's pid. A lock whose process is gone (a crash, kill -9) is taken over.
 */




/** `what` names the holder in the refusal (default: a run of this plan). */
async function acquireLock(file, what = 'autopilot run of this plan') {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const me = JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), since: new Date().toISOString() });
    let tookOverFrom;
    for (let tries = 0; tries < 20; tries++) {
        if (await createWith(file, me))
            return { tookOverFrom, release: () => (0,promises_.rm)(file, { force: true }) };
        const owner = await readLockOwner(file);
        if (owner && owner.host === (0,external_node_os_.hostname)() && isAlive(owner.pid)) {
            throw new errors/* StoppedError */.Ko(`another ${what} is in progress (pid ${owner.pid}, since ${owner.since}); ` +
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
/** The owner of lock `file` while its process lives; undefined when there is no lock or its owner is gone. */
async function liveOwner(file) {
    const owner = await readLockOwner(file);
    return owner?.pid && isAlive(owner.pid) ? owner : undefined;
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
;// CONCATENATED MODULE: ./src/state/log-files.ts
/**
 * Where a local run's logs and reports live, and which files belong to which
 * run: `.ai/logs/autopilot/<issue>-<ts>/<task>/...` plus `status-<issue>-<ts>.log`,
 * `summary-<issue>-<ts>.md` and `FAILED-<issue>-<ts>.log` beside it. `logs`
 * finds the latest run's files here; `clean --logs` prunes old runs.
 */


/** `.ai/logs/autopilot` of a repository. */
function logsRootOf(repoRoot) {
    return (0,external_node_path_.join)(repoRoot, '.ai', 'logs', 'autopilot');
}
/** A run's id in file names: `20261207T212428Z` (sorts by time). */
function runTimestamp(d) {
    return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
/** The names of one run's folder and report files, relative to the logs root. */
function runLogNames(issue, ts) {
    return {
        dir: `${issue}-${ts}`,
        status: `status-${issue}-${ts}.log`,
        summary: `summary-${issue}-${ts}.md`,
        failed: `FAILED-${issue}-${ts}.log`
    };
}
const REPORT = /^(status|summary|FAILED)-(?:(\d+)-)?(\d{8}T\d{6}Z)\.(log|md)$/;
/**
 * The logged runs of `issue`, oldest first. Report files from before issue
 * numbers were in their names (`status-<ts>.log`) count for the run whose
 * folder has the same timestamp.
 */
async function listLoggedRuns(logsRoot, issue) {
    let names;
    try {
        names = await readdir(logsRoot);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw e;
    }
    const runs = new Map();
    const prefix = `${issue}-`;
    for (const n of names) {
        if (!n.startsWith(prefix) || !/^\d{8}T\d{6}Z$/.test(n.slice(prefix.length)))
            continue;
        const ts = n.slice(prefix.length);
        runs.set(ts, { ts, dir: join(logsRoot, n), entries: [join(logsRoot, n)] });
    }
    for (const n of names) {
        const m = REPORT.exec(n);
        if (!m)
            continue;
        const [, , ofIssue, ts] = m;
        if (ofIssue !== undefined && Number(ofIssue) !== issue)
            continue;
        const run = runs.get(ts);
        if (run)
            run.entries.push(join(logsRoot, n));
        else if (ofIssue !== undefined)
            runs.set(ts, { ts, dir: join(logsRoot, `${issue}-${ts}`), entries: [join(logsRoot, n)] });
    }
    return [...runs.values()].sort((a, b) => a.ts.localeCompare(b.ts));
}
/**
 * Removes all but the `keep` newest runs of `issue`. Runs in `inUse` (their
 * folders hold logs the current manifest points to: tasks kept on resume)
 * are kept too. Returns the removed paths.
 */
async function pruneLoggedRuns(logsRoot, issue, keep, inUse) {
    const runs = await listLoggedRuns(logsRoot, issue);
    const old = runs.slice(0, Math.max(0, runs.length - keep)).filter(r => !inUse.has(r.dir));
    const removed = [];
    for (const r of old) {
        for (const e of r.entries) {
            await rm(e, { recursive: true, force: true });
            removed.push(e);
        }
    }
    return removed;
}

// EXTERNAL MODULE: ./src/invocation.ts
var invocation = __webpack_require__(58593);
// EXTERNAL MODULE: ./src/state/new-manifest.ts
var new_manifest = __webpack_require__(64281);
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

// EXTERNAL MODULE: external "node:tty"
var external_node_tty_ = __webpack_require__(7066);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __webpack_require__(28812);
;// CONCATENATED MODULE: ./src/report/live-board.ts
/**
 * Pure text of the live terminal display: one row per running task (its
 * current step, elapsed time and last output line), a line per finished task,
 * and a one-line total. The console reporter decides when to draw it.
 */

const SYMBOL = {
    pending: '·',
    running: '▶',
    succeeded: '✔',
    kept: '✔',
    cached: '↺',
    failed: '✖',
    denied: '⛔',
    blocked: '⊘',
    cancelled: '■'
};
// SGR codes: green, red, yellow, cyan, dim.
const COLOR = {
    pending: '2',
    running: '36',
    succeeded: '32',
    kept: '2',
    cached: '32',
    failed: '31',
    denied: '31',
    blocked: '33',
    cancelled: '33'
};
function painter(color) {
    const sgr = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
    return { status: (s, text) => sgr(COLOR[s], text), dim: text => sgr('2', text) };
}
/** Elapsed time as m:ss (h:mm:ss past an hour). */
function clock(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const pad = (n) => String(n).padStart(2, '0');
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
/** Output as one printable line: escapes and control characters a step printed would break the redraw. */
function printable(line) {
    // eslint-disable-next-line no-control-regex
    return line.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ').trim();
}
/**
 * Cuts `parts` (plain text and already-painted pieces) to `width` visible
 * characters. Painting is applied after cutting, so escapes are never cut.
 */
function fitPieces(pieces, width) {
    let left = width;
    let out = '';
    for (const p of pieces) {
        if (left <= 0)
            break;
        const chars = [...p.text];
        const text = chars.length > left ? chars.slice(0, Math.max(0, left - 1)).join('') + '…' : p.text;
        left -= Math.min(chars.length, left);
        out += p.paint ? p.paint(text) : text;
    }
    return out;
}
/** The row of a running task: `▶ build  step 2/3 npm test  0:12  › last output line`. */
function runningRow(t, now, width, paint) {
    const elapsed = t.startedAt === undefined ? '' : clock(now - t.startedAt);
    const step = t.step ? `step ${t.step.number}/${t.step.of} ${t.step.name}` : 'starting';
    return fitPieces([
        { text: `${SYMBOL.running} ${t.id}`, paint: s => paint.status('running', s) },
        { text: `  ${step}  ${elapsed}` },
        ...(t.lastLine ? [{ text: `  › ${t.lastLine}`, paint: paint.dim }] : [])
    ], width);
}
/** The line written once when a task finishes: `✔ build  succeeded  12.3 s`, `✔ lint  kept (earlier run)`. */
function finishedLine(t, durationMs, reason, width, paint) {
    const what = t.status === 'kept' ? 'kept (finished in an earlier run)' : t.status;
    const time = t.status === 'kept' || durationMs === undefined ? '' : `  ${(0,markdown/* formatDuration */.a3)(durationMs)}`;
    const why = reason ? `  ${reason.split('\n')[0]}` : '';
    return fitPieces([{ text: `${SYMBOL[t.status]} ${t.id}  ${what}`, paint: s => paint.status(t.status, s) }, { text: time }, { text: why, paint: paint.dim }], width);
}
/** The total: `3 done · 2 running · 4 left · 1:05` (and failures, when there are any). */
function totalLine(views, elapsedMs, width, paint) {
    const count = (f) => views.filter(v => f(v.status)).length;
    const done = count(s => s === 'succeeded' || s === 'cached' || s === 'kept');
    const bad = count(s => s === 'failed' || s === 'denied' || s === 'blocked' || s === 'cancelled');
    const running = count(s => s === 'running');
    const left = count(s => s === 'pending');
    const parts = [`${done} done`, ...(bad ? [`${bad} not landed`] : []), `${running} running`, `${left} left`, clock(elapsedMs)];
    return fitPieces([{ text: parts.join(' · '), paint: bad ? s => paint.status('failed', s) : paint.dim }], width);
}

;// CONCATENATED MODULE: ./src/report/kept.ts
function keptTracker() {
    const keepable = new Set();
    const stepped = new Set();
    return {
        runStarted(manifest) {
            for (const t of Object.values(manifest?.tasks ?? {}))
                if (t.status === 'succeeded' || t.status === 'cached')
                    keepable.add(t.id);
        },
        stepStarted(id) {
            const first = !stepped.has(id);
            stepped.add(id);
            return first && keepable.has(id);
        },
        holdsRunning: id => keepable.has(id),
        shown: (id, status) => (keepable.has(id) && !stepped.has(id) && (status === 'succeeded' || status === 'cached') ? 'kept' : status)
    };
}

;// CONCATENATED MODULE: ./src/report/console-reporter.ts
/**
 * Progress in a terminal. With a TTY: finished tasks as lines that scroll up,
 * and below them a live block redrawn in place (each running task's step,
 * elapsed time and last output line, then the total). Without one (CI logs,
 * pipes): one line per state change.
 */




/**
 * Whether to colour: node's own rules (`NO_COLOR`, `FORCE_COLOR`,
 * `NODE_DISABLE_COLORS`, `TERM=dumb`) on a terminal; off a terminal only
 * when `FORCE_COLOR` asks for it.
 */
function colorEnabled(env, tty) {
    const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    if (!tty && !forced)
        return false;
    return external_node_tty_.WriteStream.prototype.hasColors.call({}, 16, env);
}
function consoleReporter(opts) {
    const now = () => (opts.now ?? (() => new Date()))().getTime();
    const paint = painter(opts.color === true);
    const width = Math.max(20, (opts.columns ?? 80) - 1);
    const views = new Map(opts.levels.flat().map(id => [id, { id, status: 'pending' }]));
    const kept = keptTracker();
    let startedAt = now();
    let drawn = 0;
    let timer;
    let pending;
    const block = () => {
        const t = now();
        const rows = [...views.values()].filter(v => v.status === 'running').map(v => runningRow(v, t, width, paint));
        return [...rows, totalLine([...views.values()], t - startedAt, width, paint)].join('\n') + '\n';
    };
    // One write per redraw: the cursor moves, the lines above and the block land together.
    const redraw = (above = '') => {
        if (pending)
            clearTimeout(pending);
        pending = undefined;
        const text = block();
        opts.write((drawn ? `\x1b[${drawn}A\x1b[0J` : '') + above + text);
        drawn = text.split('\n').length - 1;
    };
    // Output can arrive thousands of lines a second; the block is redrawn at most ten times a second for it.
    const redrawSoon = () => {
        if (!pending)
            pending = setTimeout(() => redraw(), 100).unref();
    };
    const stop = () => {
        if (timer)
            clearInterval(timer);
        if (pending)
            clearTimeout(pending);
        timer = pending = undefined;
    };
    const plain = (id, status, reason) => opts.write((0,report_text/* statusLine */.Bs)(new Date(now()), id, status, reason) + '\n');
    const onTask = (e) => {
        const v = views.get(e.id) ?? { id: e.id, status: 'pending' };
        views.set(e.id, v);
        v.status = kept.shown(e.id, e.status);
        if (e.status === 'running') {
            v.startedAt = now();
            if (!opts.tty && !kept.holdsRunning(e.id))
                plain(e.id, 'running');
            if (opts.tty)
                redraw();
            return;
        }
        if (!opts.tty)
            return plain(e.id, v.status, e.record.reason);
        const duration = e.record.durationMs ?? (v.startedAt === undefined ? undefined : now() - v.startedAt);
        redraw(e.status === 'pending' ? '' : finishedLine(v, duration, e.record.reason, width, paint) + '\n');
    };
    return {
        event(e) {
            if (e.type === 'run-started') {
                startedAt = now();
                kept.runStarted(e.manifest);
                if (opts.tty) {
                    redraw();
                    if (opts.tickMs !== 0)
                        timer = setInterval(() => redraw(), opts.tickMs ?? 1000).unref();
                }
            }
            else if (e.type === 'task')
                onTask(e);
            else if (e.type === 'step-started') {
                const v = views.get(e.taskId);
                if (!v)
                    return;
                if (kept.stepStarted(e.taskId) && !opts.tty)
                    plain(e.taskId, 'running');
                v.step = { number: e.index + 1, of: e.of, name: e.name };
                v.lastLine = undefined;
                if (opts.tty)
                    redraw();
            }
            else if (e.type === 'output') {
                const v = views.get(e.taskId);
                const line = printable(e.line);
                if (!v || !line || !opts.tty)
                    return;
                v.lastLine = line;
                redrawSoon();
            }
            else if (e.type === 'note') {
                if (opts.tty)
                    redraw(`${e.message}\n`);
                else
                    opts.write(e.message + '\n');
            }
            else if (e.type === 'run-finished') {
                if (opts.tty)
                    redraw();
                stop();
            }
        },
        async close() {
            stop();
        }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/report/status-log.ts
/** status-<issue>-<ts>.log: one line per state change, appended as it happens. */



function statusLogReporter(file, now = () => new Date()) {
    const kept = keptTracker();
    // Synchronous on purpose: the line is on disk before the next state change, so a kill -9 loses nothing
    // that was reported.
    const line = (text) => (0,external_node_fs_.appendFileSync)(file, text + '\n');
    return {
        event(e) {
            if (e.type === 'run-started')
                kept.runStarted(e.manifest);
            else if (e.type === 'step-started' && kept.stepStarted(e.taskId))
                line((0,report_text/* statusLine */.Bs)(now(), e.taskId, 'running'));
            else if (e.type === 'task' && !(e.status === 'running' && kept.holdsRunning(e.id)))
                line((0,report_text/* statusLine */.Bs)(now(), e.id, kept.shown(e.id, e.status), e.record.reason));
            else if (e.type === 'note')
                line(`${now().toISOString()} note ${e.message}`);
        }
    };
}

// EXTERNAL MODULE: ./src/run/executor.ts + 2 modules
var run_executor = __webpack_require__(83615);
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

// EXTERNAL MODULE: ./src/run/workspace.ts + 1 modules
var run_workspace = __webpack_require__(80701);
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
    const graph = (0,graph_graph/* buildGraph */.ZG)(ids.map(id => ({ id, needs: needs[id] ?? [] })));
    const dependents = graph.dependents;
    const abort = new AbortController();
    const onInterrupt = () => abort.abort();
    input.signal?.addEventListener('abort', onInterrupt, { once: true });
    if (input.signal?.aborted)
        abort.abort();
    let breaker;
    /**
     * "Consecutive": tasks ending failed or denied one after another in the order they finish, with no task
     * landing in between (a landed task resets the count; blocked and cancelled tasks do not count).
     */
    let consecutive = 0;
    const consecutiveBreaker = `max-consecutive-failures (${input.maxConsecutiveFailures}) reached`;
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
    const ready = () => (0,graph_graph/* readyTasks */.aZ)(graph, ids.filter(id => state_manifest/* LANDABLE */.M.has(status[id])), ids.filter(id => status[id] !== 'pending'));
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
                    trip(consecutiveBreaker, false);
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
    const stopped = ids.filter(id => status[id] === 'pending');
    for (const id of stopped)
        set(id, 'cancelled', breaker ? `not started: ${breaker}` : 'not started: interrupted');
    // Failures counted while others ran in parallel can reach the limit when nothing is left to start: a breaker
    // that stopped nothing did not stop the run, so the run ends as failed (exit 1), not stopped (exit 3).
    if (breaker === consecutiveBreaker && stopped.length === 0)
        breaker = undefined;
    return { statuses: status, breaker, interrupted, maxConcurrent };
}
/** `failed`, `was denied`: how a status reads after a task's name. */
function outcome(s) {
    return s === 'failed' ? 'failed' : `was ${s}`;
}

// EXTERNAL MODULE: ./src/run/execute-task.ts + 1 modules
var execute_task = __webpack_require__(8736);
// EXTERNAL MODULE: ./src/run/integrate.ts
var integrate = __webpack_require__(47782);
// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
// EXTERNAL MODULE: ./src/run/task-context.ts + 3 modules
var task_context = __webpack_require__(41826);
;// CONCATENATED MODULE: ./src/state/manifest-saver.ts
/**
 * Below this size the whole manifest is rewritten on each change: a few tasks' worth. Above it, rewriting
 * on every change made bytes written grow with the plan (bench/: 36 KiB per task for 300 tasks at 64 KiB).
 */
const SMALL = 8 * 1024;
function manifestSaver(store, manifest) {
    let chain = Promise.resolve();
    let error;
    let wholeBytes = 0;
    const dirty = new Set();
    // A failed save (a full disk) must not stop later ones; the last outcome is what counts.
    const attempt = async (write) => {
        try {
            await write();
            error = undefined;
        }
        catch (e) {
            error = e;
        }
    };
    const whole = () => attempt(async () => {
        dirty.clear();
        manifest.updatedAt = new Date().toISOString();
        await store.saveManifest(manifest);
        wholeBytes = JSON.stringify(manifest).length;
    });
    const pieces = () => attempt(async () => {
        if (wholeBytes < SMALL)
            return await whole();
        const ids = [...dirty];
        dirty.clear();
        let journal = 0;
        for (const id of ids)
            journal = await store.saveTaskRecord(manifest, manifest.tasks[id]);
        if (journal > wholeBytes)
            await whole();
    });
    return {
        changed(id) {
            const idle = dirty.size === 0;
            dirty.add(id);
            if (idle)
                chain = chain.then(pieces);
        },
        async save() {
            chain = chain.then(whole);
            await chain;
            return error;
        }
    };
}

// EXTERNAL MODULE: ./src/run/branch-guard.ts
var branch_guard = __webpack_require__(18337);
// EXTERNAL MODULE: ./src/gates/branch-guard.ts
var gates_branch_guard = __webpack_require__(50854);
// EXTERNAL MODULE: ./src/git/branches.ts
var branches = __webpack_require__(58774);
// EXTERNAL MODULE: ./src/run/sandbox-gate.ts
var sandbox_gate = __webpack_require__(62588);
// EXTERNAL MODULE: ./src/run/baseline.ts
var baseline = __webpack_require__(59234);
;// CONCATENATED MODULE: ./src/run/baseline-hook.ts
/**
 * The one place the run path meets the baseline: run (or reuse) it before any
 * task, keep it in the manifest, and hand back what the scheduler and the
 * task runner need. Kept apart so `local-run.ts` gains three lines, not thirty.
 */


async function baselineHook(input) {
    const record = await (0,baseline/* runBaseline */.Ne)({ ...input, previous: input.previous?.baseline });
    input.manifest.baseline = record;
    for (const c of record?.checks ?? []) {
        if (!c.passed)
            input.reporter.event({ type: 'note', message: `baseline: \`${c.command}\` is ${baseline/* PRE_EXISTING */.AS} (exit ${c.exitCode} on the base)` });
    }
    const stop = (0,baseline/* baselineStop */.I6)(record);
    const judge = new baseline/* BaselineJudge */.Dx(record, input.plan.limits['max-regressions']);
    return {
        judge,
        guard() {
            const why = stop ?? judge.tripped();
            if (why)
                throw new errors/* BreakerTripped */.Xl(why);
        },
        summary: () => (0,baseline/* renderBaseline */.qL)(record)
    };
}

// EXTERNAL MODULE: ./src/run/plan-dir.ts
var plan_dir = __webpack_require__(23804);
// EXTERNAL MODULE: ./src/plan/plan-files.ts
var plan_files = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/run/setup.ts
var run_setup = __webpack_require__(41688);
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
        const offBy = opts.sandboxOffBy ?? (0,sandbox_gate/* sandboxOffInEnv */.Vu)(opts.env);
        const executor = opts.executor ?? new run_executor/* ProcessExecutor */.l(processRegistry(store.processesDir), { sandbox: offBy === undefined, share: (0,sandbox_gate/* sandboxShareInEnv */.Nd)(opts.env) });
        // Before anything runs: sandboxed, knowingly not, or refused (exit 3).
        const sandbox = await (0,sandbox_gate/* decideSandbox */.MF)({ executor, plan, offBy, enable: opts.enableSandbox });
        if (sandbox.note)
            opts.out(`${sandbox.note}\n`);
        if (opts.fresh)
            await store.reset();
        // Tasks read the decision from their plan: `sandbox: off` however it was turned off.
        const decided = sandbox.sandboxed ? loaded : { ...loaded, plan: { ...plan, sandbox: 'off' } };
        return await runWithLock({ opts, executor, loaded: decided, planFile, repoRoot, userGit, store });
    }
    finally {
        await lock.release();
    }
}
async function runWithLock(run) {
    const { opts, executor, loaded, repoRoot, userGit, store } = run;
    const declared = loaded.plan;
    const planPath = (0,external_node_path_.relative)(repoRoot, run.planFile);
    const previous = await store.loadManifest();
    const baseCommit = await resolveBase(userGit, declared, previous, opts.out, opts.rebase);
    await guardBranch(userGit, declared, errors/* EXIT */.dc.usage);
    const graph = (0,graph_graph/* buildGraph */.ZG)(declared.tasks);
    const order = (0,graph_graph/* topoOrder */.LI)(graph);
    const logsRoot = logsRootOf(repoRoot);
    await (0,files/* ensureIgnoredDir */.cc)(logsRoot);
    const { names, runLogDir } = await claimRunLogDir(logsRoot, declared.issue);
    const manifest = (0,new_manifest/* startManifest */.s)({ plan: declared, planHash: loaded.hash, planPath, baseCommit, previous });
    const workspace = await (0,run_workspace/* openWorkspace */.O)(executor, repoRoot, (0,run_workspace/* defaultWorkRoot */.p)(repoRoot, declared.issue, opts.env));
    // The plan folder as it is now in the checkout (committed or not), read-only to steps at $AUTOPILOT_PLAN_DIR.
    const planDir = await (0,plan_dir/* snapshotPlanDir */.hQ)(repoRoot, (0,plan_files/* planFolderOf */.Zv)(run.planFile, repoRoot), (0,external_node_path_.join)(workspace.root, 'plan-dir'), (0,external_node_path_.basename)(run.planFile));
    workspace.shared.push({ source: planDir.dir, dest: planDir.dir });
    const plan = (0,plan_dir/* withPlanDir */.jT)(declared, planDir);
    // Read before any step runs, so nothing a step writes can change who the commits are by.
    const identity = opts.identity ?? { author: (0,git/* parseIdentity */.aZ)(plan.pr.author) ?? (await userGit.userIdentity(opts.env)) ?? git/* AUTOPILOT_IDENT */.r$ };
    const reporter = composite(consoleReporter({
        write: opts.out,
        tty: opts.isTTY,
        levels: (0,graph_graph/* levels */.yr)(graph),
        columns: process.stdout.columns,
        color: colorEnabled(opts.env, opts.isTTY)
    }), statusLogReporter((0,external_node_path_.join)(logsRoot, names.status)));
    const saver = manifestSaver(store, manifest);
    await saver.save();
    reporter.event({ type: 'run-started', manifest });
    const mask = (0,secrets/* planMasker */.Z_)(plan, opts.env);
    const setup = await (0,run_setup/* prepareSetup */.X)({
        plan,
        baseCommit,
        workspace,
        executor,
        callerEnv: opts.env,
        mask,
        reporter,
        layersRoot: (0,external_node_path_.join)((0,external_node_path_.dirname)(workspace.root), 'setup'),
        logDir: (0,external_node_path_.join)(runLogDir, '_setup'),
        signal: opts.signal
    });
    const ctx = await (0,task_context/* createTaskContext */.j)({
        plan,
        baseCommit,
        executor,
        store,
        repoRoot,
        workspace,
        callerEnv: opts.env,
        reporter,
        logRoot: runLogDir,
        logBase: repoRoot,
        backoffMs: opts.backoffMs ?? 1000,
        noCache: opts.fresh,
        // Records carried over from the previous run, before statuses start changing.
        carried: new Map(Object.values(manifest.tasks).map(r => [r.id, { ...r }])),
        // The run being moved by --rebase: its finished tasks are replayed on the new base, not re-run.
        rebaseFrom: opts.rebase && previous && previous.baseCommit !== baseCommit ? new Map(Object.values(previous.tasks).map(r => [r.id, r])) : undefined,
        planDir
    });
    ctx.setup = setup;
    const baseline = await baselineHook({ plan, baseCommit, workspace, executor, callerEnv: opts.env, mask, manifest, previous, reporter, signal: opts.signal, setup });
    ctx.baseline = baseline.judge;
    await saver.save();
    const results = new Map();
    const samePlan = previous !== undefined && previous.planHash === loaded.hash && previous.baseCommit === baseCommit;
    const landing = {
        plan,
        planPath,
        order,
        baseCommit,
        date: manifest.startedAt,
        workspace,
        identity,
        previous: samePlan ? previous.commits : undefined,
        previousDiffstats: samePlan ? previous.diffstats : undefined,
        secrets: (0,secrets/* namedSecrets */.pr)(plan, opts.env),
        mask
    };
    // Tasks land on the base as they finish, in topological order, while later ones still run; the
    // branch guard below uses these commits unless the user stacks on someone else's (`--onto-branch`).
    const streamed = (0,integrate/* startIntegration */.f8)(landing);
    let outcome;
    try {
        outcome = await schedule({
            ids: order,
            needs: Object.fromEntries(plan.tasks.map(t => [t.id, t.needs])),
            concurrency: opts.jobs ?? plan.limits['max-parallel'] ?? (0,external_node_os_.cpus)().length,
            run: async (id, signal) => {
                baseline.guard();
                const result = await (0,execute_task/* executeTask */.d)(ctx, id, (0,graph_graph/* ancestors */.T1)(graph, id).map(d => results.get(d)), signal).catch(e => {
                    // The state folder cannot be written (full disk, permissions): stop cleanly; what was saved stays.
                    if (e.code)
                        throw new errors/* BreakerTripped */.Xl(stateWriteProblem(e));
                    throw e;
                });
                manifest.tasks[id] = result.record;
                results.set(id, result);
                return result.record.status;
            },
            onStatus: (id, status, reason) => {
                const rec = manifest.tasks[id];
                rec.status = status;
                if (reason)
                    rec.reason = reason;
                if (status === 'running')
                    rec.startedAt = new Date().toISOString();
                saver.changed(id);
                reporter.event({ type: 'task', id, status, record: rec });
                void streamed.offer(id, status, results.get(id));
            },
            maxConsecutiveFailures: plan.limits['max-consecutive-failures'],
            maxRuntimeMs: plan.limits['max-runtime-minutes'] !== undefined ? plan.limits['max-runtime-minutes'] * 60_000 : undefined,
            signal: opts.signal
        });
    }
    finally {
        await workspace.close().catch((0,task_context/* warnOnFailure */.y)(reporter, 'could not remove the worktrees of this run'));
    }
    manifest.breaker = outcome.breaker ?? (outcome.interrupted ? 'interrupted' : undefined);
    manifest.usage = (0,markdown/* usageTotal */.Mq)(manifest);
    // The branch is inspected once every task has finished (the branch guard): the streamed commits are
    // kept when they go on the base, else the tasks are integrated again onto the branch's tip.
    const integrated = await (0,branch_guard/* integrateGuarded */.Wg)({
        ...landing,
        results,
        streamed,
        home: opts.branchHome ?? { remote: repoRoot },
        branch: manifest.branch,
        recorded: await store.loadDelivered(),
        choice: opts.branchChoice ?? { ontoBranch: false, force: false },
        how: (0,branch_guard/* cliHints */.$d)(opts.planArg)
    });
    manifest.commits = integrated.commits;
    manifest.diffstats = integrated.diffstats;
    manifest.gates = integrated.gates;
    let delivered;
    if (!integrated.problem && Object.keys(integrated.commits).length > 0) {
        // Again at the end: the user may have checked the branch out while the run went on.
        await guardBranch(userGit, plan, errors/* EXIT */.dc.taskFailed);
        delivered = await deliverBranch(workspace.repo, userGit, manifest.branch, integrated.head);
        if (!opts.branchHome)
            await store.saveDelivered({ branch: manifest.branch, head: integrated.head, at: new Date().toISOString() });
    }
    manifest.finishedAt = new Date().toISOString();
    const saveError = await saver.save();
    // A copy per run beside its logs: `.ai/runs/` keeps only the latest, `autopilot history` reads them all.
    await (0,promises_.writeFile)((0,external_node_path_.join)(runLogDir, 'manifest.json'), JSON.stringify(manifest) + '\n').catch((0,task_context/* warnOnFailure */.y)(reporter, 'could not keep a copy of the manifest beside the logs'));
    if (saveError)
        throw new errors/* AutopilotError */.Wz(stateWriteProblem(saveError), errors/* EXIT */.dc.stopped);
    reporter.event({ type: 'run-finished', manifest });
    await reporter.close?.();
    return await writeReports({ run, plan, manifest, integrated, delivered, logsRoot, runLogDir, names, mask: ctx.mask, baselineSummary: baseline.summary() });
}
/** The summary, the failure report and the closing lines; the run's result. */
async function writeReports(input) {
    const { run, manifest, integrated, delivered, logsRoot, runLogDir, names, mask } = input;
    const { opts, repoRoot } = run;
    const plan = input.plan;
    const allLanded = plan.tasks.every(t => state_manifest/* LANDABLE */.M.has(manifest.tasks[t.id].status));
    const summaryFile = (0,external_node_path_.join)(logsRoot, names.summary);
    const summary = mask((0,markdown/* renderSummary */.Br)({
        plan,
        manifest,
        logsLocation: (0,external_node_path_.relative)(repoRoot, runLogDir),
        logLink: r => (r.log ? (0,external_node_path_.relative)(logsRoot, (0,external_node_path_.join)(repoRoot, r.log)) : undefined)
    }));
    await (0,promises_.writeFile)(summaryFile, (integrated.problem ? `${summary}\n**Integration:** ${integrated.problem}\n` : summary) + mask(input.baselineSummary));
    let failedFile;
    if (!allLanded || integrated.problem) {
        failedFile = (0,external_node_path_.join)(logsRoot, names.failed);
        await (0,promises_.writeFile)(failedFile, mask((0,report_text/* renderFailedLog */.cS)({ plan, manifest, planArg: opts.planArg ?? '', problem: integrated.problem, invocation: opts.invocation })));
    }
    opts.out('\n' + (0,report_text/* finalTable */.bh)(plan, manifest) + '\n\n');
    if (manifest.breaker)
        opts.out(`stopped: ${manifest.breaker}\n`);
    if (delivered)
        opts.out(`branch: ${delivered} (${Object.keys(integrated.commits).length} commits)\n`);
    if (integrated.problem)
        opts.out(`not delivered: ${integrated.problem}\n`);
    opts.out(`summary: ${(0,external_node_path_.relative)(opts.cwd, summaryFile)}\nlogs: ${(0,external_node_path_.relative)(opts.cwd, runLogDir)}\n`);
    if (failedFile)
        opts.out(`failure report: ${(0,external_node_path_.relative)(opts.cwd, failedFile)}\nto resume: ${(0,invocation/* suggestCommand */.Wr)(opts.invocation, `run ${opts.planArg ?? ''}`)}\n`);
    const exitCode = manifest.breaker ? errors/* EXIT */.dc.stopped : allLanded && !integrated.problem ? errors/* EXIT */.dc.ok : errors/* EXIT */.dc.taskFailed;
    return {
        exitCode,
        manifest,
        summaryFile,
        failedFile,
        branch: delivered,
        integrationProblem: integrated.problem,
        head: integrated.head,
        tipBefore: integrated.tip,
        checked: integrated.checked ?? []
    };
}
/** The base commit: the plan's `base`, else the one a resumed run started from, else HEAD. */
async function resolveBase(git, plan, previous, out, rebase) {
    const ref = rebase ?? plan.base ?? 'HEAD';
    const commit = await git.resolveCommit(ref);
    if (!commit) {
        throw new errors/* AutopilotError */.Wz(rebase
            ? `--rebase: "${rebase}" is not a commit in this repository`
            : plan.base
                ? `base "${plan.base}" is not a commit in this repository (plan field \`base\`)`
                : 'the repository has no commit yet; commit something first');
    }
    const head = commit;
    if (rebase) {
        if (previous && previous.baseCommit !== head)
            out(`autopilot: rebasing the run from ${previous.baseCommit.slice(0, 12)} onto ${head.slice(0, 12)}\n`);
        return head;
    }
    if (!plan.base && previous && previous.baseCommit !== head) {
        out(`autopilot: resuming from base ${previous.baseCommit.slice(0, 12)} (HEAD is now ${head.slice(0, 12)}; ` +
            'use --rebase to move the run onto HEAD, keeping finished tasks whose changes still apply, or --fresh to start over)\n');
        return previous.baseCommit;
    }
    return head;
}
/** Refuses a plan whose branch is the repository's default branch or one the user has checked out. */
async function guardBranch(user, plan, exitCode) {
    const problem = (0,gates_branch_guard/* branchProblem */.MT)({
        branch: (0,schema/* branchName */.at)(plan),
        allowOutside: plan.pr['allow-branch-outside-autopilot'],
        defaultBranch: await (0,branches/* originDefaultBranch */.g)(user),
        checkedOut: await (0,branches/* checkedOutBranches */.S)(user)
    });
    if (problem)
        throw new errors/* AutopilotError */.Wz(`autopilot will not deliver: ${problem}`, exitCode);
}
/** Points the branch at `head` in the private clone, then fetches it into the user's repository. */
async function deliverBranch(repo, user, branch, head) {
    await repo.updateRef(`refs/heads/${branch}`, head);
    const problem = await user.fetchBranch(repo.cwd, branch);
    if (problem !== undefined) {
        throw new errors/* AutopilotError */.Wz(`could not update branch ${branch} in your repository: ${problem}. ` +
            'If it is checked out, switch to another branch and run again (finished tasks are kept).', errors/* EXIT */.dc.taskFailed);
    }
    return branch;
}
function stateWriteProblem(e) {
    return (`cannot write autopilot's state (${e.message}). Free disk space or fix permissions, then run again: ` +
        'tasks already saved under .ai/runs/ are kept');
}
/**
 * A log folder of this run's own: two runs of a plan within one second (a quick failure, then `--fresh`) would
 * otherwise share one, and the second would overwrite the first's manifest copy that `autopilot history` reads.
 * The second is claimed atomically (mkdir fails on an existing folder); the next free second is taken.
 */
async function claimRunLogDir(logsRoot, issue) {
    for (let at = Date.now();; at += 1000) {
        const names = runLogNames(issue, runTimestamp(new Date(at)));
        const runLogDir = (0,external_node_path_.join)(logsRoot, names.dir);
        try {
            await (0,promises_.mkdir)(runLogDir);
            return { names, runLogDir };
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
}

// EXTERNAL MODULE: ./src/action/open.ts
var action_open = __webpack_require__(85880);
// EXTERNAL MODULE: ./src/run/enable-namespaces.ts
var enable_namespaces = __webpack_require__(81151);
// EXTERNAL MODULE: ./src/action/deliver.ts
var deliver = __webpack_require__(76607);
// EXTERNAL MODULE: ./src/action/finalize-job.ts
var finalize_job = __webpack_require__(21512);
// EXTERNAL MODULE: ./src/action/identity.ts
var identity = __webpack_require__(2634);
;// CONCATENATED MODULE: ./src/action/run-job.ts
/**
 * `command: run`: the whole plan in one job with the local engine (state in
 * the runner's workspace), then the same delivery as `finalize`.
 */








async function runJob(settings, runner) {
    const { loaded, planArg, userGit, executor, sandboxOffBy } = await (0,action_open/* openActionPlan */.U)(settings, runner);
    const plan = loaded.plan;
    if (settings.dryRun)
        return await (0,finalize_job.dryRunReport)(plan, runner);
    const result = await runLocal({
        planArg,
        cwd: runner.context.workspace,
        env: { ...runner.env, AUTOPILOT_WORK_DIR: runner.env.AUTOPILOT_WORK_DIR ?? `${runner.context.tempDir}/autopilot-work` },
        jobs: settings.maxParallel,
        out: text => runner.info(text.replace(/\n$/, '')),
        isTTY: false,
        executor,
        sandboxOffBy,
        enableSandbox: (0,enable_namespaces/* hostEnabler */.wE)(executor),
        branchChoice: settings,
        branchHome: await (0,deliver/* originHome */.W)(userGit, settings.prToken, runner),
        identity: (0,identity/* actionIdentity */.L)(settings, plan, runner.env),
        rebase: settings.rebase
    });
    const m = result.manifest;
    const delivered = await (0,deliver/* deliver */.c)({
        runner,
        settings,
        plan,
        manifest: m,
        integration: { commits: m.commits ?? {}, head: result.head, gates: m.gates ?? [], problem: result.integrationProblem, checked: result.checked },
        repo: userGit,
        checkout: userGit,
        mask: (0,secrets/* planMasker */.Z_)(plan, runner.env),
        lease: result.tipBefore
    });
    if (delivered.problem && !result.integrationProblem)
        throw new errors/* TaskFailedError */.zX(`autopilot #${plan.issue}: ${delivered.problem}`, '');
    if (result.exitCode !== 0)
        throw new errors/* TaskFailedError */.zX(`autopilot #${plan.issue} did not complete (exit ${result.exitCode}); see the summary`, '');
}


/***/ })

};
