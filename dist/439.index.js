export const id = 439;
export const ids = [439];
export const modules = {

/***/ 81151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wE: () => (/* binding */ hostEnabler)
/* harmony export */ });
/* unused harmony exports PROFILE_PATH, bwrapProfile, enableNamespaces, sudoRunner */
/** Where the profile goes. */
const PROFILE_PATH = '/etc/apparmor.d/autopilot-bwrap';
/** The AppArmor profile letting `bwrap` (and only it) create user namespaces. */
function bwrapProfile(bwrap) {
    return [
        'abi <abi/4.0>,',
        'include <tunables/global>',
        '',
        `profile autopilot-bwrap ${bwrap} flags=(unconfined) {`,
        '  userns,',
        '',
        '  include if exists <local/autopilot-bwrap>',
        '}',
        ''
    ].join('\n');
}
/**
 * Tries the AppArmor profile, then the sysctl, re-probing after each with `recheck` (which returns
 * the remaining problem, or undefined once the sandbox works).
 */
async function enableNamespaces(input) {
    const { sudo } = input;
    if ((await sudo.run(['true'])).exitCode !== 0) {
        return { ok: false, log: 'autopilot could not enable it itself: no passwordless sudo here' };
    }
    const tried = [];
    const write = await sudo.run(['tee', PROFILE_PATH], bwrapProfile(input.bwrap));
    const load = write.exitCode === 0 ? await sudo.run(['apparmor_parser', '-r', PROFILE_PATH]) : write;
    if (load.exitCode === 0) {
        const still = await input.recheck();
        if (!still) {
            return { ok: true, method: 'apparmor', log: `autopilot: enabled the sandbox with an AppArmor profile for ${input.bwrap} (${PROFILE_PATH})` };
        }
        tried.push(`the AppArmor profile loaded but bwrap still fails: ${still}`);
    }
    else {
        tried.push(`the AppArmor profile could not be loaded: ${load.stderr.trim() || `exit ${load.exitCode}`}`);
    }
    const sysctl = await sudo.run(['sysctl', '-w', 'kernel.apparmor_restrict_unprivileged_userns=0']);
    if (sysctl.exitCode === 0) {
        const still = await input.recheck();
        if (!still) {
            return {
                ok: true,
                method: 'sysctl',
                log: `autopilot: enabled the sandbox with sysctl kernel.apparmor_restrict_unprivileged_userns=0 (${tried.join('; ')})`
            };
        }
        tried.push(`after the sysctl bwrap still fails: ${still}`);
    }
    else {
        tried.push(`sysctl failed: ${sysctl.stderr.trim() || `exit ${sysctl.exitCode}`}`);
    }
    return { ok: false, log: `autopilot could not enable it: ${tried.join('; ')}` };
}
/** The real PrivilegedRunner: `sudo -n`, through the executor (sudo from a system folder). */
function sudoRunner(executor, sudo) {
    return {
        async run(argv, stdin) {
            const r = await executor.runTool({ argv: [sudo, '-n', ...argv], cwd: '/', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, stdin });
            return { exitCode: r.exitCode, stderr: r.stderr };
        }
    };
}
/** `enable` for decideSandbox on a host where autopilot may change the system (the action on a runner). */
function hostEnabler(executor, sudo) {
    return async () => {
        const bwrap = executor.programs.bwrap;
        const sudoPath = executor.programs.sudo;
        if (!bwrap)
            return { ok: false, log: 'bubblewrap is not installed (apt-get install -y bubblewrap)' };
        if (!sudo && !sudoPath)
            return { ok: false, log: 'autopilot could not enable it itself: no sudo here' };
        return await enableNamespaces({
            sudo: sudo ?? sudoRunner(executor, sudoPath),
            bwrap,
            recheck: () => {
                executor.recheck();
                return executor.sandboxProblem();
            }
        });
    };
}


/***/ }),

/***/ 21463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   uv: () => (/* binding */ unmetExpectation)
/* harmony export */ });
/* unused harmony export expectsChanges */
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


/***/ }),

