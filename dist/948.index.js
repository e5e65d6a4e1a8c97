export const id = 948;
export const ids = [948];
export const modules = {

/***/ 10308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   r$: () => (/* binding */ AUTOPILOT_IDENT)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The one git wrapper: every git command autopilot runs goes through here,
 * with hooks and fsmonitor disabled so that nothing a task wrote into a
 * repository's config or hooks can run in autopilot's own process.
 */

/** Who autopilot's commits are by. */
const AUTOPILOT_IDENT = { name: 'autopilot', email: 'autopilot@users.noreply.github.com' };
const SAFE_CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off'];
/**
 * Only the repository's own config counts for autopilot's git: a step may have
 * written ~/.gitconfig (HOME is passed to steps), and the private clone's
 * config is read-only to sandboxed steps.
 */
const ISOLATED_CONFIG_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
class GitError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz {
    args;
    stderr;
    exitCodeOfGit;
    name = 'GitError';
    constructor(args, stderr, exitCodeOfGit) {
        super(`git ${args.join(' ')} failed (exit ${exitCodeOfGit}): ${stderr.trim()}`, 1);
        this.args = args;
        this.stderr = stderr;
        this.exitCodeOfGit = exitCodeOfGit;
    }
}
class Git {
    exec;
    cwd;
    env;
    constructor(exec, cwd, env = {}) {
        this.exec = exec;
        this.cwd = cwd;
        this.env = env;
    }
    /** The same wrapper, in another directory. */
    at(cwd) {
        return new Git(this.exec, cwd, this.env);
    }
    /**
     * The wrapper for a worktree, with its git dir pinned: a step may rewrite the
     * worktree's `.git` file to point at a repository (and config) of its own.
     */
    async pinnedWorktree(path) {
        const gitDir = await this.at(path).text(['rev-parse', '--absolute-git-dir']);
        return new Git(this.exec, path, { ...this.env, GIT_DIR: gitDir, GIT_WORK_TREE: path });
    }
    /** Runs git; resolves with the raw result whatever the exit code. */
    async raw(args, stdin, extraEnv = {}) {
        return await this.exec.runTool({
            argv: ['git', ...SAFE_CONFIG, ...args],
            cwd: this.cwd,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...ISOLATED_CONFIG_ENV, ...this.env, ...extraEnv },
            stdin
        });
    }
    /** Runs git and returns stdout as bytes; throws GitError on failure. */
    async bytes(args, stdin, extraEnv) {
        const r = await this.raw(args, stdin, extraEnv);
        if (r.exitCode !== 0)
            throw new GitError(args, r.stderr, r.exitCode);
        return r.stdout;
    }
    /** Runs git and returns trimmed stdout; throws GitError on failure. */
    async text(args, stdin, extraEnv) {
        return (await this.bytes(args, stdin, extraEnv)).toString('utf8').trim();
    }
    /** A GitRunner for src/git/changes.ts. */
    runner() {
        return args => this.bytes(args);
    }
    async topLevel() {
        return await this.text(['rev-parse', '--show-toplevel']);
    }
    async commitOf(ref) {
        return await this.text(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    }
    async treeOf(ref) {
        return await this.text(['rev-parse', `${ref}^{tree}`]);
    }
    /** `git add -A` then the tree the index now holds. */
    async stageAll() {
        await this.bytes(['add', '-A']);
        return await this.text(['write-tree']);
    }
    /** Paths that differ between two trees (or commits), for messages naming what changed. */
    async changedPaths(from, to) {
        const out = await this.text(['diff-tree', '-r', '-z', '--name-only', '--no-renames', '--no-ext-diff', from, to]);
        return out.split('\0').filter(Boolean);
    }
    /** Binary-safe patch of the index against `base`, new files included. */
    async stagedPatch(base) {
        // Every option that config could change is pinned: a step may have written the clone's config
        // (diff.noprefix would move paths, a textconv driver would run code here).
        return await this.bytes([
            'diff', '--cached', '--binary', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
            '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/', '--no-renames', base
        ]);
    }
    /** Applies a patch to the index and the work tree; throws with git's reason on conflict. */
    async apply(patchFile) {
        await this.bytes(['apply', '--index', '--binary', '--whitespace=nowarn', patchFile]);
    }
    /** Commits the index with a fixed identity and date (so a resumed run builds the same commits). */
    async commit(message, date) {
        const env = {
            GIT_AUTHOR_NAME: AUTOPILOT_IDENT.name,
            GIT_AUTHOR_EMAIL: AUTOPILOT_IDENT.email,
            GIT_COMMITTER_NAME: AUTOPILOT_IDENT.name,
            GIT_COMMITTER_EMAIL: AUTOPILOT_IDENT.email,
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_DATE: date
        };
        await this.bytes(['commit', '--quiet', '--allow-empty', '--no-verify', '--no-gpg-sign', '-F', '-'], message, env);
        return await this.text(['rev-parse', 'HEAD']);
    }
    async worktreeAdd(path, commit) {
        await this.bytes(['worktree', 'add', '--detach', '--force', '--quiet', path, commit]);
    }
    async worktreeRemove(path) {
        const r = await this.raw(['worktree', 'remove', '--force', '--force', path]);
        // Only when `remove` could not (e.g. the folder is already gone): `prune` scans every worktree.
        if (r.exitCode !== 0)
            await this.raw(['worktree', 'prune']);
    }
    /** Worktree paths registered in this repository (the main one excluded). */
    async worktrees() {
        const out = await this.text(['worktree', 'list', '--porcelain']);
        const paths = out
            .split('\n')
            .filter(l => l.startsWith('worktree '))
            .map(l => l.slice('worktree '.length));
        return paths.slice(1);
    }
}


/***/ }),

/***/ 1924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ topoOrder),
/* harmony export */   T1: () => (/* binding */ ancestors),
/* harmony export */   ZG: () => (/* binding */ buildGraph),
/* harmony export */   p4: () => (/* binding */ findCycles),
/* harmony export */   yr: () => (/* binding */ levels)
/* harmony export */ });
/* unused harmony exports CycleError, criticalPathInfo, criticalPath, dependentsClosure, readyTasks, findCycle */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The task DAG as plain, serialisable data, and the pure questions asked of it:
 * levels, a stable topological order, the critical path, closures, ready sets, cycles.
 */

/** The graph is not a DAG: `cycle` is its path, e.g. `['a', 'b', 'a']` (a needs b, b needs a). */
class CycleError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz {
    cycle;
    name = 'CycleError';
    constructor(cycle) {
        super(`dependency cycle: ${cycle.join(' -> ')}`);
        this.cycle = cycle;
    }
}
/**
 * Build the graph. Throws AutopilotError on a duplicate id or a `needs` naming
 * no task (a validated plan has neither). Cycles are kept so `findCycle` can
 * name them; the ordering functions throw CycleError on them.
 */
function buildGraph(tasks) {
    const ids = tasks.map((t) => t.id);
    const known = new Set();
    for (const id of ids) {
        if (known.has(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`duplicate task id "${id}"`);
        known.add(id);
    }
    const needs = new Map();
    const dependents = new Map(ids.map((id) => [id, []]));
    const estimates = [];
    for (const t of tasks) {
        const own = [...new Set(t.needs)];
        for (const n of own) {
            if (!known.has(n))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`task "${t.id}" needs unknown task "${n}"`);
            dependents.get(n).push(t.id);
        }
        needs.set(t.id, own);
        if (t['estimate-minutes'] !== undefined)
            estimates.push([t.id, t['estimate-minutes']]);
    }
    return {
        ids,
        needs: Object.fromEntries(needs),
        dependents: Object.fromEntries(dependents),
        estimates: Object.fromEntries(estimates)
    };
}
function indexOf(g) {
    return new Map(g.ids.map((id, i) => [id, i]));
}
/**
 * Levels by Kahn's algorithm: level 0 holds the tasks with no needs, and a task
 * sits one level after the deepest of its needs. Inside a level, plan order.
 */
function levels(g) {
    const index = indexOf(g);
    const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]));
    const out = [];
    let frontier = g.ids.filter((id) => waiting.get(id) === 0);
    let placed = 0;
    while (frontier.length > 0) {
        out.push(frontier);
        placed += frontier.length;
        const next = [];
        for (const id of frontier) {
            for (const d of g.dependents[id]) {
                const left = waiting.get(d) - 1;
                waiting.set(d, left);
                if (left === 0)
                    next.push(d);
            }
        }
        frontier = next.sort((a, b) => index.get(a) - index.get(b));
    }
    if (placed < g.ids.length)
        throw new CycleError(findCycle(g));
    return out;
}
/** A topological order that keeps plan order wherever the dependencies allow it. */
function topoOrder(g) {
    const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]));
    const done = new Set();
    const order = [];
    while (order.length < g.ids.length) {
        // The earliest task in plan order whose needs are all placed; plans are small, so a scan is fine.
        const next = g.ids.find((id) => !done.has(id) && waiting.get(id) === 0);
        if (next === undefined)
            throw new CycleError(findCycle(g));
        done.add(next);
        order.push(next);
        for (const d of g.dependents[next])
            waiting.set(d, waiting.get(d) - 1);
    }
    return order;
}
/**
 * The longest chain of needs. Weighted by `estimate-minutes` when every task
 * gives one; otherwise each task counts 1 (a partial set of estimates would
 * make unestimated tasks look free). Ties go to the earlier task in plan order.
 */
function criticalPathInfo(g) {
    const unit = g.ids.length > 0 && g.ids.every((id) => id in g.estimates) ? 'minutes' : 'tasks';
    const weight = (id) => (unit === 'minutes' ? g.estimates[id] : 1);
    const best = new Map();
    const prev = new Map();
    for (const id of topoOrder(g)) {
        let from;
        for (const n of g.needs[id])
            if (from === undefined || best.get(n) > best.get(from))
                from = n;
        best.set(id, weight(id) + (from === undefined ? 0 : best.get(from)));
        prev.set(id, from);
    }
    let end;
    for (const id of g.ids)
        if (end === undefined || best.get(id) > best.get(end))
            end = id;
    const path = [];
    for (let at = end; at !== undefined; at = prev.get(at))
        path.unshift(at);
    return { path, length: end === undefined ? 0 : best.get(end), unit };
}
/** The critical path's task ids, first to last. */
function criticalPath(g) {
    return criticalPathInfo(g).path;
}
function closure(g, id, edges) {
    const seen = new Set();
    const stack = [...(edges[id] ?? [])];
    while (stack.length > 0) {
        const next = stack.pop();
        if (seen.has(next))
            continue;
        seen.add(next);
        stack.push(...edges[next]);
    }
    return topoOrder(g).filter((x) => seen.has(x));
}
/** Every task that transitively needs `id` (what a failure of `id` blocks), in topological order. */
function dependentsClosure(g, id) {
    return closure(g, id, g.dependents);
}
/** Every task `id` transitively needs, in topological order (the order to apply their patches). */
function ancestors(g, id) {
    return closure(g, id, g.needs);
}
/** Tasks not yet started whose needs are all finished, in plan order. */
function readyTasks(g, finished, started = []) {
    const done = new Set(finished);
    const taken = new Set([...done, ...started]);
    return g.ids.filter((id) => !taken.has(id) && g.needs[id].every((n) => done.has(n)));
}
/** One cycle, e.g. `['a', 'b', 'c', 'a']` (a needs b needs c needs a), or undefined for a DAG. */
function findCycle(g) {
    return findCycles(g)[0];
}
/**
 * One cycle per strongly connected component (Tarjan), so a tangle is reported
 * once rather than once per back edge. Each starts and ends at the component's
 * earliest task in plan order and is the shortest way round, following `needs`.
 */
function findCycles(g) {
    const index = indexOf(g);
    const order = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const components = [];
    const visit = (v) => {
        order.set(v, order.size);
        low.set(v, order.get(v));
        stack.push(v);
        onStack.add(v);
        for (const w of g.needs[v]) {
            if (!order.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v), low.get(w)));
            }
            else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v), order.get(w)));
            }
        }
        if (low.get(v) === order.get(v)) {
            const component = [];
            let w;
            do {
                w = stack.pop();
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            if (component.length > 1 || g.needs[v].includes(v))
                components.push(component);
        }
    };
    for (const id of g.ids)
        if (!order.has(id))
            visit(id);
    return components
        .map((c) => shortestLoop(g, c, index))
        .sort((a, b) => index.get(a[0]) - index.get(b[0]));
}
/** Breadth-first from the component's earliest task back to itself, inside the component. */
function shortestLoop(g, component, index) {
    const members = new Set(component);
    const start = component.reduce((a, b) => (index.get(a) <= index.get(b) ? a : b));
    const parent = new Map();
    const queue = [start];
    while (queue.length > 0) {
        const v = queue.shift();
        for (const w of g.needs[v]) {
            if (!members.has(w))
                continue;
            if (w === start) {
                const path = [start];
                for (let at = v; at !== start && at !== undefined; at = parent.get(at))
                    path.splice(1, 0, at);
                return [...path, start];
            }
            if (!parent.has(w)) {
                parent.set(w, v);
                queue.push(w);
            }
        }
    }
    return [start, start]; // unreachable for a real component
}


/***/ }),

/***/ 61312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ globProblem),
/* harmony export */   B: () => (/* binding */ relativePathProblem)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
// Checks for the repository-relative paths and globs a plan names (`paths`, `working-directory`...).

const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:)/;
/** Why `p` is not a safe repository-relative path, or undefined when it is. */
function relativePathProblem(p) {
    if (ABSOLUTE.test(p))
        return `"${p}" is absolute; use a path relative to the repository root`;
    if (p.split(/[\\/]/).includes('..'))
        return `"${p}" climbs out with ".."; paths must stay inside the repository`;
    return undefined;
}
/**
 * Why `glob` is not a usable path glob, or undefined when it is. Negation is
 * refused because a list of globs is a union here: `gates.deny-paths` says "not".
 */
function globProblem(glob) {
    const rel = relativePathProblem(glob);
    if (rel)
        return rel;
    if (glob.startsWith('!'))
        return `"${glob}" is negated; list what may change, and use gates.deny-paths for exclusions`;
    try {
        // strictBrackets turns an unbalanced [ { ( into an error instead of a literal character.
        picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(glob, { strictBrackets: true });
    }
    catch (e) {
        const message = e.message;
        const unbalanced = /^Missing closing: "(.)"/.exec(message);
        return `invalid glob "${glob}": ${unbalanced ? `missing a closing "${unbalanced[1]}"` : message}`;
    }
    return undefined;
}


/***/ }),

/***/ 60005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ loadPlan),
  v: () => (/* binding */ parsePlan)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph_graph = __webpack_require__(1924);
;// CONCATENATED MODULE: ./src/graph/overlaps.ts
/**
 * Plan-time warning for tasks of the same level whose `paths` may overlap: their
 * patches are made in parallel from the same base and may conflict when landed.
 *
 * The test is a sound approximation (no false negatives, some false positives),
 * built on each glob's static base from `picomatch.scan` (`docs/**` -> `docs`):
 * - two literal paths overlap when equal or one is a directory above the other;
 * - a literal and a glob overlap when the glob matches the literal, or the
 *   literal is the glob's base or a directory above it;
 * - two globs overlap when one base is the other's or a directory above it
 *   (`src/**\/*.ts` and `src/**\/*.md` are flagged although disjoint).
 * A glob matches only below its base, so globs with unrelated bases cannot overlap.
 */


/** Every pair of same-level tasks with possibly overlapping paths (first overlapping globs named). */
function overlaps(plan) {
    const g = (0,graph_graph/* buildGraph */.ZG)(plan.tasks);
    const byId = new Map(plan.tasks.map((t, i) => [t.id, { task: t, index: i }]));
    const shared = plan.gates?.['allow-paths'] ?? [];
    const out = [];
    // Every pair of a level is compared: scan each glob once, not once per pair (1,000 tasks: 500,000 pairs).
    const scans = new Map();
    (0,graph_graph/* levels */.yr)(g).forEach((level, levelIndex) => {
        for (let j = 1; j < level.length; j++) {
            const later = byId.get(level[j]);
            const laterGlobs = later.task.paths ?? shared;
            for (let i = 0; i < j; i++) {
                const earlier = byId.get(level[i]);
                const earlierGlobs = earlier.task.paths ?? shared;
                const hit = firstOverlap(earlierGlobs, laterGlobs, scans);
                if (!hit)
                    continue;
                const [ga, gb, k] = hit;
                const shown = (glob, own) => `"${glob}"${own ? '' : ' (gates.allow-paths)'}`;
                out.push({
                    path: later.task.paths ? ['tasks', later.index, 'paths', k] : ['tasks', later.index],
                    message: `tasks "${earlier.task.id}" and "${later.task.id}" run in parallel (level ${levelIndex}) and may both change ` +
                        `files matching ${shown(ga, earlier.task.paths !== undefined)} and ${shown(gb, later.task.paths !== undefined)}; ` +
                        'their patches may conflict (add a need or narrow "paths")',
                    level: levelIndex,
                    tasks: [earlier.task.id, later.task.id],
                    globs: [ga, gb]
                });
            }
        }
    });
    return out;
}
function firstOverlap(a, b, scans) {
    for (let k = 0; k < b.length; k++)
        for (const ga of a)
            if (globsMayOverlap(ga, b[k], scans))
                return [ga, b[k], k];
    return undefined;
}
function scanned(glob, scans) {
    let s = scans.get(glob);
    if (!s) {
        const r = picomatch_default().scan(glob);
        s = { isGlob: r.isGlob, base: trimSlash(r.base) };
        scans.set(glob, s);
    }
    return s;
}
/** Whether some path could match both globs (sound: never false when one exists). */
function globsMayOverlap(a, b, scans = new Map()) {
    const sa = scanned(a, scans);
    const sb = scanned(b, scans);
    if (!sa.isGlob && !sb.isGlob)
        return within(sa.base, sb.base) || within(sb.base, sa.base);
    if (!sa.isGlob)
        return literalMeetsGlob(sa.base, b, sb);
    if (!sb.isGlob)
        return literalMeetsGlob(sb.base, a, sa);
    return within(sa.base, sb.base) || within(sb.base, sa.base);
}
function literalMeetsGlob(literal, glob, scan) {
    scan.matches ??= picomatch_default()(glob, { dot: true });
    return scan.matches(literal) || within(scan.base, literal);
}
/** `inner` is `outer` or below it (path segments, not characters: `docs2` is not in `docs`). */
function within(inner, outer) {
    return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}