/***/ 23804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NK: () => (/* binding */ readPromptFile),
/* harmony export */   hQ: () => (/* binding */ snapshotPlanDir),
/* harmony export */   jT: () => (/* binding */ withPlanDir)
/* harmony export */ });
/* unused harmony exports PLAN_DIR_LIMITS, readPlanDirFile */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _plan_plan_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63602);
/**
 * The read-only copy of the plan's folder that every step sees at
 * `$AUTOPILOT_PLAN_DIR`: taken from the user's checkout when the run starts
 * (committed or not), regular files only, never following a symbolic link,
 * bounded in size. Its digest is part of every task's cache key.
 */






/** Limits that keep a plan folder a folder of prompts and scripts, not a data set. */
const PLAN_DIR_LIMITS = { files: 2000, bytes: 64 * 1024 * 1024 };
/** Copies `<repoRoot>/<folder>` to `dest` (replacing it) and returns the copy. */
async function snapshotPlanDir(repoRoot, folder, dest, planFile = 'Autopilot.yaml') {
    const source = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repoRoot, folder);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { recursive: true, force: true });
    const files = [];
    const skipped = [];
    let bytes = 0;
    const walk = async (rel) => {
        for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(source, rel), { withFileTypes: true })) {
            const child = rel ? `${rel}/${entry.name}` : entry.name;
            // lstat again: readdir's type is the link's own, and so is this; a link is never followed.
            const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(source, child));
            if (st.isDirectory())
                await walk(child);
            else if (st.isFile()) {
                bytes += st.size;
                if (files.length + 1 > PLAN_DIR_LIMITS.files || bytes > PLAN_DIR_LIMITS.bytes) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AutopilotError */ .Wz(`the plan folder ${folder}/ holds more than ${PLAN_DIR_LIMITS.files} files or ${PLAN_DIR_LIMITS.bytes >> 20} MiB; ` +
                        'keep prompts and helper scripts there, and data in the repository');
                }
                files.push({ rel: child, data: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(source, child)) });
            }
            else
                skipped.push(child);
        }
    };
    await walk('');
    files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const f of files) {
        // The plan itself is not part of the digest: each task's key already holds its own definition, and an
        // edit of one task must not make every other task run again.
        if (f.rel !== planFile)
            hash.update(`${f.rel}\0${f.data.length}\0`).update(f.data);
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dest, f.rel);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(target, f.data);
        // Read-only also where the sandbox cannot bind it so (sandbox: off): a step should not edit its own plan.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(target, 0o444);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dest, { recursive: true });
    return { dir: dest, folder, digest: hash.digest('hex'), skipped };
}
/** A file of the copy, by its path relative to the plan folder. */
async function readPlanDirFile(copy, rel) {
    const norm = node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.normalize(rel);
    if (norm.startsWith('../') || node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(norm))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AutopilotError */ .Wz(`"${rel}" is outside the plan folder ${copy.folder}/`);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(copy.dir, norm), 'utf8');
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AutopilotError */ .Wz(`"${rel}" is not a regular file of the plan folder ${copy.folder}/ (as it was when the run started)`);
    }
}
/** `plan` with `$AUTOPILOT_PLAN_DIR` set for every step (and so part of every task's key, with the copy's digest). */
function withPlanDir(plan, copy) {
    return { ...plan, defaults: { ...plan.defaults, env: { ...plan.defaults.env, [_plan_plan_files_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_DIR_VAR */ .s9]: copy.dir } } };
}
/**
 * The text of a step's `prompt-file`: from the plan folder's copy when it names a file there, else
 * `fromWorktree(path)` (a file of the task's own tree, read without following links).
 */
async function readPromptFile(file, copy, fromWorktree) {
    if (!copy)
        return await fromWorktree(file);
    const inCopy = (rel) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(copy.dir, rel)).isFile();
        }
        catch {
            return false;
        }
    };
    const source = (0,_plan_plan_files_js__WEBPACK_IMPORTED_MODULE_5__/* .promptFileSource */ .yy)(file, copy.folder, inCopy);
    return 'planDir' in source ? await readPlanDirFile(copy, source.planDir) : await fromWorktree(source.worktree);
}