function trimSlash(p) {
    return p.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(21916);
;// CONCATENATED MODULE: ./src/plan/suggest.ts
// "Did you mean" suggestions for misspelt keys, task ids and agent names.

/**
 * The candidate closest to `word`, when it is close enough to be a plausible
 * typo: 1 edit for words up to 3 characters, else up to a third of the longer
 * word (at least 2, so a swap such as `titel` finds `title`).
 */
function didYouMean(word, candidates) {
    const pool = candidates.filter((c) => c !== word);
    if (pool.length === 0 || word.length === 0)
        return undefined;
    const best = (0,mod/* closest */.kp)(word, pool);
    const longest = Math.max(word.length, best.length);
    const limit = longest <= 3 ? 1 : Math.max(2, Math.floor(longest / 3));
    if ((0,mod/* distance */.Io)(word.toLowerCase(), best.toLowerCase()) <= limit)
        return best;
    return byWord(word, pool);
}
/**
 * A shortened key is a whole word of a known one (`timeout` for `timeout-minutes`, `deletes` for
 * `allow-deletes`): too far for an edit distance, but plainly meant. Only when exactly one candidate fits.
 */
function byWord(word, pool) {
    if (word.length < 3)
        return undefined;
    const lower = word.toLowerCase();
    const fits = pool.filter((c) => {
        const l = c.toLowerCase();
        return l.startsWith(`${lower}-`) || l.endsWith(`-${lower}`) || l.includes(`-${lower}-`);
    });
    return fits.length === 1 ? fits[0] : undefined;
}
/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
function suggestion(word, candidates) {
    const best = didYouMean(word, candidates);
    return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

;// CONCATENATED MODULE: ./src/plan/checks.ts
/**
 * The checks a schema cannot express: task ids, `needs`, cycles, and the rules
 * tying step fields together. They run on the raw YAML data, tolerating any
 * shape, so they report alongside type errors instead of hiding behind them.
 */


const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o, key) => o[key] !== undefined && o[key] !== null;
/** Fields that only make sense on agent steps, and on run steps. */
const AGENT_ONLY = ['prompt', 'prompt-file', 'model', 'args', 'fallback', 'command'];
const RUN_ONLY = ['shell'];
/** Problems beyond the schema's, in any plan-shaped data. */
function semanticProblems(data) {
    if (!isObj(data) || !Array.isArray(data.tasks))
        return [];
    const tasks = data.tasks;
    const agents = isObj(data.agents) ? data.agents : {};
    return [...taskGraphProblems(tasks), ...tasks.flatMap((task, i) => stepProblems(task, i, agents)), ...setupProblems(data.setup)];
}
/** Setup prepares the repository once for every task: shell commands only (an agent there would edit unchecked). */
function setupProblems(setup) {
    if (!Array.isArray(setup))
        return [];
    return setup.flatMap((step, i) => {
        if (!isObj(step))
            return [];
        if (has(step, 'agent'))
            return [{ path: ['setup', i, 'agent'], atKey: true, message: 'setup steps are shell commands ("run"); put agent steps in a task' }];
        if (!has(step, 'run'))
            return [{ path: ['setup', i], message: 'a setup step needs "run" (a shell command)' }];
        return [];
    });
}
function taskGraphProblems(tasks) {
    const out = [];
    const first = new Map();
    tasks.forEach((t, i) => {
        if (!isObj(t) || typeof t.id !== 'string')
            return;
        const seen = first.get(t.id);
        if (seen === undefined)
            first.set(t.id, i);
        else
            out.push({ path: ['tasks', i, 'id'], message: `duplicate task id "${t.id}" (also tasks[${seen}])` });
    });
    const ids = [...first.keys()];
    // The graph of what is well-formed, so a cycle is found even next to a typo elsewhere.
    const nodes = [...first].map(([id, i]) => {
        const task = tasks[i];
        // `needs: a` (one id, as GitHub workflows allow) is `needs: [a]`.
        const single = typeof task.needs === 'string';
        const needs = single ? [task.needs] : Array.isArray(task.needs) ? task.needs : [];
        return { id, index: i, needs, single };
    });
    for (const node of nodes) {
        node.needs.forEach((n, j) => {
            if (typeof n !== 'string')
                return;
            const at = node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', j];
            if (n === node.id)
                out.push({ path: at, message: `task "${n}" needs itself` });
            else if (!first.has(n))
                out.push({ path: at, message: `unknown task "${n}"${suggestion(n, ids)}` });
        });
    }
    const graph = (0,graph_graph/* buildGraph */.ZG)(nodes.map((n) => ({ id: n.id, needs: n.needs.filter((x) => typeof x === 'string' && x !== n.id && first.has(x)) })));
    for (const cycle of (0,graph_graph/* findCycles */.p4)(graph)) {
        const node = nodes.find((n) => n.id === cycle[0]);
        out.push({
            path: node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', node.needs.indexOf(cycle[1])],
            message: `dependency cycle: ${cycle.join(' -> ')} (each task needs the next)`
        });
    }
    return out;
}
function stepProblems(task, ti, agents) {
    if (!isObj(task) || !Array.isArray(task.steps))
        return [];
    const out = [];
    task.steps.forEach((step, si) => {
        if (!isObj(step))
            return;
        const at = ['tasks', ti, 'steps', si];
        const isRun = has(step, 'run');
        const isAgent = has(step, 'agent');
        if (isRun && isAgent) {
            out.push({ path: at, message: 'a step has both "run" and "agent"; split it into two steps' });
            return;
        }
        if (!isRun && !isAgent) {
            out.push({ path: at, message: 'a step needs "run" (a shell command) or "agent" (a coding agent)' });
            return;
        }
        const misplaced = isRun ? AGENT_ONLY : RUN_ONLY;
        for (const key of misplaced) {
            if (has(step, key)) {
                out.push({ path: [...at, key], atKey: true, message: `"${key}" only applies to ${isRun ? 'agent' : 'run'} steps` });
            }
        }
        if (isAgent)
            out.push(...agentStepProblems(step, at, agents));
        const expect = step.expect;
        if (isObj(expect) && typeof expect.output === 'string') {
            try {
                new RegExp(expect.output);
            }
            catch (e) {
                const reason = e.message.split(': ').pop();
                out.push({ path: [...at, 'expect', 'output'], message: `invalid regular expression /${expect.output}/: ${reason}` });
            }
        }
    });
    return out;
}
function agentStepProblems(step, at, agents) {
    const out = [];
    const hasPrompt = has(step, 'prompt');
    const hasFile = has(step, 'prompt-file');
    if (hasPrompt && hasFile)
        out.push({ path: at, message: 'an agent step takes "prompt" or "prompt-file", not both' });
    if (!hasPrompt && !hasFile)
        out.push({ path: at, message: 'an agent step needs "prompt" or "prompt-file"' });
    if (step.agent === 'command') {
        const settings = agents.command;
        if (!has(step, 'command') && !(isObj(settings) && has(settings, 'command'))) {
            out.push({
                path: [...at, 'agent'],
                message: '"agent: command" needs "command" (program and arguments) in the step or in agents.command.command'
            });
        }
    }
    else if (typeof step.agent === 'string' && has(step, 'command')) {
        out.push({ path: [...at, 'command'], atKey: true, message: '"command" only applies to "agent: command"' });
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/path.ts
var path = __webpack_require__(37752);
// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
;// CONCATENATED MODULE: ./src/plan/path-warnings.ts
/**
 * Warnings for plan globs that look like folders but match only a file of that
 * name (`docs`, `src/humanize/`): real users wrote these and every change
 * under the folder was then denied by the paths gate.
 */

/** Extension-less names that are usually files, not folders. */
const FILE_NAMES = new Set(['makefile', 'dockerfile', 'license', 'licence', 'readme', 'gemfile', 'rakefile', 'procfile', 'jenkinsfile', 'vagrantfile',
    'codeowners', 'notice', 'authors', 'changelog', 'copying', 'brewfile', 'justfile', 'containerfile', 'pipfile', 'caddyfile']);
/** Why `glob` looks like a folder written without `/**`, or undefined. */
function folderGlobProblem(glob) {
    if (picomatch_default().scan(glob).isGlob)
        return undefined;
    if (glob.endsWith('/')) {
        return `"${glob}" ends with "/" and matches no file; write "${glob}**" for everything under the folder`;
    }
    const last = glob.split('/').pop() ?? glob;
    if (last.includes('.') || FILE_NAMES.has(last.toLowerCase()))
        return undefined;
    return `"${glob}" matches only a file named "${last}", not what is inside a folder of that name; write "${glob}/**" if you mean the folder`;
}
/** One warning per folder-like glob in `paths`, `allow-paths`, `deny-paths` and `allow-protected`. */
function pathWarnings(plan) {
    const lists = [
        [['gates', 'allow-paths'], plan.gates['allow-paths']],
        [['gates', 'deny-paths'], plan.gates['deny-paths']],
        [['gates', 'allow-protected'], plan.gates['allow-protected']],
        ...plan.tasks.map((t, i) => [['tasks', i, 'paths'], t.paths])
    ];
    return lists.flatMap(([at, globs]) => (globs ?? []).flatMap((g, j) => {
        const message = folderGlobProblem(g);
        return message ? [{ path: [...at, j], message }] : [];
    }));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/plan/yaml-source.ts
// YAML text -> plain data, keeping the source positions of every node so problems can name line and column.

/** Parse `text`, never throwing: syntax errors come back in `syntaxErrors`. */
function parseYamlSource(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    // prettyErrors off: we print our own `file:line:col` prefix, not yaml's context block.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    const syntaxErrors = doc.errors.map((e) => ({ pos: at(e.pos[0]), message: cleanMessage(e.message) }));
    let data;
    try {
        data = syntaxErrors.length === 0 ? doc.toJS() : undefined;
    }
    catch (e) {
        // toJS throws on alias abuse ("billion laughs") and undefined aliases.
        syntaxErrors.push({ pos: { line: 1, col: 1 }, message: e.message });
    }
    const start = (node) => at(node?.range?.[0] ?? 0);
    return {
        data,
        syntaxErrors,
        locate: (path) => start(walk(doc, path).node),
        locateKey: (path) => {
            const found = walk(doc, path);
            const key = found.pair?.key;
            return key && (0,dist/* isScalar */.jn)(key) ? start(key) : start(found.node);
        }
    };
}
function cleanMessage(message) {
    if (message.startsWith('Source contains multiple documents'))
        return 'a plan is a single YAML document: remove the extra "---"';
    return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
/** Follow `path` from the document root; stops at the deepest node that exists. */
function walk(doc, path) {
    let node = doc.contents;
    let pair;
    for (const seg of path) {
        if (node && (0,dist/* isAlias */.Vj)(node))
            node = node.resolve(doc) ?? node;
        if (node && (0,dist/* isMap */.jh)(node)) {
            const hit = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
            if (!hit)
                return { node, pair };
            pair = hit;
            // A key without a value (`steps:`) has an empty null scalar: point at the key.
            const value = hit.value;
            const empty = !value || ((0,dist/* isScalar */.jn)(value) && value.range?.[0] === value.range?.[1]);
            node = empty ? hit.key : value;
        }
        else if (node && (0,dist/* isSeq */.oP)(node) && typeof seg === 'number' && seg < node.items.length) {
            pair = undefined;
            node = node.items[seg];
        }
        else {
            return { node, pair };
        }
    }
    return { node, pair };
}

;// CONCATENATED MODULE: ./src/plan/zod-issues.ts


/** Every issue of a failed parse as problems; `root` is the schema that was parsed (for known keys). */
function problemsFromIssues(issues, root, prefix = []) {
    return dropImpliedMissing(issues.flatMap((issue) => fromIssue(issue, root, [...prefix, ...issue.path])));
}
/** `runn: x` gives "unknown key runn (did you mean run?)": the "missing required key run" beside it says nothing new. */
function dropImpliedMissing(problems) {
    const suggested = new Set();
    for (const p of problems) {
        const hit = /^unknown key ".*" \(did you mean "(.*)"\?\)$/.exec(p.message);
        if (hit)
            suggested.add(JSON.stringify([...p.path.slice(0, -1), hit[1]]));
    }
    return problems.filter((p) => {
        const missing = /^missing required key "(.*)"$/.exec(p.message);
        return !missing || !suggested.has(JSON.stringify([...p.path, missing[1]]));
    });
}
function fromIssue(issue, root, path) {
    const last = path[path.length - 1];
    const isAgentName = last === 'agent' || path[path.length - 2] === 'fallback';
    switch (issue.code) {
        case 'unrecognized_keys': {
            const agents = path.length === 1 && path[0] === 'agents';
            const known = agents ? [...schema/* AGENT_NAMES */.RO] : knownKeys(root, path);
            return issue.keys.map((key) => ({
                path: [...path, key],
                atKey: true,
                message: `unknown ${agents ? 'agent' : 'key'} "${key}"${suggestion(key, known)}`
            }));
        }
        case 'invalid_type':
            if (issue.input === undefined && typeof last === 'string') {
                return [{ path: path.slice(0, -1), message: `missing required key "${last}"` }];
            }
            return [{ path, message: `expected ${typeName(issue.expected)}, got ${describe(issue.input)}` }];
        case 'invalid_value': {
            if (!isDefaultMessage(issue.message))
                return [{ path, message: issue.message }];
            const allowed = issue.values.map(String);
            const input = String(issue.input);
            if (isAgentName)
                return [{ path, message: `unknown agent "${input}"${suggestion(input, allowed)}` }];
            return [{ path, message: `invalid value ${JSON.stringify(issue.input)}: expected one of ${allowed.join(', ')}${suggestion(input, allowed)}` }];
        }
        case 'invalid_key': {
            const why = issue.issues.map((i) => i.message).join('; ');
            return [{ path, atKey: true, message: `invalid key "${String(last)}": ${why}` }];
        }
        case 'invalid_union':
            return fromUnion(issue, root, path);
        case 'too_small':
        case 'too_big':
            return [{ path, message: isDefaultMessage(issue.message) ? sizeMessage(issue) : issue.message }];
        default:
            return [{ path, message: issue.message }];
    }
}
/** For a union (e.g. a check: string or {name, run}), report the branch whose type matched, else a summary. */
function fromUnion(issue, root, path) {
    const matched = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (matched)
        return problemsFromIssues(matched, root, path);
    const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => typeName(i.expected)));
    const input = issue.input;
    return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}, got ${describe(input)}` }];
}
/** zod's built-in messages start with a capital ("Invalid input", "Too small"); ours from the schema do not. */
function isDefaultMessage(message) {
    return /^(Invalid|Too (small|big))/.test(message);
}
function sizeMessage(issue) {
    const small = issue.code === 'too_small';
    const limit = Number(small ? issue.minimum : issue.maximum);
    const inclusive = issue.inclusive !== false;
    switch (issue.origin) {
        case 'string':
            if (small && limit === 1)
                return 'must not be empty';
            return `must be ${small ? 'at least' : 'at most'} ${limit} characters`;
        case 'array':
            if (small && limit === 1)
                return 'must not be empty';
            return `must have ${small ? 'at least' : 'at most'} ${limit} items`;
        default:
            return `must be ${small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${limit}`;
    }
}
const TYPE_NAMES = {
    int: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping'
};
function typeName(expected) {
    return TYPE_NAMES[expected] ?? expected;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
    return `${typeof value} ${String(value)}`;
}
/** The keys an object schema at `path` accepts (for "did you mean"). */
function knownKeys(root, path) {
    const schema = schemaAt(root, path);
    return schema ? keysOf(schema) : [];
}
function keysOf(schema) {
    const def = unwrap(schema)._zod.def;
    if (def.type === 'object')
        return Object.keys(def.shape);
    if (def.type === 'union')
        return def.options.flatMap((o) => keysOf(o));
    return [];
}
function unwrap(schema) {
    let s = schema;
    for (;;) {
        const def = s._zod.def;
        if (def.innerType)
            s = def.innerType;
        else if (def.type === 'pipe' && def.in)
            s = def.in;
        else
            return s;
    }
}
function schemaAt(root, path) {
    let s = root;
    for (const seg of path) {
        if (!s)
            return undefined;
        s = child(unwrap(s), seg);
    }
    return s;
}
function child(schema, seg) {
    const def = schema._zod.def;
    switch (def.type) {
        case 'object':
            return def.shape[seg];
        case 'array':
            return def.element;
        case 'record':
            return def.valueType;
        case 'union':
            for (const option of def.options) {
                const found = child(unwrap(option), seg);
                if (found)
                    return found;
            }
            return undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/plan/load.ts
// Loading a plan: YAML with positions, the zod schema, the semantic checks, every problem at once.










/**
 * Parse and validate plan text. Pure. Throws PlanError carrying every problem
 * found (YAML syntax, schema, ids, needs, cycles, steps), sorted by position.
 */
function parsePlan(text, file, options = {}) {
    const source = parseYamlSource(text);
    const at = (raw) => {
        const pos = raw.atKey ? source.locateKey(raw.path) : source.locate(raw.path);
        return { file, line: pos.line, col: pos.col, path: (0,path/* formatPath */.j)(raw.path), message: raw.message };
    };
    if (source.syntaxErrors.length > 0) {
        const lines = text.split('\n');
        throw new errors/* PlanError */.W6(source.syntaxErrors.map((e) => ({ file, ...e.pos, path: '', message: `YAML: ${e.message}${blockScalarHint(lines[e.pos.line - 1])}` })));
    }
    const data = source.data;
    if (data === null || data === undefined)
        throw new errors/* PlanError */.W6([{ file, line: 1, col: 1, path: '', message: 'the plan is empty' }]);
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* PlanError */.W6([at({ path: [], message: 'a plan is a mapping of keys (version, issue, title, tasks...)' })]);
    }
    const parsed = schema/* PlanSchema */.fB.safeParse(data, { reportInput: true });
    const raw = [
        ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues, schema/* PlanSchema */.fB)),
        ...semanticProblems(data),
        ...folderIssueProblems(data, options.path ?? file)
    ];
    if (!parsed.success || raw.length > 0)
        throw new errors/* PlanError */.W6(sortProblems(raw.map(at)));
    const plan = parsed.data;
    return {
        plan,
        file,
        text,
        hash: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'),
        warnings: sortProblems([...overlaps(plan), ...pathWarnings(plan)].map(at)),
        locate: (path) => source.locate(path)
    };
}
/**
 * Read and parse a plan file. `displayName` (default: `file`) is the name used
 * in problems, e.g. a path relative to the repository root.
 */
async function loadPlan(file, displayName = file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            throw new errors/* AutopilotError */.Wz(`plan not found: ${displayName}`);
        if (code === 'EISDIR')
            throw new errors/* AutopilotError */.Wz(`plan is a directory, not a file: ${displayName}`);
        throw new errors/* AutopilotError */.Wz(`cannot read plan ${displayName}: ${e.message}`);
    }
    return parsePlan(text, displayName, { path: file });
}
/** Keys whose value is free text, where quotes and `: ` trip YAML's plain scalars. */
const TEXT_KEYS = new Set(['run', 'rollback', 'prompt', 'name', 'title', 'intent']);
/**
 * `run: git commit -m "fix: x"` is read by YAML as a nested mapping ("Nested mappings are not allowed..."),
 * and `run: "npm test" -- -x` as a quoted string with junk after it. Say what fixes both.
 */
function blockScalarHint(line) {
    const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s+(\S.*)$/.exec(line ?? '');
    if (!m || !TEXT_KEYS.has(m[1]) || /^[|>]/.test(m[2]))
        return '';
    return ` (the "${m[1]}" value has quotes or ": " that YAML reads as structure: write it as a block scalar, "${m[1]}: |" with the text on the next line, indented)`;
}
/** `.ai/plans/<n>/Autopilot.yaml` must say `issue: <n>`: the folder is how runs, branches and sessions find it. */
function folderIssueProblems(data, file) {
    const folder = /(?:^|[\\/])plans[\\/](\d+)[\\/][^\\/]+$/.exec(file);
    if (!folder || typeof data.issue !== 'number' || data.issue === Number(folder[1]))
        return [];
    return [
        {
            path: ['issue'],
            message: `issue ${data.issue} differs from the plan's folder (plans/${folder[1]}/): the folder names the issue; make them the same or move the plan to plans/${data.issue}/`
        }
    ];
}
/** By line, then column; identical problems once. */
function sortProblems(problems) {
    const seen = new Set();
    return problems
        .filter((p) => {
        const key = (0,errors/* formatProblem */.Vw)(p);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    })
        .sort((a, b) => a.line - b.line || a.col - b.col);
}


/***/ }),

/***/ 44493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ findRepoRoot),
/* harmony export */   PC: () => (/* binding */ resolvePlanPath),
/* harmony export */   VI: () => (/* binding */ PLAN_FILE),
/* harmony export */   X: () => (/* binding */ PLANS_DIR)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// Finding the plan a command means: a path, an issue number, or the only plan in the repository.




/** Where plans live, relative to the repository root. */
const PLANS_DIR = '.ai/plans';
/** The plan file name inside `PLANS_DIR/<issue>/`. */
const PLAN_FILE = 'Autopilot.yaml';
/**
 * The repository root: the nearest directory at or above `cwd` holding `.git`
 * (a directory, or a file in a worktree). Pure filesystem, no git process.
 * Throws AutopilotError outside a repository.
 */
function findRepoRoot(cwd) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.git')))
            return dir;
        const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
        if (parent === dir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`not inside a git repository (no .git at or above ${cwd})`);
        dir = parent;
    }
}
/**
 * The absolute path of the plan `arg` names: an issue number (`653` or `#653`)
 * means `<repo>/.ai/plans/653/Autopilot.yaml`; a directory means its
 * Autopilot.yaml; anything else is a file path relative to `cwd`. Without
 * `arg`, the only plan under `.ai/plans/`, or an error listing the candidates.
 */