/***/ }),

/***/ 41688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ prepareSetup)
/* harmony export */ });
/* unused harmony export setupKeyFiles */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47684);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _step_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79889);
/* harmony import */ var _expectation_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(21463);
/* harmony import */ var _step_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(64938);
/* harmony import */ var _setup_layer_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(87272);
/**
 * The plan's `setup` steps (issue 13): run once per run on the base, in the
 * sandbox, network allowed unless a step denies it; what they leave that git
 * ignores becomes the setup layer every task (and the baseline) starts with.
 * An unchanged setup (same steps, same lock files) reuses the kept layer and
 * runs nothing.
 */









/** Files of `files` that key the setup cache: the plan's globs, else the lock files (matched by name at any depth). */
function setupKeyFiles(plan, files) {
    const globs = plan['setup-key-files'] ?? _plan_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_SETUP_KEY_FILES */ .mU;
    const match = picomatch__WEBPACK_IMPORTED_MODULE_7___default()(globs, { dot: true, basename: plan['setup-key-files'] === undefined });
    return files.filter(f => match(f.path));
}
/** The setup layer of this run: kept, restored, or built by running the setup steps now. */
async function prepareSetup(input) {
    const { plan, workspace } = input;
    if (plan.setup.length === 0)
        return undefined;
    const key = (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .setupKey */ .bj)(plan, setupKeyFiles(plan, await workspace.repo.treeFiles(input.baseCommit)));
    const note = (message) => input.reporter.event({ type: 'note', message });
    const kept = (await (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .findLayer */ .vi)(input.layersRoot, key)) ?? ((await input.cache?.restore(key, input.layersRoot)) ? await (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .findLayer */ .vi)(input.layersRoot, key) : undefined);
    if (kept) {
        note(`setup: reused the kept layer ${key.slice(0, 12)} (${kept.entries.map(e => e.path).join(', ') || 'empty'}); nothing installed`);
        return kept;
    }
    const name = '.setup';
    const git = await workspace.addWorktree(name, input.baseCommit);
    const worktree = workspace.worktreePath(name);
    try {
        const tmpDir = await workspace.freshTmp(name);
        const view = await workspace.prepareSandbox(name, git, tmpDir, input.baseCommit);
        const signal = input.signal ?? new AbortController().signal;
        for (const [i, step] of plan.setup.entries()) {
            const log = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(input.logDir, `${String(i + 1).padStart(2, '0')}.log`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(log), { recursive: true });
            note(`setup: step ${i + 1} "${(0,_step_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .stepName */ .u)(step)}"`);
            const shell = (0,_step_env_js__WEBPACK_IMPORTED_MODULE_4__/* .taskShellIn */ .ty)({ plan, task: setupTask(plan), worktree, tmpDir, view, callerEnv: input.callerEnv, mask: input.mask, signal });
            // Setup installs dependencies: network is allowed unless the step itself denies it.
            const asStep = { ...step, network: step.network ?? 'allow' };
            const req = (0,_step_env_js__WEBPACK_IMPORTED_MODULE_4__/* .shellRequest */ .G7)(shell, step.run, asStep);
            if (step['working-directory'])
                req.cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(worktree, step['working-directory']);
            const r = await input.executor.runStep(req);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(log, `$ ${step.run}\n${r.output}\n=== exit ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}\n`);
            if (r.exitCode !== 0 && !step['continue-on-error']) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`setup step ${i + 1} "${(0,_step_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .stepName */ .u)(step)}" ${r.timedOut ? 'timed out' : `exited with ${r.exitCode ?? r.signal}`}; no task ran. ` +
                    `Log: ${log}\n${(0,_expectation_js__WEBPACK_IMPORTED_MODULE_8__/* .tail */ .RT)(r.output, 20)}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.taskFailed);
            }
        }
        const changed = await git.changedPaths();
        if (changed.length) {
            note(`setup: warning: setup changed files git does not ignore (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', ...' : ''}); ` +
                'only ignored files (dependencies, build output) reach the tasks');
        }
        const layer = await (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .keepLayer */ .HX)(input.layersRoot, key, worktree, (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .layerEntries */ .ci)(await git.ignoredEntries()));
        note(`setup: kept layer ${key.slice(0, 12)}: ${layer.entries.map(e => e.path).join(', ') || 'nothing ignored was left'}`);
        await (0,_setup_layer_js__WEBPACK_IMPORTED_MODULE_6__/* .pruneLayers */ .V2)(input.layersRoot, key);
        await input.cache?.save(key, input.layersRoot);
        return layer;
    }
    finally {
        await workspace.removeWorktree(name);
    }
}
/** Setup runs with the plan's defaults and no task's own settings. */
function setupTask(plan) {
    return { id: '_setup', needs: [], steps: plan.setup, checks: [], 'max-attempts': 1 };
}


/***/ }),

/***/ 79889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ shellArgv),
/* harmony export */   G7: () => (/* binding */ shellRequest),
/* harmony export */   aq: () => (/* binding */ buildStepEnv),
/* harmony export */   ty: () => (/* binding */ taskShellIn)
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
    if (input.home !== undefined)
        env.HOME = input.home;
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
/** The shell of a task's commands in `worktree`, seeing what `view` gives unless the plan says `sandbox: off`. */
function taskShellIn(o) {
    const { view, ...shell } = o;
    return { ...shell, home: view.home, sandbox: o.plan.sandbox === 'off' ? undefined : view.spec };
}
const NO_STEP = { retries: 0, 'continue-on-error': false };
/**
 * A check or rollback command in the task's worktree: the step's shell, network and
 * timeout (else the plan's defaults) and environment, sandboxed like any step.
 */
function shellRequest(s, command, step = NO_STEP) {
    const { plan, task } = s;
    return {
        argv: shellArgv(step.shell ?? plan.defaults.shell, command),
        cwd: s.worktree,
        env: buildStepEnv({ caller: s.callerEnv, plan, task, step, tmpDir: s.tmpDir, home: s.home }).env,
        timeoutMs: (step['timeout-minutes'] ?? plan.defaults['timeout-minutes']) * 60_000,
        network: step.network ?? plan.defaults.network,
        sandbox: s.sandbox,
        limits: s.limits,
        mask: s.mask,
        signal: s.signal
    };
}


/***/ }),

/***/ 64938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eg: () => (/* binding */ runStep),
  EU: () => (/* binding */ shortName),
  u: () => (/* binding */ stepName)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/agents/budget.ts
var budget = __webpack_require__(68277);
// EXTERNAL MODULE: ./src/run/step-env.ts
var step_env = __webpack_require__(79889);
// EXTERNAL MODULE: ./src/run/expectation.ts
var expectation = __webpack_require__(21463);
// EXTERNAL MODULE: ./src/agents/login-files.ts
var login_files = __webpack_require__(98197);
;// CONCATENATED MODULE: ./src/run/progress.ts
/**
 * The progress line of an agent call that has printed nothing for a while (issue 14): claude and
 * gemini wait on a busy provider, or simply print nothing until they finish, and the user would
 * otherwise see no sign of life for minutes. The decision is a plain function over times; the
 * step runner owns the timer (`watchProgress`).
 */
/** 20 s of silence, then a line a minute. */
const DEFAULT_PROGRESS = { quietMs: 20_000, everyMs: 60_000 };
/**
 * The settings, from `AUTOPILOT_PROGRESS_QUIET_MS` in the caller's environment when it holds a
 * positive number (tests use a second); a line then repeats every three such periods.
 */
function progressSettings(env) {
    const quiet = Number(env.AUTOPILOT_PROGRESS_QUIET_MS);
    return Number.isFinite(quiet) && quiet > 0 ? { quietMs: quiet, everyMs: 3 * quiet } : DEFAULT_PROGRESS;
}
/**
 * The line to show now, or undefined: after `quietMs` without output, then again every `everyMs`
 * while the silence lasts (and afresh after output that falls silent again).
 */
function progressLine(s, settings) {
    const silent = s.now - s.lastOutputAt;
    if (silent < settings.quietMs)
        return undefined;
    if (s.lastShownAt !== undefined && s.lastShownAt > s.lastOutputAt && s.now - s.lastShownAt < settings.everyMs)
        return undefined;
    return `task ${s.taskId}: ${s.agent} still working (${seconds(s.now - s.startedAt)}, no output for ${seconds(silent)})`;
}
function seconds(ms) {
    const s = Math.floor(ms / 1000);
    return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
/** Checks `progressLine` on a timer and hands each line to `show`, until stopped. */
function watchProgress(input) {
    const now = input.now ?? Date.now;
    const state = { taskId: input.taskId, agent: input.agent, startedAt: now(), lastOutputAt: now() };
    // Checked four times per period, so a line is late by at most a quarter of it.
    const tick = Math.max(50, Math.min(input.settings.quietMs, input.settings.everyMs) / 4);
    const timer = setInterval(() => {
        const t = now();
        const line = progressLine({ ...state, now: t }, input.settings);
        if (!line)
            return;
        state.lastShownAt = t;
        input.show(line);
    }, tick);
    // The call's own process keeps the run alive; this timer must not.
    timer.unref();
    return {
        output: () => {
            state.lastOutputAt = now();
        },
        stop: () => clearInterval(timer)
    };
}

;// CONCATENATED MODULE: ./src/run/step-runner.ts
/**
 * Runs one step in a task's worktree: attempts with backoff, expectation
 * checks, escalation through fallback agents, rollback on final failure, and a
 * log file per step.
 */







function stepName(step) {
    return step.name ?? (step.run ? shortName(step.run) : `${step.agent} agent`);
}
/**
 * A command's first line as a name, at most `max` characters, cut at a word
 * boundary and marked with `…`: never in the middle of a word or a quote
 * (issue 17: names were cut mid-quote).
 */
function shortName(command, max = 60) {
    const line = command.split('\n')[0].trim();
    if ([...line].length <= max)
        return line;
    const head = [...line].slice(0, max - 1).join('');
    const words = head.slice(0, Math.max(head.lastIndexOf(' '), 0)).trimEnd();
    let cut = words || head;
    // An odd number of quotes means the cut opened one: end before it.
    for (const q of ['"', "'", '`'])
        if ((cut.split(q).length - 1) % 2 === 1)
            cut = cut.slice(0, cut.lastIndexOf(q)).trimEnd();
    return `${cut || head}…`;
}
async function runStep(ctx, task, step, run) {
    const { plan } = ctx;
    const name = stepName(step);
    const log = (0,external_node_path_.join)(run.logDir, `${String(run.index + 1).padStart(2, '0')}-${slug(name)}.log`);
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
    const start = run.tree ?? (await run.git.stageAll());
    let current = start;
    for (const agent of chain) {
        agentUsed = agent;
        if (agent)
            tried.push(agent);
        for (let n = 0; n <= step.retries; n++) {
            if (run.signal.aborted)
                break;
            if (attempts > 0)
                await sleep(ctx.backoffMs * 2 ** Math.min(n, 6), run.signal);
            if (current !== start) {
                await run.git.switchTree(start);
                current = start;
            }
            attempts++;
            const call = agent
                ? await ctx.agents.prepare({
                    agent,
                    task,
                    step,
                    worktree: run.worktree,
                    tmpDir: run.tmpDir,
                    failureTail: attempts > 1 ? (0,expectation/* tail */.RT)(last.output, 60) : undefined
                })
                : { argv: (0,step_env/* shellArgv */.$K)(step.shell ?? plan.defaults.shell, step.run) };
            const { env } = (0,step_env/* buildStepEnv */.aq)({
                caller: ctx.callerEnv,
                plan,
                task,
                step,
                tmpDir: run.tmpDir,
                home: run.home,
                passExtra: call.passEnv,
                own: call.env
            });
            const before = start;
            await (0,promises_.appendFile)(log, `=== attempt ${attempts}${agent ? ` (agent ${agent})` : ''}: ${call.argv.map(a => (a.length > 200 ? a.slice(0, 200) + '…' : a)).join(' ')}\n`);
            const cwd = step['working-directory'] ? (0,external_node_path_.join)(run.worktree, step['working-directory']) : run.worktree;
            // An agent waiting on its provider (or printing nothing until it is done) still shows a sign of life.
            const watch = agent && run.onProgress ? watchProgress({ taskId: task.id, agent, settings: progressSettings(ctx.callerEnv), show: run.onProgress }) : undefined;
            const r = await ctx.executor.runStep({
                argv: call.argv,
                cwd,
                env,
                stdin: call.stdin,
                timeoutMs: timeoutMinutes * 60_000,
                network: step.network ?? plan.defaults.network,
                // An agent's own login files, read-only under the task's HOME, for that call only.
                sandbox: run.sandbox && call.loginFiles?.length && run.home && ctx.callerEnv.HOME
                    ? { ...run.sandbox, readOnly: [...(run.sandbox.readOnly ?? []), ...(0,login_files/* loginBinds */.Sb)(call.loginFiles, ctx.callerEnv.HOME, run.home)] }
                    : run.sandbox,
                limits: run.limits,
                mask: ctx.mask,
                signal: run.signal,
                onLine: line => {
                    watch?.output();
                    run.onLine?.(line);
                }
            }).finally(() => watch?.stop());
            const after = await run.git.stageAll();
            current = after;
            const callUsage = await call.parseUsage?.({ stdout: r.stdout, home: env.HOME, durationMs: r.durationMs });
            if (agent)
                await ctx.agents.charge(agent, callUsage);
            usage = (0,budget/* mergeUsage */._L)(usage, callUsage);
            const failed = r.aborted
                ? 'cancelled'
                : (0,expectation/* unmetExpectation */.uv)(step, { exitCode: r.exitCode, timedOut: r.timedOut, output: r.output, changed: before !== after }, timeoutMinutes);
            const why = failed && !r.aborted ? call.explain?.(r) : undefined;
            const unmet = why ? `${failed} (${why})` : failed;
            await (0,promises_.appendFile)(log, `${r.output}\n=== ${r.timedOut ? `timed out after ${timeoutMinutes} min (killed; exit ${r.exitCode ?? r.signal})` : `exit ${r.exitCode ?? r.signal}`} in ${r.durationMs} ms${r.sandboxed ? '' : ' (not sandboxed)'}${unmet ? `: ${unmet}` : ''}\n`);
            last = { output: r.output, exitCode: r.exitCode, message: unmet ?? '', timedOut: r.timedOut };
            if (!unmet) {
                return {
                    record: record(run.index, step, name, 'succeeded', attempts, started, last.exitCode, log, undefined, agentUsed, tried),
                    output: r.output,
                    usage,
                    fatal: false,
                    tree: after
                };
            }
            if (r.aborted)
                break;
        }
        if (run.signal.aborted)
            break;
    }
    if (step.rollback && !run.signal.aborted) {
        const shell = { plan, task, worktree: run.worktree, tmpDir: run.tmpDir, home: run.home, callerEnv: ctx.callerEnv, sandbox: run.sandbox, limits: run.limits, mask: ctx.mask, signal: run.signal };
        const rb = await ctx.executor.runStep((0,step_env/* shellRequest */.G7)(shell, step.rollback, step));
        await (0,promises_.appendFile)(log, `=== rollback: ${step.rollback}\n${rb.output}\n=== rollback exit ${rb.exitCode}\n`);
    }
    const status = last.timedOut ? 'timed-out' : 'failed';
    return {
        record: record(run.index, step, name, status, attempts, started, last.exitCode, log, last.message, agentUsed, tried),
        output: last.output,
        usage,
        fatal: !step['continue-on-error'],
        // A rollback may have changed files again.
        tree: step.rollback ? await run.git.stageAll() : current
    };
}
function record(index, step, name, status, attempts, started, exitCode, log, message, agent, agents) {
    return {
        index,
        name,
        kind: step.agent ? 'agent' : 'run',
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


/***/ })

};