async function resolvePlanPath(arg, cwd) {
    if (arg === undefined || arg === '')
        return onlyPlan(cwd);
    const issue = /^#?(\d+)$/.exec(arg);
    if (issue) {
        const root = findRepoRoot(cwd);
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, PLANS_DIR, String(Number(issue[1])), PLAN_FILE);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`no plan for issue ${issue[1]}: ${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, file) || file} does not exist`);
        }
        return file;
    }
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, arg);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => undefined);
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`plan not found: ${arg}`);
    return info.isDirectory() ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(file, PLAN_FILE) : file;
}
async function onlyPlan(cwd) {
    const root = findRepoRoot(cwd);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, PLANS_DIR);
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }).catch(() => []);
    const candidates = entries
        .filter((e) => e.isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name, PLAN_FILE)))
        .map((e) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name, PLAN_FILE))
        .sort();
    if (candidates.length === 1)
        return candidates[0];
    const shown = (f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, f) || f;
    if (candidates.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`no plan found: expected ${shown(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '<issue>', PLAN_FILE))}; pass a plan path or an issue number`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`${candidates.length} plans found; pass an issue number or a path:\n${candidates.map((c) => `  ${shown(c)}`).join('\n')}`);
}


/***/ }),

/***/ 37752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ formatPath)
/* harmony export */ });
// Paths into a plan (`tasks[1].needs[0]`): the shape every problem names its place with.
const BARE_KEY = /^[A-Za-z_$][\w$-]*$/;
/** Format a path the way users read it: `tasks[1].needs[0]`, `agents.codex`, `env["a.b"]`. */
function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (BARE_KEY.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}


/***/ }),

/***/ 47684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   RO: () => (/* binding */ AGENT_NAMES),
/* harmony export */   at: () => (/* binding */ branchName),
/* harmony export */   fB: () => (/* binding */ PlanSchema)
/* harmony export */ });
/* unused harmony exports StepSchema, TaskSchema, DEFAULT_SETUP_KEY_FILES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38816);
/* harmony import */ var _globs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61312);
/**
 * The plan format, v1: the single source of truth for the types, the defaults
 * and the generated JSON Schema (`schema/autopilot.schema.json`). Every field
 * carries its documentation in `.describe()`, so editors show it on hover.
 */


/** Why `source` is not a JavaScript regular expression, if it is not. */
function regexProblem(source) {
    try {
        new RegExp(source);
        return undefined;
    }
    catch (e) {
        return `not a regular expression: ${e.message}`;
    }
}
/** Agent CLIs autopilot knows how to drive (see src/agents/). */
const AGENT_NAMES = ['codex', 'claude', 'gemini', 'aider', 'copilot', 'command'];
/** Same shape as a GitHub job id, so ids can become matrix values and artifact names. */
const TASK_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const minutes = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().max(24 * 60);
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
const envName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');
const envMap = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(envName, zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]).transform(String));
/** Turns a `(value) => problem | undefined` check into a zod refinement, so the message is the check's own. */
const refineWith = (problem) => (v, ctx) => {
    const message = problem(v);
    if (message !== undefined)
        ctx.addIssue({ code: 'custom', message });
};
const relPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).superRefine(refineWith(_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .relativePathProblem */ .B));
const glob = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).superRefine(refineWith(_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .globProblem */ .A));
const network = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['allow', 'deny']);
const expect = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'exit-code': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).max(255).optional().describe('Exit code the step must end with (default 0).'),
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Regular expression the combined output must match.'),
    changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .optional()
        .describe('true: the step must change files (exit 0 with no diff fails). false: it must not change any.')
})
    .describe('What a successful step looks like.');
/** Settings an agent step can take directly or inherit from `agents.<name>`. */
const agentCallFields = {
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Model name passed to the agent CLI.'),
    args: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional().describe('Extra arguments appended to the agent command line.'),
    fallback: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES))
        .optional()
        .describe('Agents to escalate to, in order, after this one fails its attempts.')
};
const StepSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Display name of the step.'),
    run: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Shell command to run. Exactly one of `run` or `agent`.'),
    agent: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES).optional().describe('Coding agent to call. Exactly one of `run` or `agent`.'),
    prompt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Prompt for an agent step.'),
    'prompt-file': relPath.optional().describe('File (relative to the repository root) holding the prompt.'),
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
        .min(1)
        .optional()
        .describe('For `agent: command`: the program and its arguments; the prompt goes to stdin.'),
    ...agentCallFields,
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Shell for `run` steps (default from `defaults.shell`).'),
    env: envMap.optional().describe('Environment variables set for this step.'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName)
        .optional()
        .describe("Names of the caller's environment variables this step may see. Their values are masked in logs."),
    'working-directory': relPath.optional().describe('Directory, relative to the repository root, to run in.'),
    'timeout-minutes': minutes.optional().describe('Kill the step (and all its children) after this long.'),
    retries: count.max(10).default(0).describe('How many times to retry the step after a failure.'),
    'continue-on-error': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('A failure of this step does not fail the task.'),
    expect: expect.optional(),
    rollback: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Shell command run when the step finally fails.'),
    network: network.optional().describe('`deny` runs the step without network access.')
})
    .describe('One step: a shell command (`run`) or a coding-agent call (`agent`).');
const check = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Display name of the check.'),
        run: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Shell command that must exit 0 without changing files.')
    })
])
    .describe('A shell command, or `{name, run}`.');
const TaskSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(TASK_ID_PATTERN, 'must start with a letter or _ and contain only letters, digits, - and _ (max 64)')
        .describe('Unique id of the task, used in `needs`, branch commits and artifact names.'),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Human-readable name.'),
    needs: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())])
        .transform((v) => (typeof v === 'string' ? [v] : v))
        .default([])
        .describe('Tasks that must succeed before this one starts: a list of ids, or one id (as GitHub workflows allow).'),
    paths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).optional().describe('Globs of the files this task may change (default: `gates.allow-paths`).'),
    steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(StepSchema).min(1, 'a task needs at least one step').describe('Steps, run in order.'),
    checks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(check)
        .default([])
        .describe('Commands run after the steps; they must pass and must not change files.'),
    env: envMap.optional().describe('Environment variables for every step of this task.'),
    'max-attempts': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(10).default(1).describe('Times the whole task may be attempted.'),
    'timeout-minutes': minutes.optional().describe('Time limit for the whole task.'),
    'estimate-minutes': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().optional().describe('Expected duration, used for the critical path.'),
    fallback: agentCallFields.fallback
})
    .describe('A unit of work: runs in its own worktree and lands as one commit.');
const forbidAdded = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .min(1)
        .superRefine(refineWith(regexProblem))
        .describe('Regular expression (JavaScript syntax) matched against each added and removed line.'),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Why the pattern is forbidden and what to use instead; shown with each file:line.'),
    paths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).optional().describe('Globs of the files the rule applies to (default: every file).')
})
    .describe('A task is denied when its added lines match `pattern` more often than its removed lines did.');
const GatesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'allow-paths': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).default([]).describe('Globs any task may change, in addition to its own `paths`.'),
    'deny-paths': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).default([]).describe('Globs no task may change, whatever else allows them.'),
    'allow-protected': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob)
        .default([])
        .describe('Protected paths (workflows, plans, manifests, keys...) that tasks may nevertheless change.'),
    'allow-deletes': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Let tasks delete files.'),
    'max-changed-files': count.default(100).describe('Most files one task may change.'),
    'max-changed-lines': count.default(2000).describe('Most lines (added + removed) one task may change.'),
    'max-file-bytes': count.default(1024 * 1024).describe('Largest file a task may add or change, in bytes.'),
    'max-run-changed-files': count.default(300).describe('Most files the whole run may change.'),
    'max-run-changed-lines': count.default(10000).describe('Most lines the whole run may change.'),
    'scan-secrets': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('Scan added lines for secrets (secretlint recommended rules).'),
    'forbid-added': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(forbidAdded)
        .default([])
        .describe('Patterns a task may not add more of than the base had (deprecated APIs, hard-coded paths, console.log...).')
})
    .describe('Safety gates, checked on every task diff and on the integrated branch.');
const LimitsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'max-parallel': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(256).optional().describe('Tasks run at once (default: CPU count).'),
    'max-consecutive-failures': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .default(3)
        .describe('Stop starting tasks after this many failures in a row.'),
    'max-runtime-minutes': minutes.optional().describe('Stop starting tasks after the run has taken this long.'),
    'max-agent-calls': count.optional().describe('Most agent calls in the run.'),
    'max-tokens': count.optional().describe('Most agent tokens in the run.'),
    'max-cost-usd': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most agent cost in the run, in US dollars.'),
    'max-regressions': count
        .optional()
        .describe('Stop starting tasks after this many checks that passed on the base failed after a task.')
})
    .describe('Circuit breakers and concurrency.');
const AgentSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...agentCallFields,
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1).optional().describe('Program and arguments (for `command`).'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName).optional().describe('Extra environment variables the agent may see (masked).'),
    'allowed-tools': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional().describe('Tools the agent may use (claude `--allowedTools`).'),
    'max-calls': count.optional().describe('Most calls to this agent per run.'),
    'max-tokens': count.optional().describe('Most tokens for this agent per run.'),
    'max-cost-usd': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most cost for this agent per run.'),
    'max-calls-per-day': count.optional().describe('Most calls to this agent per UTC day, across runs.'),
    'max-tokens-per-day': count.optional().describe('Most tokens for this agent per UTC day, across runs.'),
    'max-cost-usd-per-day': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most cost per UTC day, across runs.')
})
    .describe('Driver settings and budgets for one agent.');
const DefaultsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('bash').describe('Shell for `run` steps: bash (with -eo pipefail) or sh.'),
    'timeout-minutes': minutes.default(30).describe('Time limit of a step without its own.'),
    env: envMap.default({}).describe('Environment variables for every step.'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName).default([]).describe("Caller's environment variables every step may see (masked)."),
    network: network.default('allow').describe('`deny` runs steps without network access.')
})
    .describe('Defaults for every step.');
const PrSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Pull request title (default: the plan title).'),
    draft: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Open the pull request as a draft.'),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).default([]).describe('Labels added to the pull request.')
})
    .describe('The pull request autopilot opens or updates.');
const BASELINE_POLICIES = ['report', 'require-green', 'ignore'];
const BaselineSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(BASELINE_POLICIES).transform(policy => ({ policy })),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        policy: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(BASELINE_POLICIES)
            .default('report')
            .describe('`report`: a check already failing on the base is reported "failing before autopilot" and not blamed on a task; ' +
            '`require-green`: stop before any step when one fails; `ignore`: no baseline.'),
        commands: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
            .optional()
            .describe('Commands run once on the base before any task (default: every distinct task check).')
    })
])
    .describe('Checks run once on the base before any task; a policy name alone is short for `{policy: <name>}`.');
/** Lock files that key the `setup` cache when the plan names none (`setup-key-files`). */
const DEFAULT_SETUP_KEY_FILES = (/* unused pure expression or super */ null && ([
    'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
    'poetry.lock', 'uv.lock', 'Pipfile.lock', 'pdm.lock', 'requirements*.txt', 'Cargo.lock', 'go.sum',
    'Gemfile.lock', 'composer.lock', 'gradle.lockfile', 'mix.lock', 'pubspec.lock', 'Package.resolved'
]));
const PlanSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('JSON Schema reference for editors.'),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1, { error: 'unsupported version: only `version: 1` exists' }).describe('Plan format version.'),
    issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().describe('Issue number the plan implements.'),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Short title; the default pull request title.'),
    intent: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .max(2048, 'intent must be at most 2 KB: it is sent to every agent step')
        .default('')
        .describe('Short anchor (<= 2 KB) given to every agent step.'),
    base: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Base branch or commit (default: the current HEAD).'),
    branch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Branch to assemble (default: `autopilot/issue-<issue>`).'),
    defaults: DefaultsSchema.prefault({}),
    gates: GatesSchema.prefault({}),
    limits: LimitsSchema.prefault({}),
    agents: zod__WEBPACK_IMPORTED_MODULE_0__/* .partialRecord */ .jgl(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES), AgentSettingsSchema).default({}).describe('Per-agent settings.'),
    pr: PrSchema.prefault({}),
    ready: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Approved for unattended runs: `autopilot session --ready` runs every plan marked ready.'),
    baseline: BaselineSchema.prefault({}),
    setup: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(StepSchema)
        .default([])
        .describe('Shell steps run once per run on the base, in the sandbox (network allowed unless a step says `network: deny`). ' +
        'What they leave that git ignores (node_modules, .venv, target/, generated files) is present in every task\'s ' +
        'worktree without running them again, and never part of a task\'s change. Cached across runs by `setup-key-files`.'),
    'setup-key-files': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob)
        .optional()
        .describe('Files whose content keys the `setup` cache, with the setup steps themselves (default: the repository\'s lock files, ' +
        'e.g. package-lock.json, poetry.lock, Cargo.lock, go.sum).'),
    tasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(TaskSchema).min(1, 'a plan needs at least one task').describe('The tasks, a DAG through `needs`.')
})
    .describe('An autopilot plan: .ai/plans/<issue>/Autopilot.yaml');
/** The branch a plan assembles onto. */
function branchName(plan) {
    return plan.branch ?? `autopilot/issue-${plan.issue}`;
}


/***/ }),

/***/ 69488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aD: () => (/* binding */ createMasker),
/* harmony export */   aK: () => (/* binding */ safeCut)
/* harmony export */ });
/* unused harmony exports MASK, MIN_SECRET_LENGTH, MIN_ENCODED_LENGTH, secretForms, maskStream */
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Masking of secret values in step output and logs: the raw value, each line
 * of a multi-line value, and the encodings a tool is likely to print (base64
 * at every byte alignment, base64url, URL and JSON escaping), which
 * `@actions/core`'s setSecret alone does not cover for our own log files.
 */


/** Replacement for every masked value. */
const MASK = '***';
/** Values shorter than this are not masked: masking `a` or `no` would destroy logs and hide nothing secret. */
const MIN_SECRET_LENGTH = 4;
/** Encoded forms shorter than this are skipped: short base64 fragments collide with ordinary text. */
const MIN_ENCODED_LENGTH = 8;
/** Base64 of the value as it appears inside a longer base64 string at byte offset 0, 1 and 2. */
function base64Forms(value) {
    const bytes = Buffer.from(value, 'utf8');
    const forms = [];
    for (let shift = 0; shift < 3; shift++) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
        // Drop characters that depend on the prefix or on what follows the value.
        const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3);
        const end = Math.floor(((shift + bytes.length) * 4) / 3);
        const full = shift === 0 && bytes.length % 3 === 0;
        forms.push(full ? encoded.replace(/=+$/, '') : encoded.slice(start, end));
    }
    return forms.flatMap((b) => [b, b.replace(/\+/g, '-').replace(/\//g, '_')]);
}
/** Every form of one value worth masking, longest first. */
function secretForms(value) {
    const lines = value.split(/\r?\n/).filter((l) => l.length >= MIN_SECRET_LENGTH);
    const raw = [...new Set([value, ...lines])].filter((v) => v.length >= MIN_SECRET_LENGTH);
    const forms = new Set(raw);
    for (const v of raw) {
        forms.add(JSON.stringify(v).slice(1, -1));
        forms.add(encodeURIComponent(v));
        for (const b of base64Forms(v))
            if (b.length >= MIN_ENCODED_LENGTH)
                forms.add(b);
    }
    return [...forms].sort((a, b) => b.length - a.length);
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Build a masker for these secret values (empty and short values ignored, see
 * `MIN_SECRET_LENGTH`). Pure: the same text always masks the same way.
 */
function createMasker(secrets) {
    const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
    const pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
    const mask = (text) => (pattern ? text.replace(pattern, MASK) : text);
    return Object.assign(mask, { longest: forms[0]?.length ?? 0, pattern });
}
/**
 * A Transform that masks a byte stream line by line: complete lines are
 * masked and passed on at once; a line longer than `maxLine` characters is
 * passed on in pieces, cut where no secret can straddle the cut.
 */
function maskStream(masker, maxLine = 64 * 1024) {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    const drain = (final) => {
        let out = '';
        const nl = pending.lastIndexOf('\n');
        if (nl >= 0) {
            out += masker(pending.slice(0, nl + 1));
            pending = pending.slice(nl + 1);
        }
        if (final) {
            out += masker(pending);
            pending = '';
        }
        else if (pending.length > maxLine) {
            const cut = safeCut(masker, pending, pending.length - Math.max(masker.longest - 1, 0));
            out += masker(pending.slice(0, cut));
            pending = pending.slice(cut);
        }
        return out;
    };
    return new Transform({
        transform(chunk, _encoding, done) {
            pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
            done(null, drain(false));
        },
        flush(done) {
            pending += decoder.end();
            done(null, drain(true));
        }
    });
}
/** Move `cut` back to the start of any match that spans it, so no secret is split across two pieces. */
function safeCut(masker, text, cut) {
    if (!masker.pattern)
        return text.length;
    const re = new RegExp(masker.pattern.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m.index < cut && m.index + m[0].length > cut)
            return m.index;
        if (m.index >= cut)
            break;
    }
    return cut;
}


/***/ }),

/***/ 11335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ ProcessExecutor)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/run/sandbox.ts
var sandbox = __webpack_require__(10570);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/mask.ts
var mask = __webpack_require__(69488);
;// CONCATENATED MODULE: ./src/run/output-buffer.ts
/**
 * Captured output of a step: split into lines (so a secret is never cut in two
 * before masking), masked, and capped to a head and a tail with a note saying
 * how much of the middle was cut.
 */

class OutputBuffer {
    maxBytes;
    mask;
    onLine;
    pending = '';
    head = [];
    headBytes = 0;
    tail = [];
    tailBytes = 0;
    cutBytes = 0;
    decoder = new TextDecoder('utf-8');
    constructor(maxBytes, mask, onLine) {
        this.maxBytes = maxBytes;
        this.mask = mask;
        this.onLine = onLine;
    }
    write(chunk) {
        this.pending += this.decoder.decode(chunk, { stream: true });
        let nl;
        while ((nl = this.pending.indexOf('\n')) >= 0) {
            this.push(this.pending.slice(0, nl + 1));
            this.pending = this.pending.slice(nl + 1);
        }
        // A line with no end in sight is flushed in pieces so memory stays bounded,
        // cut where no secret can straddle the cut (else both halves escape the mask).
        if (this.pending.length > 64 * 1024) {
            const cut = this.flushPoint(this.pending);
            this.push(this.pending.slice(0, cut));
            this.pending = this.pending.slice(cut);
        }
    }
    /** The kept text: head, a cut note if anything was dropped, tail. */
    finish() {
        this.pending += this.decoder.decode();
        if (this.pending)
            this.push(this.pending);
        this.pending = '';
        const note = this.cutBytes > 0 ? `\n[... ${this.cutBytes} bytes of output cut ...]\n` : '';
        return this.head.join('') + note + this.tail.join('');
    }
    push(raw) {
        const line = this.mask(raw);
        this.onLine?.(line.replace(/\n$/, ''));
        const bytes = Buffer.byteLength(line);
        const half = Math.floor(this.maxBytes / 2);
        if (this.headBytes + bytes <= half && this.cutBytes === 0 && this.tail.length === 0) {
            this.head.push(line);
            this.headBytes += bytes;
            return;
        }
        this.tail.push(line);
        this.tailBytes += bytes;
        while (this.tailBytes > half && this.tail.length > 1) {
            const dropped = this.tail.shift();
            const n = Buffer.byteLength(dropped);
            this.tailBytes -= n;
            this.cutBytes += n;
        }
        if (this.tailBytes > half) {
            // One huge line: keep its end, measured in bytes like the cap.
            const only = this.tail[0];
            const keep = lastBytes(only, half);
            this.cutBytes += Buffer.byteLength(only) - Buffer.byteLength(keep);
            this.tail[0] = keep;
            this.tailBytes = Buffer.byteLength(keep);
        }
    }
    /** Where a long unfinished line can be cut: before the last `longest - 1` characters, moved back off any secret. */
    flushPoint(text) {
        const masker = this.mask;
        if (!masker.pattern || !masker.longest)
            return text.length;
        let cut = (0,mask/* safeCut */.aK)(masker, text, text.length - (masker.longest - 1));
        // Never between the two halves of a surrogate pair.
        if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]))
            cut--;
        return cut;
    }
}
/** The end of `text` that fits in `max` UTF-8 bytes, starting on a character boundary. */
function lastBytes(text, max) {
    const bytes = Buffer.from(text);
    if (bytes.length <= max)
        return text;
    let start = bytes.length - max;
    while (start < bytes.length && (bytes[start] & 0xc0) === 0x80)
        start++;
    return bytes.subarray(start).toString('utf8');
}

;// CONCATENATED MODULE: ./src/run/executor.ts
/**
 * The one place autopilot spawns processes. Environment, process groups,
 * timeouts, network isolation, masking and output caps are decided here once.
 */






const KILL_GRACE_MS = 1000;
class ProcessExecutor {
    tracker;
    options;
    networkCheck;
    sandboxCheck;
    /**
     * `tracker` hears of every step process group, so strays of a crashed run can be found.
     * `sandbox: false` never sandboxes steps (AUTOPILOT_SANDBOX=off).
     */
    constructor(tracker, options = {}) {
        this.tracker = tracker;
        this.options = options;
    }
    async runStep(req) {
        let argv = req.argv;
        const deny = req.network === 'deny';
        const sandboxed = req.sandbox !== undefined && (await this.sandboxProblem()) === undefined;
        if (deny) {
            const problem = await this.networkIsolationProblem();
            if (problem) {
                throw new errors/* AutopilotError */.Wz(`network: deny cannot be enforced here: ${problem}. Refusing to run the step with network access; ` +
                    'set `network: allow` on the step (or `defaults.network: allow`) if it may reach the network.', 1);
            }
        }
        if (sandboxed)
            argv = (0,sandbox/* sandboxArgv */.aP)(argv, req.sandbox.readOnly.filter(p => (0,external_node_fs_.existsSync)(p)), deny);
        else if (deny)
            argv = (0,sandbox/* networkOnlyArgv */.zR)(argv, isRoot());
        const started = Date.now();
        const buffer = new OutputBuffer(req.maxOutputBytes ?? 1024 * 1024, req.mask ?? (s => s), req.onLine);
        return await new Promise(resolve => {
            // detached: the child leads a new process group, so a timeout can kill
            // its children and grandchildren too.
            const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                cwd: req.cwd,
                env: req.env,
                detached: true,
                stdio: ['pipe', 'pipe', 'pipe']
            });
            let timedOut = false;
            let aborted = false;
            let notFound = false;
            const leader = child.pid;
            if (leader !== undefined)
                this.tracker?.started(leader);
            const killGroup = (sig) => {
                if (child.pid === undefined)
                    return;
                try {
                    process.kill(-child.pid, sig);
                }
                catch {
                    // the group is already gone
                }
            };
            const stop = () => {
                killGroup('SIGTERM');
                setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS).unref();
            };
            const timer = req.timeoutMs !== undefined
                ? setTimeout(() => {
                    timedOut = true;
                    stop();
                }, req.timeoutMs)
                : undefined;
            const onAbort = () => {
                aborted = true;
                stop();
            };
            req.signal?.addEventListener('abort', onAbort, { once: true });
            if (req.signal?.aborted)
                onAbort();
            child.stdout.on('data', (d) => buffer.write(d));
            child.stderr.on('data', (d) => buffer.write(d));
            child.stdin.on('error', () => { });
            child.stdin.end(req.stdin ?? '');
            child.on('error', (err) => {
                if (err.code === 'ENOENT')
                    notFound = true;
                buffer.write(Buffer.from(`autopilot: cannot start ${argv[0]}: ${err.message}\n`));
            });
            // 'exit' fires when the leader exits; stray background children may still
            // hold the pipes open, so they are killed with the group.
            child.on('exit', () => killGroup('SIGKILL'));
            child.on('close', (code, sig) => {
                if (timer)
                    clearTimeout(timer);
                if (leader !== undefined)
                    this.tracker?.ended(leader);
                req.signal?.removeEventListener('abort', onAbort);
                resolve({
                    exitCode: notFound ? 127 : code,
                    signal: sig,
                    timedOut,
                    aborted,
                    notFound,
                    sandboxed,
                    output: buffer.finish(),
                    durationMs: Date.now() - started
                });
            });
        });
    }
    async runTool(req) {
        return await new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(req.argv[0], req.argv.slice(1), {
                cwd: req.cwd,
                env: req.env ?? process.env,
                stdio: ['pipe', 'pipe', 'pipe']
            });
            const out = [];
            const err = [];
            child.stdout.on('data', (d) => out.push(d));
            child.stderr.on('data', (d) => err.push(d));
            child.stdin.on('error', () => { });
            child.stdin.end(req.stdin ?? '');
            child.on('error', (e) => reject(e.code === 'ENOENT'
                ? new errors/* AutopilotError */.Wz(`${req.argv[0]} is not installed or not on PATH (needed to run \`${req.argv.join(' ')}\`)`)
                : e));
            child.on('close', code => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        });
    }
    /** Probes once whether `unshare --net` works for this user. */
    networkIsolationProblem() {
        this.networkCheck ??= this.probe('network namespaces', (0,sandbox/* networkOnlyArgv */.zR)(['true'], isRoot()));
        return this.networkCheck;
    }
    /** Probes once whether the full sandbox works (user, PID, mount namespaces and read-only binds). */
    sandboxProblem() {
        if (this.options.sandbox === false)
            return Promise.resolve('turned off with AUTOPILOT_SANDBOX=off');
        this.sandboxCheck ??= this.probe('the step sandbox', (0,sandbox/* sandboxArgv */.aP)(['true'], [(0,external_node_os_.tmpdir)()], false));
        return this.sandboxCheck;
    }
    async probe(what, argv) {
        if (process.platform !== 'linux')
            return `${what} need Linux namespaces (this is ${process.platform})`;
        try {
            const r = await this.runTool({ argv, cwd: process.cwd() });
            return r.exitCode === 0 ? undefined : `\`${argv.slice(0, 3).join(' ')} ...\` failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`;
        }
        catch (e) {
            return `\`unshare\` is not available (${e.message}); install util-linux`;
        }
    }
}
function isRoot() {
    return typeof process.getuid === 'function' && process.getuid() === 0;
}


/***/ }),

/***/ 10570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y5: () => (/* binding */ sandboxWarning),
/* harmony export */   aP: () => (/* binding */ sandboxArgv),
/* harmony export */   zR: () => (/* binding */ networkOnlyArgv)
/* harmony export */ });
/**
 * Command lines that isolate a step with Linux namespaces (util-linux
 * `unshare`), built here as plain data; the executor runs them.
 *
 * The sandbox: a new user namespace (the step sees itself as root but has no
 * more rights than the caller), a new PID namespace with its own /proc (so a
 * step cannot read autopilot's own environment, where tokens live, through
 * /proc/<pid>/environ), and a new mount namespace in which the user's checkout
 * and the private clone's config, hooks and info are bind-mounted read-only
 * (so a step cannot plant hooks or filters, or write the user's files).
 * `network: deny` adds a network namespace with no interface up.
 */
/** Makes each path before `--` read-only, then execs the rest. Runs as root of the new namespaces. */
const LAUNCHER = 'while [ "$1" != "--" ]; do ' +
    'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || ' +
    '{ echo "autopilot sandbox: cannot make $1 read-only" >&2; exit 125; }; shift; done; shift; exec "$@"';
/** argv run inside the full sandbox, with `readOnly` paths (which must exist) bind-mounted read-only. */
function sandboxArgv(argv, readOnly, denyNetwork) {
    return [
        'unshare',
        '--user',
        '--map-root-user',
        '--pid',
        '--fork',
        '--mount',
        '--mount-proc',
        ...(denyNetwork ? ['--net'] : []),
        '--',
        'sh',
        '-c',
        LAUNCHER,
        'autopilot-sandbox',
        ...readOnly,
        '--',
        ...argv
    ];
}
/** argv in a new network namespace only (used when the full sandbox is unavailable). */
function networkOnlyArgv(argv, asRoot) {
    return ['unshare', '--net', ...(asRoot ? [] : ['--map-root-user']), '--', ...argv];
}
/** Said once per run when steps cannot be sandboxed. */
function sandboxWarning(problem) {
    return (`autopilot: warning: steps run without the sandbox (${problem}). They can read this process's environment ` +
        'and write outside their worktree; the gates still check every change. Use Linux with unprivileged user namespaces.');
}


/***/ })

};
