export const id = 343;
export const ids = [343];
export const modules = {

/***/ 76607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ originHome),
/* harmony export */   c: () => (/* binding */ deliver)
/* harmony export */ });
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87572);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28812);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43154);
/* harmony import */ var _github_pull_request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52524);
/* harmony import */ var _github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63640);
/* harmony import */ var _github_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71679);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _gates_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(50854);
/* harmony import */ var _git_branches_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(58774);









async function deliver(input) {
    const { runner, settings, plan, manifest, integration } = input;
    const outcome = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .runOutcome */ .CL)(manifest);
    const repository = runner.context.repository;
    const octokit = repository && settings.token ? client(runner, settings.token) : undefined;
    let pullRequest;
    let problem = integration.problem;
    let landed = Object.keys(integration.commits).length > 0 && !problem;
    if (landed && !settings.dryRun) {
        const refusal = (0,_gates_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .branchProblem */ .MT)({
            branch: manifest.branch,
            allowOutside: plan.pr['allow-branch-outside-autopilot'],
            defaultBranch: octokit && repository
                ? await defaultBranch(octokit, repository).catch((e) => {
                    runner.warning(`autopilot: could not read the default branch (${e.message}); refusing main and master instead`);
                    return undefined;
                })
                : await (0,_git_branches_js__WEBPACK_IMPORTED_MODULE_8__/* .originDefaultBranch */ .g)(input.checkout),
            checkedOut: [...(await (0,_git_branches_js__WEBPACK_IMPORTED_MODULE_8__/* .checkedOutBranches */ .S)(input.checkout)), ...(runner.context.refName ? [runner.context.refName] : [])]
        });
        if (refusal) {
            problem = `autopilot will not push: ${refusal}`;
            landed = false;
        }
        else {
            problem = await pushBranch(input, integration.head);
            landed = !problem;
            if (landed)
                await input.recordDelivered?.(integration.head);
        }
    }
    const render = (pullRequest) => {
        const text = input.mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .Br)({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation, pullRequest }));
        return problem ? `${text}\n**Not delivered:** ${input.mask(problem).replace(/\n/g, '\n> ')}\n` : text;
    };
    const summary = render(false);
    if (landed && !settings.dryRun && repository && settings.prToken) {
        const base = plan.base ?? runner.context.refName ?? (await defaultBranch(client(runner, settings.prToken), repository));
        const pr = await (0,_github_pull_request_js__WEBPACK_IMPORTED_MODULE_3__/* .upsertPullRequest */ ._)(client(runner, settings.prToken), {
            ...repository,
            head: manifest.branch,
            base,
            title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
            body: (0,_github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .truncateMarkdown */ .o)(render(true), _github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
            draft: plan.pr.draft || outcome !== 'succeeded',
            labels: plan.pr.labels
        });
        pullRequest = { number: pr.number, url: pr.url };
        runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`);
    }
    if (octokit && repository && !settings.dryRun) {
        const head = pullRequest ? `Pull request: ${pullRequest.url}\n\n` : '';
        await (0,_github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .upsertIssueComment */ .CV)(octokit, {
            ...repository,
            issueNumber: plan.issue,
            marker: (0,_github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .issueMarker */ .Q_)(plan.issue),
            body: head + summary
        }).catch(e => runner.warning(`autopilot: could not update the issue comment: ${e.message}`));
    }
    await runner.summary((0,_github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .truncateMarkdown */ .o)(summary, _github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'));
    for (const t of plan.tasks) {
        const r = manifest.tasks[t.id];
        if (!r || _state_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .LANDABLE */ .M.has(r.status) || r.status === 'pending')
            continue;
        if (r.status === 'failed' || r.status === 'denied') {
            runner.error(input.mask(`task ${t.id} ${r.status}${r.failedStep ? ` at step "${r.failedStep}"` : ''}: ${(r.reason ?? '').split('\n')[0]}`), {
                title: `autopilot: task ${t.id} ${r.status}`
            });
        }
    }
    if (problem && problem !== integration.problem)
        runner.error(input.mask(problem), { title: 'autopilot: branch not delivered' });
    const status = problem ? 'failed' : outcome;
    runner.setOutput('status', status);
    runner.setOutput('branch', landed ? manifest.branch : '');
    runner.setOutput('pull-request-number', pullRequest ? String(pullRequest.number) : '');
    runner.setOutput('pull-request-url', pullRequest?.url ?? '');
    runner.setOutput('usage', JSON.stringify((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .usageTotal */ .Mq)(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }));
    return { status, pullRequest, problem };
}
/** Where the branch lives on Actions: the checkout's `origin`, reached with `token` (the `pr-token` input). */
async function originHome(checkout, token, runner) {
    const remote = await checkout.remoteUrl();
    if (!/^https?:\/\//.test(remote) || !token)
        return { remote };
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    runner.setSecret(basic);
    return { remote, configArgs: ['-c', `http.extraheader=AUTHORIZATION: basic ${basic}`] };
}
/**
 * Pushes the integrated commits to `origin` with a lease on the branch as the
 * guard saw it: if anyone pushed since, git refuses and nothing is
 * overwritten. Returns the refusal, or undefined when pushed.
 */
async function pushBranch(input, head) {
    const { manifest, settings } = input;
    const home = await originHome(input.checkout, settings.prToken, input.runner);
    const r = await input.repo.pushRef(home.remote, head, `refs/heads/${manifest.branch}`, { lease: input.lease ?? '', configArgs: home.configArgs });
    if (r.exitCode === 0)
        return undefined;
    const why = input.mask(r.stderr.trim());
    if (/\[rejected\]|stale info/.test(why)) {
        return (`branch ${manifest.branch} changed on origin while autopilot ran (expected ${input.lease ? input.lease.slice(0, 12) : 'no branch'}); ` +
            `autopilot did not overwrite it. Run the workflow again: the branch guard will list any commits autopilot did not make (${why})`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AutopilotError */ .Wz(`could not push ${manifest.branch}: ${why}. The job needs \`permissions: contents: write\`, or a \`pr-token\` that may push.`, _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.taskFailed);
}
function client(runner, token) {
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createGitHubClient */ .L)({ token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } });
}
async function defaultBranch(octokit, repo) {
    const { data } = await octokit.rest.repos.get(repo);
    return data.default_branch;
}


/***/ }),

/***/ 64343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initBranch: () => (/* binding */ initBranch),
  initJob: () => (/* binding */ initJob)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/client.ts + 1 modules
var github_client = __webpack_require__(43154);
;// CONCATENATED MODULE: ./src/github/issue.ts
// Reading one issue (title and body) for `autopilot init`.

/** The issue's title and body; a missing issue is a clear error, not a stack. */
async function getIssue(client, owner, repo, number) {
    try {
        const { data } = await client.rest.issues.get({ owner, repo, issue_number: number });
        return { number, title: data.title, body: data.body ?? '' };
    }
    catch (e) {
        const status = e.status;
        if (status === 404)
            throw new errors/* AutopilotError */.Wz(`issue #${number} not found in ${owner}/${repo} (or the token cannot read it)`);
        throw e;
    }
}

// EXTERNAL MODULE: ./src/plan/locate.ts
var locate = __webpack_require__(44493);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/import/errors.ts
// The import's own error: input it cannot read, located as file:line.

/** Input `autopilot import` cannot read; the message starts with `file:line:`. Exit 2. */
class ImportError extends errors/* AutopilotError */.Wz {
    file;
    line;
    name = 'ImportError';
    constructor(file, line, message) {
        super(`${file}:${line}: ${message}`, errors/* EXIT */.dc.usage);
        this.file = file;
        this.line = line;
    }
}
/** Line (1-based) of character offset `pos` in `text`. */
function lineAt(text, pos) {
    let line = 1;
    for (let i = 0; i < pos && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/** JSON.parse with a located ImportError naming the line of the syntax error. */
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const msg = e.message;
        const pos = /position (\d+)/.exec(msg);
        const lineCol = /line (\d+)/.exec(msg);
        const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(text, Number(pos[1])) : 1;
        throw new ImportError(file, line, `not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}; fix the syntax (comments and unquoted values are not JSON)`);
    }
}

// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
;// CONCATENATED MODULE: ./src/import/ids.ts
// Plan ids from source ids: valid (TASK_ID_PATTERN), unique, and still recognisable.

/** `task-428-db-schema` stays; `1.2` → `task-1-2`; `T012` stays; `179` → `<hint>` or `task-179`. */
function validId(key, hint) {
    if (schema/* TASK_ID_PATTERN */.Fq.test(key))
        return key;
    const base = (hint ?? key)
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
    const id = /^[A-Za-z_]/.test(base) ? base : `task-${base || 'x'}`;
    return id.slice(0, 64).replace(/-+$/, '');
}
/** Makes ids unique in order of appearance by appending `-2`, `-3`... within 64 characters. */
function uniqueIds(ids) {
    const seen = new Set();
    return ids.map((id) => {
        let out = id;
        for (let n = 2; seen.has(out); n++)
            out = `${id.slice(0, 64 - String(n).length - 1)}-${n}`;
        seen.add(out);
        return out;
    });
}
/** A readable id fragment from free text: `Add login page!` → `add-login-page` (at most `max` characters). */
function slug(text, max = 40) {
    const s = text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return s.slice(0, max).replace(/-+$/, '');
}

// EXTERNAL MODULE: ./src/plan/globs.ts
var globs = __webpack_require__(61312);
;// CONCATENATED MODULE: ./src/import/paths.ts
// Source file scopes → plan `paths` globs: folders become `folder/**`, unusable entries are reported.

/** File names that have no extension yet are files, not folders. */
const EXTENSIONLESS_FILES = /^(Makefile|Dockerfile|Containerfile|LICENSE|LICENCE|Procfile|Gemfile|Rakefile|Justfile|Vagrantfile|Brewfile|CODEOWNERS|README|NOTICE|AUTHORS|VERSION)$/;
/**
 * One scope entry as a glob: backticks and `./` dropped, a trailing `/` or an
 * extensionless last segment read as a folder (`src/core/` → `src/core/**`).
 * Returns the glob, or a problem saying why it cannot be used.
 */
function scopeToGlob(entry) {
    let p = entry.trim().replace(/^`+|`+$/g, '').trim().replace(/\\/g, '/');
    while (p.startsWith('./'))
        p = p.slice(2);
    if (p === '' || p === '.')
        return { problem: 'empty path' };
    if (/\s/.test(p))
        return { problem: 'contains spaces (not a path)' };
    const last = p.replace(/\/+$/, '').split('/').pop() ?? '';
    const isGlob = /[*?[\]{}]/.test(p);
    let glob = p;
    if (p.endsWith('/'))
        glob = `${p.replace(/\/+$/, '')}/**`;
    else if (!isGlob && !last.includes('.') && !EXTENSIONLESS_FILES.test(last))
        glob = `${p}/**`;
    const problem = (0,globs/* globProblem */.A)(glob);
    return problem ? { problem } : { glob };
}
/** Every entry as a glob (deduplicated), plus one warning per entry that could not be used. */
function scopesToGlobs(entries, where) {
    const globs = [];
    const warnings = [];
    for (const e of entries) {
        const r = scopeToGlob(e);
        if ('glob' in r) {
            if (!globs.includes(r.glob))
                globs.push(r.glob);
        }
        else
            warnings.push(`${where}: file scope "${e}" not carried over: ${r.problem}`);
    }
    return { globs, warnings };
}

;// CONCATENATED MODULE: ./src/import/build.ts
/**
 * From a reader's ImportedSource to a plan: valid unique ids, needs between
 * tasks still to do, file scopes as globs, prompt files, the intent capped at
 * 2 KB, and the source's stated order checked against its dependencies. Pure.
 */




/** Longest intent a plan accepts (the schema's limit). */
const INTENT_MAX = 2048;
/** Build the plan. Throws ImportError when nothing is left to do or the dependencies form a cycle. */
function buildPlan(source, options) {
    const warnings = [...source.warnings];
    const first = source.tasks[0];
    if (!first)
        throw new ImportError(options.sourceName, 1, `no tasks found in this ${source.format} source; ${EXPECTED[source.format]}`);
    const ids = uniqueIds(source.tasks.map((t) => validId(t.key, t.idHint)));
    const idOf = new Map();
    source.tasks.forEach((t, i) => {
        if (idOf.has(t.key))
            warnings.push(`${t.file}:${t.line}: task id "${t.key}" appears twice; the second is imported as "${ids[i]}" and needs name the first`);
        else
            idOf.set(t.key, ids[i]);
    });
    const doneKeys = new Set(source.tasks.filter((t) => t.done).map((t) => t.key));
    const todo = source.tasks.map((t, i) => ({ t, id: ids[i] })).filter(({ t }) => !t.done);
    const done = source.tasks.map((t, i) => ({ t, id: ids[i] })).filter(({ t }) => t.done).map(({ t, id }) => ({ id, name: t.name }));
    if (todo.length === 0) {
        throw new ImportError(first.file, first.line, `nothing left to import: all ${source.tasks.length} tasks of this ${source.format} source are done (${listSome(done.map((d) => d.id))}); nothing to plan`);
    }
    const needsOf = new Map();
    for (const { t, id } of todo) {
        const needs = [];
        for (const dep of t.needs) {
            const depId = idOf.get(dep);
            if (depId === undefined)
                warnings.push(`${t.file}:${t.line}: ${id} depends on "${dep}", which this source does not define; the dependency is dropped`);
            else if (depId === id)
                warnings.push(`${t.file}:${t.line}: ${id} depends on itself; dropped`);
            else if (!doneKeys.has(dep) && !needs.includes(depId))
                needs.push(depId);
        }
        needsOf.set(id, needs);
    }
    assertAcyclic(todo, needsOf);
    warnings.push(...orderDisagreements(source, idOf));
    const prompts = [];
    const tasks = todo.map(({ t, id }) => {
        const scope = scopesToGlobs(t.paths ?? [], `${t.file}:${t.line}`);
        warnings.push(...scope.warnings);
        const promptText = `# ${t.name}\n\n${t.prompt.trim()}\n`;
        const step = { agent: t.agent ?? options.agent ?? 'claude' };
        if (options.planDir !== undefined) {
            const file = `${options.planDir}/prompts/${id}.md`;
            prompts.push({ path: file, text: promptText });
            step['prompt-file'] = file;
        }
        else
            step.prompt = promptText;
        const task = { id, name: t.name };
        const needs = needsOf.get(id);
        if (needs.length > 0)
            task.needs = needs;
        if (scope.globs.length > 0)
            task.paths = scope.globs;
        task.steps = [step];
        if (t.checks && t.checks.length > 0)
            task.checks = [...new Set(t.checks)];
        if (t.fallback && t.fallback.length > 0)
            task.fallback = t.fallback;
        if (t.maxAttempts !== undefined)
            task['max-attempts'] = Math.min(10, Math.max(1, Math.round(t.maxAttempts)));
        if (t.estimateMinutes !== undefined)
            task['estimate-minutes'] = t.estimateMinutes;
        return task;
    });
    const issue = options.issue ?? source.issue;
    if (issue === undefined)
        throw new ImportError(options.sourceName, 1, 'the source names no issue number; pass --issue N');
    const plan = { version: 1, issue, title: source.title.trim() || `Issue #${issue}` };
    const intent = capIntent(source.intent.trim(), warnings);
    if (intent)
        plan.intent = intent;
    if (options.setup && options.setup.length > 0)
        plan.setup = options.setup;
    plan.tasks = tasks;
    const doc = new dist/* Document */.yo(plan);
    const header = [`Imported from ${source.format} (${options.sourceName}) by ${options.by ?? 'autopilot import'}.`];
    if (done.length > 0) {
        header.push(`Done in the source, left out (needs on them dropped):`);
        for (const d of done)
            header.push(`  ${d.id}: ${d.name.replace(/\s+/g, ' ')}`);
    }
    doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
    const yaml = doc.toString({ lineWidth: 0 });
    return { plan: plan, yaml, prompts, warnings, done };
}
/** The intent, cut at 2 KB (on a character boundary) with a warning when longer. */
function capIntent(intent, warnings) {
    if (Buffer.byteLength(intent) <= INTENT_MAX)
        return intent;
    let cut = intent.slice(0, INTENT_MAX - 3);
    while (Buffer.byteLength(cut) > INTENT_MAX - 3)
        cut = cut.slice(0, -1);
    warnings.push(`the source's summary is ${Buffer.byteLength(intent)} bytes; intent keeps the first ${INTENT_MAX} (the rest is not carried over)`);
    return `${cut}...`;
}
function assertAcyclic(todo, needsOf) {
    const state = new Map();
    const at = new Map(todo.map(({ t, id }) => [id, t]));
    const visit = (id, trail) => {
        if (state.get(id) === 'closed')
            return;
        if (state.get(id) === 'open') {
            const cycle = [...trail.slice(trail.indexOf(id)), id];
            const t = at.get(id);
            throw new ImportError(t.file, t.line, `the source's dependencies form a cycle: ${cycle.join(' -> ')}; break it in the source`);
        }
        state.set(id, 'open');
        for (const n of needsOf.get(id) ?? [])
            visit(n, [...trail, id]);
        state.set(id, 'closed');
    };
    for (const { id } of todo)
        visit(id, []);
}
/**
 * Where the source states an order (levels) that its dependencies contradict:
 * a task listed at or before a level holding one of its dependencies, or at a
 * level its dependencies do not explain. The dependencies win; each is named.
 */
function orderDisagreements(source, idOf) {
    const stated = source.statedLevels;
    if (!stated || stated.length === 0)
        return [];
    const out = [];
    const levelOf = new Map(stated.map((s) => [s.key, s]));
    const byKey = new Map(source.tasks.map((t) => [t.key, t]));
    const depth = new Map();
    const depthOf = (key, seen) => {
        const known = depth.get(key);
        if (known !== undefined)
            return known;
        if (seen.has(key))
            return 0;
        seen.add(key);
        const deps = (byKey.get(key)?.needs ?? []).filter((d) => byKey.has(d));
        const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((x) => depthOf(x, seen)));
        depth.set(key, d);
        return d;
    };
    const minLevel = Math.min(...stated.map((s) => s.level));
    for (const s of stated) {
        const task = byKey.get(s.key);
        const where = `${s.file}:${s.line}`;
        if (!task) {
            out.push(`${where}: the stated order lists "${s.key}", which is not a task of this source; ignored`);
            continue;
        }
        const id = idOf.get(s.key) ?? s.key;
        let contradicted = false;
        for (const dep of task.needs) {
            const d = levelOf.get(dep);
            if (d && d.level >= s.level) {
                contradicted = true;
                out.push(`${where}: the stated order puts ${id} in level ${s.level} and ${idOf.get(dep) ?? dep} in level ${d.level}, but ${id} depends on it; the dependencies win`);
            }
        }
        const implied = depthOf(s.key, new Set()) + minLevel;
        if (!contradicted && implied !== s.level) {
            out.push(`${where}: the stated order puts ${id} in level ${s.level}; its dependencies place it in level ${implied}; the dependencies win`);
        }
    }
    for (const t of source.tasks) {
        if (!levelOf.has(t.key))
            out.push(`${t.file}:${t.line}: the stated order does not list ${idOf.get(t.key) ?? t.key}; its dependencies place it`);
    }
    return out;
}
/** What each format's reader looks for, for the "no tasks" message. */
const EXPECTED = {
    miyabi: 'expected "- **ID**: `task-...`" bullets under "## Task Breakdown"',
    openspec: 'expected "## 1. Group" sections or "- [ ] item" checklist lines in tasks.md',
    ccpm: 'expected task files named by number (e.g. 12.md) with front matter',
    speckit: 'expected "- [ ] T001 ..." lines or "### T001: ..." headings',
    taskmaster: 'expected a "tasks" array (or a tag such as "master" holding one)',
    workstreams: 'expected workstream objects with an "id" (or a "steps" array)',
    'project-plan': 'expected "→ **[task_N]** ..." entries under "Ready for Autonomous Execution"',
    issue: 'expected a task list ("- [ ] ...")'
};
/** The first ids and a count of the rest, for one-line messages. */
function listSome(ids, max = 8) {
    return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

;// CONCATENATED MODULE: ./src/import/markdown.ts
// Small Markdown readings shared by the readers: lines outside code fences, headings, front matter, checkboxes.


/** The lines of `text`, fences marked (a fence line itself counts as inside). Escaped fences (\`\`\`) are text. */
function lines(text) {
    let fence;
    return text.split(/\r?\n/).map((t, i) => {
        const m = /^\s*(`{3,}|~{3,})/.exec(t);
        if (m) {
            const mark = m[1];
            if (fence === undefined)
                fence = mark[0].repeat(mark.length);
            else if (mark.startsWith(fence)) {
                fence = undefined;
                return { n: i + 1, text: t, inFence: true };
            }
        }
        return { n: i + 1, text: t, inFence: fence !== undefined };
    });
}
/** `## Heading` → { level: 2, text: 'Heading' }, else undefined. Lines inside fences are never headings. */
function heading(line) {
    if (line.inFence)
        return undefined;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line.text);
    return m ? { level: m[1].length, text: m[2] } : undefined;
}
/** A GitHub task-list item: `- [ ] text` / `* [x] text`, with its indent. */
function markdown_checkbox(line) {
    if (line.inFence)
        return undefined;
    const m = /^(\s*)[-*+]\s+\[([ xX])\]\s*(.*)$/.exec(line.text);
    return m ? { indent: m[1].length, checked: m[2] !== ' ', text: m[3].trim() } : undefined;
}
/** YAML front matter (`---` ... `---` at the top) and the body after it; errors located in `file`. */
function frontMatter(text, file) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
    if (!m)
        return { data: {}, body: text, bodyLine: 1 };
    const doc = (0,dist/* parseDocument */.Tp)(m[1], { prettyErrors: false });
    const err = doc.errors[0];
    if (err) {
        const line = 1 + (err.linePos?.[0]?.line ?? 1);
        throw new ImportError(file, line, `front matter is not valid YAML: ${err.message.split('\n')[0]}`);
    }
    const data = doc.toJS();
    const bodyLine = m[0].split('\n').length;
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? data : {}, body: text.slice(m[0].length), bodyLine };
}
/**
 * The text of the `##`-level (or any `level`) section whose heading matches `title`,
 * up to the next heading of the same or higher level; '' if absent.
 */
function section(text, title, level = 2) {
    const ls = lines(text);
    const start = ls.findIndex((l) => {
        const h = heading(l);
        return h !== undefined && h.level === level && title.test(h.text);
    });
    if (start < 0)
        return '';
    const out = [];
    for (const l of ls.slice(start + 1)) {
        const h = heading(l);
        if (h && h.level <= level)
            break;
        out.push(l.text);
    }
    return out.join('\n').trim();
}
/** The first `# ` heading's text, if any. */
function firstTitle(text) {
    for (const l of lines(text)) {
        const h = heading(l);
        if (h?.level === 1)
            return h.text;
    }
    return undefined;
}
/** Text between backticks, or the text itself without surrounding punctuation. */
function unquote(s) {
    return s.trim().replace(/^`+|`+$/g, '').trim();
}
/**
 * Minutes in an estimate like `30 min`, `2h`, `1.5 hours`, `90min`, `2 days` (8 h a day), or undefined.
 * The first number and unit win (`8-10 hours` is 8 hours).
 */
function minutesIn(s) {
    const m = /(\d+(?:\.\d+)?)\s*(?:-\s*\d+(?:\.\d+)?\s*)?(minutes?|mins?|m\b|hours?|hrs?|h\b|days?|d\b)/i.exec(s);
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    const factor = unit.startsWith('d') ? 8 * 60 : unit.startsWith('h') ? 60 : 1;
    const v = Math.round(n * factor);
    return v > 0 ? v : undefined;
}

;// CONCATENATED MODULE: ./src/import/issue.ts
/**
 * An issue's task list: each unindented `- [ ] ...` item is a task (checked =
 * done, nested lines belong to it). "depends on #2", "after #2", "after 1, 3"
 * or "after <words>" make edges: `#N`/`N` is the item that starts with `#N`,
 * else the N-th item; words match the start of another item's name.
 */


const HINT = /\(?\s*\b(?:depends on|depends upon|after|needs|blocked by)\s*:?\s+((?:#?\d+|task\s+\d+)(?:\s*(?:,|and|&)\s*(?:#?\d+|task\s+\d+))*|[^).;]+)\)?\.?\s*$/i;
/** Read an issue body (a leading `# title` line is the title when none is given). */
function readIssue(issue) {
    let body = issue.body.replace(/\r\n/g, '\n');
    let title = issue.title;
    const h1 = /^#\s+(.+)\n?/.exec(body);
    if (!title && h1) {
        title = h1[1].trim();
        body = body.slice(h1[0].length);
    }
    const ls = lines(body);
    const offset = h1 && !issue.title ? 1 : 0;
    const items = [];
    ls.forEach((l, i) => {
        const box = markdown_checkbox(l);
        if (!box || box.indent > 0)
            return;
        const nested = [];
        for (const n of ls.slice(i + 1)) {
            if (markdown_checkbox(n)?.indent === 0 || (/^\S/.test(n.text) && !n.inFence))
                break;
            if (n.text.trim() !== '')
                nested.push(n.text);
        }
        items.push({ line: l, text: box.text, checked: box.checked, nested });
    });
    const warnings = [];
    const names = items.map((it) => it.text.replace(HINT, '').trim() || it.text);
    const tasks = items.map((it, i) => ({
        key: String(i + 1),
        idHint: `${i + 1}-${slug(names[i].replace(/^#\d+\s*/, ''), 40)}`,
        name: names[i].replace(/`/g, ''),
        needs: [],
        file: issue.path,
        line: it.line.n + offset,
        done: it.checked,
        prompt: [it.text, ...it.nested].join('\n')
    }));
    items.forEach((it, i) => {
        const hint = HINT.exec(it.text);
        if (!hint)
            return;
        const refs = hint[1].trim();
        const numbers = /^(?:#?\d+|task\s+\d+)/i.test(refs) ? [...refs.matchAll(/#?(\d+)/g)].map((m) => Number(m[1])) : [];
        if (numbers.length > 0) {
            for (const n of numbers) {
                const byRef = items.findIndex((x) => new RegExp(`^#${n}\\b`).test(x.text));
                const index = byRef >= 0 ? byRef : n - 1;
                if (index >= 0 && index < items.length && index !== i)
                    tasks[i].needs.push(String(index + 1));
                else
                    warnings.push(`${issue.path}:${tasks[i].line}: "${hint[0].trim()}" names no other item of the task list; ignored`);
            }
            return;
        }
        const words = refs.toLowerCase().replace(/^the\s+/, '');
        const index = names.findIndex((n, j) => j !== i && n.toLowerCase().replace(/^#\d+\s*/, '').startsWith(words));
        if (index >= 0)
            tasks[i].needs.push(String(index + 1));
        else
            warnings.push(`${issue.path}:${tasks[i].line}: "${hint[0].trim()}" names no item of the task list; ignored`);
    });
    const firstItem = items[0]?.line.n ?? ls.length + 1;
    const intro = ls.slice(0, firstItem - 1).map((l) => l.text).join('\n').trim();
    const after = ls.slice((items[items.length - 1]?.line.n ?? ls.length) + (items[items.length - 1]?.nested.length ?? 0)).map((l) => l.text).join('\n').trim();
    if (after)
        warnings.push(`${issue.path}: text after the task list is not carried over`);
    return {
        format: 'issue',
        title: title ?? (issue.number !== undefined ? `Issue #${issue.number}` : 'Imported issue'),
        issue: issue.number,
        intent: [title, intro].filter(Boolean).join('\n\n'),
        tasks,
        warnings
    };
}
/** A Markdown file read as an issue. */
function readIssueFile(file, number) {
    return readIssue({ body: file.text, path: file.path, number });
}

;// CONCATENATED MODULE: ./src/import/toolchain.ts
/**
 * The repository's toolchains, from its files: what `setup` installs once per
 * run and which default `checks` every task gets. Pure over a small file
 * probe, so it is table-tested on generated repositories.
 */
/** npm's placeholder test script: not a test. */
const NO_TEST = /no test specified/;
/** Every toolchain found at the root, in a fixed order. */
function detectToolchains(repo) {
    return [node(repo), python(repo), go(repo), rust(repo), java(repo), ruby(repo)].filter((t) => t !== undefined);
}
function node(repo) {
    const text = repo.read('package.json');
    if (text === undefined)
        return undefined;
    let scripts = {};
    let declared = '';
    try {
        const pkg = JSON.parse(text);
        scripts = pkg.scripts ?? {};
        declared = pkg.packageManager ?? '';
    }
    catch {
        // A broken package.json still means node; the checks are left to the user.
    }
    const pm = declared.startsWith('pnpm') || repo.exists('pnpm-lock.yaml') ? 'pnpm' : declared.startsWith('yarn') || repo.exists('yarn.lock') ? 'yarn' : 'npm';
    const install = pm === 'pnpm'
        ? 'pnpm install --frozen-lockfile'
        : pm === 'yarn'
            ? repo.exists('.yarnrc.yml')
                ? 'yarn install --immutable'
                : 'yarn install --frozen-lockfile'
            : repo.exists('package-lock.json') || repo.exists('npm-shrinkwrap.json')
                ? 'npm ci'
                : 'npm install';
    const run = (s) => (pm === 'npm' ? `npm run ${s}` : `${pm} run ${s}`);
    const checks = [];
    for (const s of ['typecheck', 'lint'])
        if (scripts[s])
            checks.push(run(s));
    if (scripts.test && !NO_TEST.test(scripts.test))
        checks.push(`${pm} test`);
    return { name: `node (${pm})`, setup: [{ name: `install node dependencies (${pm})`, run: install }], checks };
}
function python(repo) {
    const pyproject = repo.read('pyproject.toml');
    const hasReq = repo.exists('requirements.txt');
    if (pyproject === undefined && !hasReq && !repo.exists('setup.py') && !repo.exists('Pipfile'))
        return undefined;
    const hasTests = repo.exists('tests') || repo.exists('test') || /\[tool\.pytest/.test(pyproject ?? '') || repo.exists('pytest.ini');
    if (repo.exists('uv.lock') || /\[tool\.uv\]/.test(pyproject ?? '')) {
        return { name: 'python (uv)', setup: [{ name: 'install python dependencies (uv)', run: 'uv sync' }], checks: hasTests ? ['uv run pytest'] : [] };
    }
    if (repo.exists('poetry.lock') || /\[tool\.poetry\]/.test(pyproject ?? '')) {
        return { name: 'python (poetry)', setup: [{ name: 'install python dependencies (poetry)', run: 'poetry install --no-interaction' }], checks: hasTests ? ['poetry run pytest'] : [] };
    }
    const install = hasReq ? 'python -m pip install -r requirements.txt' : repo.exists('Pipfile') ? 'pipenv install --dev' : 'python -m pip install -e .';
    return { name: 'python (pip)', setup: [{ name: 'install python dependencies (pip)', run: install }], checks: hasTests ? ['python -m pytest'] : [] };
}
function go(repo) {
    if (!repo.exists('go.mod'))
        return undefined;
    return { name: 'go', setup: [{ name: 'download go modules', run: 'go mod download' }], checks: ['go build ./...', 'go test ./...'] };
}
function rust(repo) {
    if (!repo.exists('Cargo.toml'))
        return undefined;
    return { name: 'rust (cargo)', setup: [{ name: 'fetch crates', run: 'cargo fetch' }], checks: ['cargo test'] };
}
function java(repo) {
    if (repo.exists('pom.xml')) {
        const mvn = repo.exists('mvnw') ? './mvnw' : 'mvn';
        return { name: 'java (maven)', setup: [{ name: 'resolve maven dependencies', run: `${mvn} -B -q dependency:go-offline` }], checks: [`${mvn} -B test`] };
    }
    if (repo.exists('build.gradle') || repo.exists('build.gradle.kts') || repo.exists('settings.gradle') || repo.exists('settings.gradle.kts')) {
        const gradle = repo.exists('gradlew') ? './gradlew' : 'gradle';
        return { name: 'java (gradle)', setup: [{ name: 'resolve gradle dependencies', run: `${gradle} --no-daemon dependencies` }], checks: [`${gradle} --no-daemon test`] };
    }
    return undefined;
}
function ruby(repo) {
    if (!repo.exists('Gemfile'))
        return undefined;
    const check = repo.exists('.rspec') || repo.exists('spec') ? 'bundle exec rspec' : repo.exists('Rakefile') ? 'bundle exec rake' : undefined;
    return { name: 'ruby (bundler)', setup: [{ name: 'install gems (bundler)', run: 'bundle install' }], checks: check ? [check] : [] };
}

;// CONCATENATED MODULE: ./src/import/init.ts




/** The plan folder of an issue, relative to the repository root. */
function planFolderFor(issue) {
    return `${locate/* PLANS_DIR */.X}/${issue}`;
}
/** Build the plan for `init`. */
function buildInitPlan(input) {
    const source = readIssue(input.issue);
    if (source.tasks.length === 0) {
        // An issue without a task list is one task: the whole issue is its prompt.
        source.tasks.push({
            key: 'implement',
            name: source.title,
            needs: [],
            file: input.issue.path,
            line: 1,
            done: false,
            prompt: input.issue.body.trim() || source.title
        });
        source.warnings.push(`${input.issue.path}: no task list ("- [ ] ...") in the issue; the plan has one task for the whole issue`);
    }
    const toolchains = detectToolchains(input.repo);
    const checks = toolchains.flatMap((t) => t.checks);
    for (const t of source.tasks)
        t.checks = [...(t.checks ?? []), ...checks];
    const planDir = planFolderFor(input.issue.number);
    const built = buildPlan(source, {
        issue: input.issue.number,
        agent: input.agent,
        planDir,
        sourceName: input.issue.path,
        by: 'autopilot init',
        setup: toolchains.flatMap((t) => t.setup)
    });
    if (toolchains.length === 0)
        built.warnings.push('no toolchain recognised (package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, Gemfile...): no setup and no default checks');
    return { ...built, file: `${planDir}/${locate/* PLAN_FILE */.VI}`, toolchains };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/import/collect.ts
// Reading the input of `autopilot import` from disk: a file, or a folder's plan files (the only filesystem access of src/import).




/** Files a folder import reads besides its own top-level ones (Taskmaster layouts). */
const NESTED = ['tasks/tasks.json', '.taskmaster/tasks/tasks.json'];
const READABLE = /\.(md|markdown|json|ya?ml)$/i;
/** Larger inputs are not plans; refusing them keeps a mistaken path from eating memory. */
const MAX_BYTES = 5 * 1024 * 1024;
/** Read `target` (relative to `cwd`); file paths in messages are shown relative to `cwd`. */
async function collect(target, cwd) {
    const abs = external_node_path_default().resolve(cwd, target);
    let info;
    try {
        info = await (0,promises_.stat)(abs);
    }
    catch {
        throw new errors/* UsageError */.eb(`${target}: no such file or folder`);
    }
    const show = (p) => {
        const rel = external_node_path_default().relative(cwd, p);
        return rel && !rel.startsWith('..') ? rel : p;
    };
    if (!info.isDirectory()) {
        return { isDir: false, name: external_node_path_default().basename(external_node_path_default().dirname(abs)), files: [await readOne(abs, show(abs))] };
    }
    const entries = (await (0,promises_.readdir)(abs, { withFileTypes: true })).filter((e) => e.isFile() && READABLE.test(e.name)).map((e) => e.name).sort();
    const rels = [...entries, ...NESTED.filter((n) => (0,external_node_fs_.existsSync)(external_node_path_default().join(abs, n)))];
    const files = await Promise.all(rels.map((r) => readOne(external_node_path_default().join(abs, r), show(external_node_path_default().join(abs, r)))));
    return { isDir: true, name: external_node_path_default().basename(abs), files };
}
/** The other plan files next to `file` (for formats that span a folder: OpenSpec, CCPM). */
async function siblings(file, cwd) {
    return (await collect(external_node_path_default().dirname(external_node_path_default().resolve(cwd, file)), cwd)).files;
}
async function readOne(abs, shown) {
    try {
        const s = await (0,promises_.stat)(abs);
        if (s.size > MAX_BYTES)
            throw new errors/* UsageError */.eb(`${shown}: ${s.size} bytes is too large for a plan source (limit ${MAX_BYTES})`);
        return { path: shown, text: await (0,promises_.readFile)(abs, 'utf8') };
    }
    catch (e) {
        if (e instanceof errors/* UsageError */.eb)
            throw e;
        throw new errors/* UsageError */.eb(`${shown}: cannot read: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/import/detect.ts
const base = (p) => p.split('/').pop() ?? p;
const isJsonLike = (p) => /\.(json|ya?ml)$/i.test(p);
/** Recognise one file by its content (and name). */
function detectFile(file) {
    const name = base(file.path);
    const text = file.text;
    if (isJsonLike(name)) {
        if (/"(dependencies|subtasks|testStrategy)"\s*:/.test(text) && /"tasks"\s*:/.test(text) && !/"files_scope"|"depends_on"/.test(text)) {
            return { format: 'taskmaster', reason: `${name} has a "tasks" array with Taskmaster fields (dependencies, subtasks, testStrategy)` };
        }
        return { format: 'workstreams', reason: `${name} is a JSON/YAML workstream (id, depends_on, files_scope...)` };
    }
    if (/^Plans-[\w.-]+\.md\s*$/.test(text))
        return { format: 'miyabi', reason: `${name} names a Miyabi plan file (a symbolic link stored as text)` };
    if (/^#\s+Plans for Issue/m.test(text) || /^[-*]\s+\*\*ID\*\*\s*:/m.test(text))
        return { format: 'miyabi', reason: `${name} has Miyabi "- **ID**:" task bullets` };
    if (/Ready for Autonomous Execution/i.test(text))
        return { format: 'project-plan', reason: `${name} has a "Ready for Autonomous Execution" queue` };
    if (/^[-*]\s+\[[ xX]\]\s+T\d+\b/m.test(text) || /^#{3,}\s+T\d+[A-Za-z]?\s*:/m.test(text))
        return { format: 'speckit', reason: `${name} has spec-kit "- [ ] T001" task lines` };
    if (/^---\r?\n[\s\S]*?\b(depends_on|conflicts_with|parallel)\s*:[\s\S]*?\r?\n---/.test(text) || (name === 'epic.md' && /^#\s+Epic:/m.test(text))) {
        return { format: 'ccpm', reason: `${name} has CCPM front matter (depends_on, parallel, conflicts_with)` };
    }
    if (name === 'proposal.md' || (name === 'tasks.md' && (/^##\s+\d+\.\s/m.test(text) || /^#\s+Task Checklist/m.test(text)))) {
        return { format: 'openspec', reason: `${name} is an OpenSpec change file (numbered "## 1." task groups)` };
    }
    return { format: 'issue', reason: `${name} read as an issue task list ("- [ ] ..." items)` };
}
/** Recognise a folder by its layout, then by the content of its files. */
function detectFolder(files) {
    const names = files.map((f) => f.path);
    const has = (re) => names.some((n) => re.test(n));
    if (has(/(^|\/)tasks\/tasks\.json$/))
        return { format: 'taskmaster', reason: 'folder holds tasks/tasks.json (Taskmaster)' };
    if (has(/(^|\/)epic\.md$/) || (has(/(^|\/)\d+\.md$/) && files.some((f) => /^\d+\.md$/.test(base(f.path)) && detectFile(f).format === 'ccpm'))) {
        return { format: 'ccpm', reason: 'folder holds epic.md / numbered task files (CCPM epic)' };
    }
    if (has(/(^|\/)proposal\.md$/) && has(/(^|\/)tasks\.md$/))
        return { format: 'openspec', reason: 'folder holds proposal.md and tasks.md (OpenSpec change)' };
    const plans = files.find((f) => /^Plans(-[\w-]+)?\.md$/.test(base(f.path)));
    if (plans)
        return { format: 'miyabi', reason: `folder holds ${base(plans.path)} (Miyabi)` };
    const pp = files.find((f) => /^PROJECT_PLAN\.md$/i.test(base(f.path)));
    if (pp)
        return { format: 'project-plan', reason: 'folder holds PROJECT_PLAN.md' };
    const tasksMd = files.find((f) => base(f.path) === 'tasks.md');
    if (tasksMd)
        return detectFile(tasksMd);
    if (files.some((f) => isJsonLike(f.path)))
        return { format: 'workstreams', reason: 'folder holds JSON/YAML workstream files' };
    return undefined;
}

;// CONCATENATED MODULE: ./src/import/ccpm.ts
/**
 * CCPM epics (`.claude/epics/<epic>/`): one task per file named by a number
 * (`179.md`); edges from `depends_on` (task file numbers, else GitHub issue
 * numbers); `conflicts_with` is a warning, not an edge; `closed`/`completed`
 * are done. `epic.md` gives the title, the issue and the intent (Overview).
 */



const DONE = /^(closed|completed|done)$/i;
/** Read an epic folder's files (task files, epic.md; other companions are reported, not read). */
function readCcpm(files, epicName) {
    const warnings = [];
    const epic = files.find((f) => /(^|\/)epic\.md$/.test(f.path));
    const taskFiles = files
        .filter((f) => /(^|\/)\d+\.md$/.test(f.path))
        .sort((a, b) => numberOf(a.path) - numberOf(b.path));
    for (const f of files) {
        if (f !== epic && !taskFiles.includes(f))
            warnings.push(`${f.path}: companion file not carried over (only epic.md and numbered task files are read)`);
    }
    const byIssue = new Map();
    const parsed = taskFiles.map((f) => {
        const { data, body } = frontMatter(f.text, f.path);
        const key = String(numberOf(f.path));
        const issue = issueNumber(data.github);
        if (issue !== undefined)
            byIssue.set(issue, key);
        return { f, data, body, key };
    });
    const keys = new Set(parsed.map((p) => p.key));
    const tasks = parsed.map(({ f, data, body, key }) => {
        const name = String(data.name ?? firstTitle(body)?.replace(/^Task:\s*/i, '') ?? key).trim();
        const needs = numbers(data.depends_on).map((n) => (keys.has(String(n)) ? String(n) : (byIssue.get(n) ?? String(n))));
        const conflicts = numbers(data.conflicts_with);
        if (conflicts.length > 0) {
            warnings.push(`${f.path}:${lineOf(f.text, 'conflicts_with')}: conflicts_with [${conflicts.join(', ')}] is not an edge; autopilot warns when same-level tasks' paths overlap, so give both tasks paths`);
        }
        const effort = section(body, /Effort/i);
        return {
            key,
            idHint: `task-${key}-${slug(name, 30)}`,
            name,
            needs,
            file: f.path,
            line: 1,
            done: DONE.test(String(data.status ?? '')),
            paths: filesIn(section(body, /Technical Details|Files/i)),
            estimateMinutes: effort ? minutesIn(effort) : undefined,
            prompt: body.trim()
        };
    });
    const epicData = epic ? frontMatter(epic.text, epic.path) : undefined;
    const overview = epicData ? section(epicData.body, /^Overview/i) : '';
    return {
        format: 'ccpm',
        title: String(epicData?.data.name ?? (epicData && firstTitle(epicData.body)?.replace(/^Epic:\s*/i, '')) ?? epicName),
        issue: issueNumber(epicData?.data.github),
        intent: overview,
        tasks,
        warnings
    };
}
function numberOf(path) {
    return Number(/(\d+)\.md$/.exec(path)?.[1] ?? NaN);
}
/** `[179]`, `[181, 182]`, `179`, `"179, 180"` → numbers. */
function numbers(v) {
    if (v === undefined || v === null)
        return [];
    const list = Array.isArray(v) ? v : String(v).replace(/[[\]"']/g, ' ').split(/[\s,]+/);
    return list.map((x) => Number(String(x).replace(/^#/, ''))).filter((n) => Number.isInteger(n));
}
function issueNumber(github) {
    const m = /\/issues\/(\d+)/.exec(String(github ?? ''));
    return m ? Number(m[1]) : undefined;
}
function lineOf(text, key) {
    const i = lines(text).find((l) => l.text.startsWith(`${key}:`));
    return i?.n ?? 1;
}
/** Backticked paths in a "Technical Details" section that look like files or folders. */
function filesIn(text) {
    const out = [];
    for (const m of text.matchAll(/`([^`\s]+)`/g)) {
        const p = m[1];
        if (/^[\w.@-]+(\/[\w.@*-]+)+\/?$/.test(p) && !p.includes('://') && !out.includes(p))
            out.push(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/import/agents.ts
// Tool names the sources use → autopilot's agent names.

const ALIASES = {
    'claude-code': 'claude',
    claude_code: 'claude',
    claudecode: 'claude',
    'codex-cli': 'codex',
    'gemini-cli': 'gemini',
    'github-copilot': 'copilot',
    'copilot-cli': 'copilot'
};
/** The agent a source's tool name means (`claude-code` → `claude`), or undefined when autopilot has no such agent. */
function agentName(tool) {
    const t = tool.trim().toLowerCase();
    if (schema/* AGENT_NAMES */.RO.includes(t))
        return t;
    return ALIASES[t];
}

;// CONCATENATED MODULE: ./src/import/miyabi.ts
/**
 * Miyabi `Plans.md` (CoordinatorAgent output). One task per unindented
 * `- **ID**:` bullet, named by the `### N. title` heading above it; edges only
 * from its own `- **Dependencies**:` bullet; `Status: ✅ Completed` is done.
 * The "Execution Plan (DAG Levels)" is kept only to check it against the
 * dependencies (they win).
 */



/** `- **Key**: value` at the start of a line. */
const BULLET = /^[-*]\s+\*\*([^*]+?)\*\*\s*:?\s*(.*)$/;
/** Plan-wide sections that end the last task's description. */
const PLAN_SECTION = /Execution Plan|Dependency Graph|Timeline|Success Criteria|Implementation Files|Technology Stack|Tech Stack|Environment Variables|Implementation Notes|Notes for/i;
/** Read one Plans.md. */
function readMiyabi(file) {
    const link = /^(Plans-[\w.-]+\.md)\s*$/.exec(file.text);
    if (link)
        throw new ImportError(file.path, 1, `this file only names ${link[1]} (Plans-latest.md is a symbolic link stored as text); import ${link[1]} itself`);
    const ls = lines(file.text);
    const warnings = [];
    const idLines = ls.filter((l) => !l.inFence && /^[-*]\s+\*\*ID\*\*\s*:/.test(l.text));
    const tasks = [];
    const ignored = new Map();
    idLines.forEach((idLine, i) => {
        const start = titleLineIndex(ls, idLine.n - 1);
        const next = idLines[i + 1];
        const end = next ? titleLineIndex(ls, next.n - 1) : endOfLastTask(ls, idLine.n - 1);
        const block = ls.slice(start, end);
        const title = heading(ls[start])?.text ?? '';
        const t = {
            key: unquote(BULLET.exec(idLine.text)[2]),
            name: title.replace(/^\d+\.\s*/, '').replace(/\s*✅\s*$/, '').trim(),
            needs: [],
            file: file.path,
            line: idLine.n,
            done: false,
            prompt: ''
        };
        const body = [];
        let inBullets = true;
        for (const l of block.slice(1)) {
            const m = BULLET.exec(l.text);
            if (inBullets && m && !l.inFence) {
                applyBullet(t, m[1].trim(), m[2].trim(), ignored);
                continue;
            }
            if (inBullets && l.text.trim() === '')
                continue;
            inBullets = false;
            body.push(l.text);
        }
        t.paths = miyabi_filesIn(body);
        t.prompt = body.join('\n').replace(/\n-{3,}\s*$/, '').trim();
        if (!t.name)
            t.name = t.key;
        tasks.push(t);
    });
    for (const [field, count] of ignored)
        warnings.push(`${file.path}: "${field}" (${count} task${count === 1 ? '' : 's'}) has no plan field; not carried over`);
    const header = /^#\s+Plans for Issue #(\d+)/m.exec(file.text);
    const title = /^\*\*Title\*\*\s*:\s*(.+)$/m.exec(file.text)?.[1]?.trim();
    const objective = section(file.text, /Objective|Goal|Overview/);
    for (const s of plannedSections(ls))
        warnings.push(`${file.path}:${s.n}: section "${s.text}" is not carried over (the plan has no place for it)`);
    return {
        format: 'miyabi',
        title: title ?? heading(ls[0] ?? { n: 1, text: '', inFence: false })?.text ?? 'Imported plan',
        issue: header ? Number(header[1]) : undefined,
        intent: [title, objective].filter(Boolean).join('\n\n'),
        tasks,
        warnings,
        statedLevels: levels(file)
    };
}
function applyBullet(t, key, value, ignored) {
    switch (key.toLowerCase()) {
        case 'id':
            return;
        case 'dependencies':
        case 'depends on':
            t.needs = value
                .split(',')
                .map(unquote)
                .filter((d) => d !== '' && !/^(none|-|n\/a)$/i.test(d));
            return;
        case 'status':
            if (/✅|completed|done/i.test(value))
                t.done = true;
            return;
        case 'estimated duration':
        case 'estimate':
            t.estimateMinutes = minutesIn(value);
            return;
        case 'assigned agent':
        case 'agent': {
            const agent = agentName(value.split(/\s/)[0] ?? '');
            if (agent)
                t.agent = agent;
            else
                ignored.set(`Assigned Agent: ${value}`, (ignored.get(`Assigned Agent: ${value}`) ?? 0) + 1);
            return;
        }
        default:
            ignored.set(key, (ignored.get(key) ?? 0) + 1);
    }
}
/** The task's `###` title line: the nearest heading above the ID bullet. */
function titleLineIndex(ls, idIndex) {
    for (let i = idIndex - 1; i >= 0; i--)
        if (heading(ls[i]))
            return i;
    return idIndex;
}
/** The last task ends at the first plan-wide `##` section after it. */
function endOfLastTask(ls, idIndex) {
    for (let i = idIndex + 1; i < ls.length; i++) {
        const h = heading(ls[i]);
        if (h && h.level <= 2 && PLAN_SECTION.test(h.text))
            return i;
    }
    return ls.length;
}
/** `**Files**:` lists in a description: `- \`path\` (new)` → `path`. */
function miyabi_filesIn(body) {
    const out = [];
    let inFiles = false;
    for (const l of body) {
        if (/^\*\*Files\*\*\s*:/.test(l.trim())) {
            inFiles = true;
            continue;
        }
        if (!inFiles)
            continue;
        const m = /^\s*[-*]\s+`([^`]+)`/.exec(l) ?? /^\s*[-*]\s+([^\s(]+\/[^\s(]*|[^\s(]+\.[A-Za-z0-9]+)\b/.exec(l);
        if (m)
            out.push(m[1]);
        else if (l.trim() !== '')
            inFiles = false;
    }
    return out;
}
/** Plan-wide `##` sections after the tasks that no plan field holds. */
function plannedSections(ls) {
    const skip = /Summary|Task Breakdown|Execution Plan|Objective|Goal|Overview/;
    return ls.filter((l) => {
        const h = heading(l);
        return h?.level === 2 && !skip.test(h.text) && /^\P{L}/u.test(h.text);
    }).map((l) => ({ ...l, text: heading(l).text }));
}
/** The "Execution Plan (DAG Levels)": `### Level K ...` + `- \`id\`` items, or `- **Level K**: \`a\`, \`b\``. */
function levels(file) {
    const ls = lines(file.text);
    const start = ls.findIndex((l) => /^##\s.*Execution Plan/.test(l.text));
    if (start < 0)
        return undefined;
    const out = [];
    let level;
    for (const l of ls.slice(start + 1)) {
        const h = heading(l);
        if (h && h.level <= 2)
            break;
        const lh = h && /^Level\s+(\d+)/i.exec(h.text);
        if (lh) {
            level = Number(lh[1]);
            continue;
        }
        const flat = /^[-*]\s+\*\*Level\s+(\d+)\*\*\s*:\s*(.*)$/i.exec(l.text);
        if (flat) {
            for (const m of flat[2].matchAll(/`([^`]+)`/g))
                out.push({ key: m[1], level: Number(flat[1]), file: file.path, line: l.n });
            continue;
        }
        const item = /^[-*]\s+`([^`]+)`/.exec(l.text);
        if (item && level !== undefined)
            out.push({ key: item[1], level, file: file.path, line: l.n });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/import/commands.ts
// Telling a shell command from a prose sentence in sources' test/verify fields.
/** Programs a test or verify command typically starts with. */
const PROGRAMS = new Set('python python3 pytest py.test tox nox uv poetry pip pipenv npm npx pnpm yarn bun bunx node deno tsc vitest jest mocha eslint prettier go cargo rustc make cmake ctest just mvn mvnw gradle gradlew ./gradlew ./mvnw bundle rake rspec ruby rails dotnet bash sh zsh git test ls grep diff docker terraform ruff mypy black flake8 pylint php composer mix elixir swift xcodebuild openspec markdownlint shellcheck actionlint'.split(' '));
/**
 * True when `text` reads as one shell command (`pytest tests/core -q`,
 * `./scripts/check.sh`), not a sentence ("All tests pass.").
 */
function looksLikeCommand(text) {
    const t = text.trim();
    if (t === '' || t.includes('\n'))
        return false;
    const first = t.split(/\s+/)[0];
    if (first.startsWith('./') || first.startsWith('scripts/'))
        return true;
    return PROGRAMS.has(first) && !/[.!]$/.test(t);
}

;// CONCATENATED MODULE: ./src/import/openspec.ts
/**
 * OpenSpec change folders (`proposal.md`, `tasks.md`, optional `design.md`).
 * Each `## N.` section of tasks.md is one task, done when every checkbox in it
 * (nested ones too, or the Status cells of its table) is checked; with no
 * numbered sections, each unindented checklist item is one. Tasks chain in file
 * order. Tables `| ID | Status | Files | Action | Verify | Done |` give file
 * scopes (`paths`) and verify commands (`checks`).
 */



/** Read a change: `files` holds tasks.md and, when present, proposal.md and design.md. */
function readOpenSpec(files, changeName) {
    const tasksFile = files.find((f) => /(^|\/)tasks\.md$/.test(f.path)) ?? files[0];
    const proposal = files.find((f) => /(^|\/)proposal\.md$/.test(f.path));
    const design = files.find((f) => /(^|\/)design\.md$/.test(f.path));
    const warnings = [];
    const ls = lines(tasksFile.text);
    const numbered = ls.filter((l) => heading(l)?.level === 2 && /^\d+\.\s/.test(heading(l).text));
    const tasks = numbered.length > 0 ? bySection(tasksFile, ls, numbered, warnings) : byItem(tasksFile, ls);
    tasks.forEach((t, i) => {
        if (i > 0)
            t.needs = [tasks[i - 1].key];
    });
    if (design)
        warnings.push(`${design.path}: design notes are not carried over; agents can still read the file in the repository`);
    const why = proposal ? section(proposal.text, /^Why\b/i) : '';
    const title = (proposal && firstTitle(proposal.text)?.replace(/^Change:\s*/i, '')) || changeName;
    if (proposal) {
        for (const s of ['What Changes', 'Impact'])
            if (section(proposal.text, new RegExp(`^${s}`, 'i')))
                warnings.push(`${proposal.path}: "## ${s}" is not carried over (intent holds "Why" only)`);
    }
    return { format: 'openspec', title, intent: why, tasks, warnings };
}
function bySection(file, ls, numbered, warnings) {
    return numbered.map((h) => {
        const title = heading(h).text;
        const number = /^(\d+)\./.exec(title)[1];
        const name = title.replace(/^\d+\.\s*/, '');
        const endLine = nextSection(ls, h.n);
        const body = ls.slice(h.n, endLine - 1);
        const boxes = body.map(markdown_checkbox).filter((b) => b !== undefined);
        const table = tableRows(body);
        const states = [...boxes.map((b) => b.checked), ...table.map((r) => r.done)];
        const paths = [];
        const checks = [];
        for (const r of table) {
            paths.push(...r.files);
            if (r.verify && looksLikeCommand(r.verify))
                checks.push(r.verify);
            else if (r.verify)
                warnings.push(`${file.path}:${r.line}: Verify "${r.verify}" is not a shell command; kept in the prompt only`);
        }
        return {
            key: number,
            idHint: `${number}-${slug(name)}`,
            name,
            needs: [],
            file: file.path,
            line: h.n,
            done: states.length > 0 && states.every(Boolean),
            paths,
            checks,
            prompt: body.map((l) => l.text).join('\n').trim()
        };
    });
}
function byItem(file, ls) {
    const out = [];
    let group = '';
    for (let i = 0; i < ls.length; i++) {
        const l = ls[i];
        const h = heading(l);
        if (h && h.level >= 2)
            group = h.text;
        const box = markdown_checkbox(l);
        if (!box || box.indent > 0)
            continue;
        const nested = [];
        let allChecked = box.checked;
        for (let j = i + 1; j < ls.length; j++) {
            const next = ls[j];
            if (heading(next) || (markdown_checkbox(next)?.indent === 0) || (/^\S/.test(next.text) && !next.inFence))
                break;
            nested.push(next.text);
            const sub = markdown_checkbox(next);
            if (sub && !sub.checked)
                allChecked = false;
        }
        const key = String(out.length + 1);
        out.push({
            key,
            idHint: `${key}-${slug(box.text)}`,
            name: box.text.replace(/`/g, '').slice(0, 120),
            needs: [],
            file: file.path,
            line: l.n,
            done: allChecked,
            prompt: [group ? `Part of: ${group}` : '', box.text, ...nested].filter(Boolean).join('\n')
        });
    }
    return out;
}
/** Line number where the numbered sections end (the next `#`/`##` heading that is not numbered). */
function nextSection(ls, from) {
    for (const l of ls.slice(from)) {
        const h = heading(l);
        if (h && h.level <= 2)
            return l.n;
    }
    return ls.length + 1;
}
/** Rows of `| ID | Status | Files | ... | Verify | ... |` tables (header names decide the columns). */
function tableRows(body) {
    const rows = [];
    let cols;
    for (const l of body) {
        if (l.inFence || !l.text.trim().startsWith('|')) {
            cols = undefined;
            continue;
        }
        const cells = l.text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        if (!cols) {
            cols = cells.map((c) => c.toLowerCase());
            continue;
        }
        if (cells.every((c) => /^:?-+:?$/.test(c)))
            continue;
        const get = (name) => cells[cols.indexOf(name)] ?? '';
        const files = [...get('files').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
        const verify = /^`([^`]+)`$/.exec(get('verify'))?.[1] ?? (get('verify') || undefined);
        rows.push({ line: l.n, done: /\[[xX]\]/.test(get('status')), files, verify });
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/import/project-plan.ts
/**
 * A PROJECT_PLAN.md autonomous queue: only the entries under the "Ready for
 * Autonomous Execution" heading (`→ **[task_3]** title` with indented
 * `- Key: value` lines); no edges unless an entry says `Depends on: task_N`.
 */

const ENTRY = /^\s*(?:→|->|[-*])\s*\*\*\[([^\]]+)\]\*\*\s*(.*)$/;
const FIELD = /^\s+(?:[-*]\s+)?([^:]+):\s*(.*)$/;
/** Read a PROJECT_PLAN.md. */
function readProjectPlan(file) {
    const ls = lines(file.text);
    const warnings = [];
    const tasks = [];
    let ready = false;
    let readyLevel = 0;
    let other;
    const flush = () => {
        if (other && other.count > 0)
            warnings.push(`${file.path}:${other.n}: ${other.count} entr${other.count === 1 ? 'y' : 'ies'} under "${other.title}" not imported (only "Ready for Autonomous Execution" is)`);
        other = undefined;
    };
    const unmapped = new Map();
    for (let i = 0; i < ls.length; i++) {
        const l = ls[i];
        const h = heading(l);
        if (h) {
            if (/Ready for Autonomous Execution/i.test(h.text)) {
                flush();
                ready = true;
                readyLevel = h.level;
                continue;
            }
            if (ready && h.level <= readyLevel)
                ready = false;
            if (!ready) {
                flush();
                other = { title: h.text, n: l.n, count: 0 };
            }
            continue;
        }
        const m = l.inFence ? null : ENTRY.exec(l.text);
        if (!m)
            continue;
        if (!ready) {
            if (other)
                other.count++;
            continue;
        }
        tasks.push(entry(file, ls, i, m[1].trim(), m[2].trim(), unmapped));
    }
    flush();
    for (const [k, n] of unmapped)
        warnings.push(`${file.path}: "${k}" (${n} entr${n === 1 ? 'y' : 'ies'}) has no plan field; kept in the prompt`);
    const title = firstTitle(file.text) ?? 'Project plan';
    const intent = section(file.text, /Goal|Overview|Vision|Summary|Objective/i) || section(file.text, /Goal|Overview|Vision|Summary|Objective/i, 3);
    return { format: 'project-plan', title, intent, tasks, warnings };
}
function entry(file, ls, i, key, name, unmapped) {
    const fields = [];
    const inline = /\bDepends on:\s*(.+)$/i.exec(name);
    const task = { key, name: (inline ? name.slice(0, inline.index) : name).replace(/[\s(—–-]+$/, '') || key, needs: [], file: file.path, line: ls[i].n, done: false, prompt: '' };
    if (inline)
        task.needs.push(...dependencyIds(inline[1]));
    for (const l of ls.slice(i + 1)) {
        const f = FIELD.exec(l.text);
        if (!f) {
            if (l.text.trim() === '')
                continue;
            break;
        }
        const k = f[1].trim();
        const v = f[2].trim();
        fields.push(`- ${k}: ${v}`);
        if (/^depends on$/i.test(k))
            task.needs.push(...dependencyIds(v));
        else if (/^status$/i.test(k))
            task.done = /done|complete|merged/i.test(v);
        else
            unmapped.set(k, (unmapped.get(k) ?? 0) + 1);
    }
    task.prompt = [name, ...fields].join('\n');
    return task;
}
/** `task_1, task_2` / `[task_1] and [task_2]` → ids. */
function dependencyIds(text) {
    return (text.match(/[A-Za-z_][\w-]*/g) ?? []).filter((d) => !/^(none|and|or)$/i.test(d));
}

;// CONCATENATED MODULE: ./src/import/prose-paths.ts
// File paths named in prose ("Create User model in backend/src/models/user.py").
/**
 * Repository-relative paths in `text`: backticked tokens and bare tokens with a
 * `/` (`src/models/user.py`, `backend/src`). URLs, `@refs`, absolute paths and
 * template placeholders (`[name]`) are skipped.
 */
function pathsInProse(text) {
    const out = [];
    const add = (p) => {
        const clean = p.replace(/[),.;:]+$/, '');
        if (clean.includes('://') || clean.startsWith('/') || clean.startsWith('@') || /[[\]<>{}]/.test(clean))
            return;
        if (!/^[\w.-]+(\/[\w.*-]+)*\/?$/.test(clean))
            return;
        if (!clean.includes('/') && !/\.[A-Za-z0-9]{1,6}$/.test(clean))
            return;
        if (!out.includes(clean))
            out.push(clean);
    };
    for (const m of text.matchAll(/`([^`\s]+)`/g))
        add(m[1]);
    for (const m of text.replace(/`[^`]*`/g, ' ').matchAll(/(?:^|\s|\()((?:\.?[\w-]+\/)+[\w.*-]*)/g))
        add(m[1]);
    return out;
}

;// CONCATENATED MODULE: ./src/import/speckit.ts
/**
 * GitHub spec-kit `tasks.md`. Each `- [ ] T###` line (or `### T###:` heading,
 * done when all its checkboxes are checked) is a task. Phases (`##`) run in
 * order; within a phase tasks run in listed order, except that a run of
 * consecutive `[P]` tasks is one parallel group. Each group needs the group
 * before it; a phase's first group needs every task of the previous phase.
 */


const LINE_TASK = /^(T\d+[A-Za-z]?)\b[:.]?\s*(.*)$/;
const HEADING_TASK = /^(T\d+[A-Za-z]?)\s*[:.-]?\s*(.*)$/;
/** Read a tasks.md. */
function readSpeckit(file) {
    const ls = lines(file.text);
    const warnings = [];
    const parsed = [];
    let phase = 0;
    let phaseTitle = '';
    let stories = 0;
    for (let i = 0; i < ls.length; i++) {
        const l = ls[i];
        const h = heading(l);
        // `##` headings are phases; some files write `### Phase N: ...` instead.
        if (h && (h.level <= 2 || /^Phase\b/i.test(h.text))) {
            phase++;
            phaseTitle = h.text;
            continue;
        }
        const box = markdown_checkbox(l);
        const fromLine = box && box.indent === 0 ? LINE_TASK.exec(box.text) : null;
        const fromHeading = h && h.level >= 3 ? HEADING_TASK.exec(h.text) : null;
        if (!fromLine && !fromHeading)
            continue;
        let rest = (fromLine ?? fromHeading)[2];
        const key = (fromLine ?? fromHeading)[1];
        const parallel = /\[P\]/.test(rest);
        const story = /\[([A-Z]*-?US\d+)\]/.exec(rest)?.[1];
        if (story)
            stories++;
        rest = rest.replace(/\[P\]\s*/g, '').replace(/\[[A-Z]*-?US\d+\]\s*/g, '').trim();
        const body = fromHeading ? blockUnder(ls, i) : nested(ls, i);
        const boxes = body.map(markdown_checkbox).filter((b) => b !== undefined);
        const done = fromLine ? box.checked : boxes.length > 0 && boxes.every((b) => b.checked);
        parsed.push({
            parallel,
            phase,
            task: {
                key,
                name: rest.replace(/`/g, '').slice(0, 160) || key,
                needs: [],
                file: file.path,
                line: l.n,
                done,
                paths: pathsInProse(rest),
                prompt: [phaseTitle ? `Phase: ${phaseTitle}` : '', story ? `User story: ${story}` : '', rest, ...body.map((b) => b.text)].filter(Boolean).join('\n')
            }
        });
    }
    linkGroups(parsed);
    if (stories > 0)
        warnings.push(`${file.path}: user-story tags ([USn]) have no plan field; kept in each prompt`);
    for (const s of ['Dependencies & Execution Order', 'Parallel Example', 'Implementation Strategy']) {
        if (section(file.text, new RegExp(`^${s.replace(/[&]/g, '.')}`)))
            warnings.push(`${file.path}: "## ${s}" is prose; its order is read from phases and [P] markers only`);
    }
    const title = (firstTitle(file.text) ?? 'Imported tasks').replace(/^Tasks:\s*/i, '');
    const input = /^\*\*Input\*\*\s*:?\s*(.+)$/m.exec(file.text)?.[1] ?? '';
    return { format: 'speckit', title, intent: [title, input].filter(Boolean).join('\n\n'), tasks: parsed.map((p) => p.task), warnings };
}
/** Phases in order, `[P]` runs as groups: each group needs the previous group, a phase's first group the whole previous phase. */
function linkGroups(parsed) {
    const phases = [...new Set(parsed.map((p) => p.phase))];
    let previousPhase = [];
    for (const ph of phases) {
        const items = parsed.filter((p) => p.phase === ph);
        const groups = [];
        for (const p of items) {
            const last = groups[groups.length - 1];
            if (p.parallel && last && last[0].parallel)
                last.push(p);
            else
                groups.push([p]);
        }
        groups.forEach((g, i) => {
            const needs = i === 0 ? previousPhase : groups[i - 1].map((p) => p.task.key);
            for (const p of g)
                p.task.needs = [...needs];
        });
        previousPhase = items.map((p) => p.task.key);
    }
}
/** Indented lines under a task line. */
function nested(ls, i) {
    const out = [];
    for (const l of ls.slice(i + 1)) {
        if (l.text.trim() !== '' && !/^\s/.test(l.text))
            break;
        if (l.text.trim() !== '')
            out.push(l);
    }
    return out;
}
/** Lines under a `### T001:` heading up to the next heading. */
function blockUnder(ls, i) {
    const out = [];
    for (const l of ls.slice(i + 1)) {
        if (heading(l))
            break;
        if (l.text.trim() !== '' && !/^-{3,}$/.test(l.text.trim()))
            out.push(l);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/import/taskmaster.ts
/**
 * Taskmaster `tasks.json` (legacy `{tasks}` or tagged `{master: {tasks}}`).
 * Top-level tasks only, edges from `dependencies`; subtasks stay inside their
 * task's prompt (their dependencies name sibling subtasks); `done` is done,
 * every other status is imported.
 */

/** Read a tasks.json. `tag` picks a tag of a tagged file (default `master`, else the only one). */
function readTaskmaster(file, tag) {
    const data = parseJson(file.text, file.path);
    const warnings = [];
    if (!data || typeof data !== 'object' || Array.isArray(data))
        throw new ImportError(file.path, 1, 'expected a JSON object with "tasks" or a tag such as "master"');
    const root = data;
    let list;
    let meta = {};
    if (Array.isArray(root.tasks)) {
        list = root.tasks;
        meta = root.metadata ?? {};
    }
    else {
        const tags = Object.keys(root).filter((k) => Array.isArray(root[k]?.tasks));
        const chosen = tag ?? (tags.includes('master') ? 'master' : tags.length === 1 ? tags[0] : undefined);
        if (chosen === undefined || !tags.includes(chosen)) {
            throw new ImportError(file.path, 1, tags.length === 0 ? 'no "tasks" array found (expected {"tasks": [...]} or {"master": {"tasks": [...]}})' : `several tags (${tags.join(', ')}) and none is "master"`);
        }
        for (const other of tags.filter((t) => t !== chosen))
            warnings.push(`${file.path}: tag "${other}" not imported (only "${chosen}")`);
        const entry = root[chosen];
        list = entry.tasks;
        meta = entry.metadata ?? {};
    }
    const text = file.text;
    let priorities = 0;
    const tasks = list.map((t, i) => {
        const key = String(t.id ?? i + 1);
        if (t.priority !== undefined)
            priorities++;
        const subtasks = Array.isArray(t.subtasks) ? t.subtasks : [];
        const prompt = [
            str(t.description),
            str(t.details) && `Details:\n${str(t.details)}`,
            str(t.testStrategy) && `Test strategy:\n${str(t.testStrategy)}`,
            subtasks.length > 0 && `Subtasks, in order:\n${subtasks.map(subtaskLine).join('\n')}`
        ]
            .filter(Boolean)
            .join('\n\n');
        return {
            key,
            idHint: `task-${key}`,
            name: str(t.title) || `Task ${key}`,
            needs: (Array.isArray(t.dependencies) ? t.dependencies : []).map((d) => String(d)),
            file: file.path,
            line: lineOfId(text, key),
            done: str(t.status).toLowerCase() === 'done',
            prompt
        };
    });
    if (priorities > 0)
        warnings.push(`${file.path}: "priority" (${priorities} tasks) has no plan field; order comes from dependencies`);
    const title = str(meta.projectName) || str(meta.description) || 'Taskmaster tasks';
    return { format: 'taskmaster', title, intent: str(meta.description) || str(meta.projectName), tasks, warnings };
}
function str(v) {
    return typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);
}
function subtaskLine(s) {
    const deps = Array.isArray(s.dependencies) && s.dependencies.length > 0 ? ` (after subtask ${s.dependencies.join(', ')})` : '';
    const status = str(s.status) === 'done' ? ' [done]' : '';
    return `${str(s.id)}. ${str(s.title)}${status}${deps}${str(s.description) ? `: ${str(s.description)}` : ''}`;
}
/** Line of the n-th top-level `"id": <key>` (best effort: the first match after the previous task). */
function lineOfId(text, key) {
    const re = new RegExp(`"id"\\s*:\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*[,}\\n]`, 'g');
    const m = re.exec(text);
    return m ? text.slice(0, m.index).split('\n').length : 1;
}

;// CONCATENATED MODULE: ./src/import/workstreams.ts
/**
 * Workstream bundles: one JSON or YAML object per workstream (`ws-NN-*.json`),
 * a list of them, or one workstream whose `steps[]` are the tasks. Edges from
 * `depends_on` (also `dependencies.depends_on`, `blocked_by`, and `blocks`
 * reversed); `files_scope` and friends become `paths`; `test_commands` and
 * command-like `acceptance_tests` become `checks`; `tool` /
 * `preferred_tools` / `fallback_tools` become `agent` and `fallback`;
 * `max_attempts` (or `circuit_breaker.max_attempts`) becomes `max-attempts`.
 */




/** Read workstream files (one bundle). */
function readWorkstreams(files) {
    const warnings = [];
    const tasks = [];
    const blocks = [];
    let title = '';
    let intent = '';
    for (const f of files) {
        const data = parseData(f);
        const items = Array.isArray(data) ? data : Array.isArray(data.workstreams) ? data.workstreams : [data];
        for (const item of items) {
            if (!item || typeof item !== 'object')
                throw new ImportError(f.path, 1, 'expected a workstream object (with "id")');
            const ws = item;
            if (Array.isArray(ws.steps)) {
                title ||= workstreams_str(ws.title) || workstreams_str(ws.id);
                intent ||= workstreams_str(ws.objective) || workstreams_str(ws.description) || workstreams_str(ws._comment_purpose);
                for (const step of ws.steps)
                    tasks.push(toTask({ ...inherited(ws), ...step }, f, warnings, blocks));
            }
            else {
                tasks.push(toTask(ws, f, warnings, blocks));
            }
        }
    }
    for (const b of blocks) {
        const target = tasks.find((t) => t.key === b.to);
        if (target)
            target.needs.push(b.from);
        else
            warnings.push(`${b.file}: ${b.from} blocks "${b.to}", which this bundle does not define; dropped`);
    }
    if (files.length === 1 && tasks.length === 1) {
        title ||= tasks[0].name;
        intent ||= tasks[0].prompt.split('\n')[0] ?? '';
    }
    return { format: 'workstreams', title: title || `Workstreams (${tasks.length})`, intent, tasks, warnings };
}
function parseData(f) {
    if (/\.ya?ml$/i.test(f.path)) {
        const doc = (0,dist/* parseDocument */.Tp)(f.text, { prettyErrors: false });
        const err = doc.errors[0];
        if (err)
            throw new ImportError(f.path, err.linePos?.[0]?.line ?? 1, `not valid YAML: ${err.message.split('\n')[0]}`);
        return doc.toJS();
    }
    return parseJson(f.text, f.path);
}
/** Workstream-level fields a step inherits: scope, attempts, tool. */
function inherited(ws) {
    const out = {};
    for (const k of ['files_scope', 'files_create', 'circuit_breaker', 'max_attempts', 'tool', 'preferred_tools', 'fallback_tools'])
        if (ws[k] !== undefined)
            out[k] = ws[k];
    return out;
}
const SKIP = new Set(['id', 'doc_id', 'title', 'description', 'objective', 'tasks', 'depends_on', 'dependencies', 'blocked_by', 'files_scope', 'files_create', 'file_scope', 'scope', 'test_commands', 'acceptance_tests', 'acceptance_criteria', 'tool', 'preferred_tools', 'fallback_tools', 'max_attempts', 'circuit_breaker', 'execution_profile', 'effort_estimate', 'estimate_minutes', 'estimated_minutes', 'status', 'metadata', 'execution_steps', 'pre_flight_checks']);
function toTask(ws, f, warnings, blocks) {
    const key = workstreams_str(ws.id);
    if (!key)
        throw new ImportError(f.path, 1, 'a workstream has no "id"');
    const line = workstreams_lineOf(f.text, key);
    const where = `${f.path}:${line}`;
    const deps = ws.dependencies && typeof ws.dependencies === 'object' && !Array.isArray(ws.dependencies) ? ws.dependencies : {};
    const needs = [...list(ws.depends_on), ...list(Array.isArray(ws.dependencies) ? ws.dependencies : deps.depends_on), ...list(ws.blocked_by)].map((d) => d.split(/\s/)[0]);
    for (const b of list(deps.blocks))
        blocks.push({ from: key, to: b.split(/\s/)[0], file: where });
    const notes = workstreams_str(ws.metadata?.notes);
    if (/\b(follows|after|depends|requires)\b/i.test(notes))
        warnings.push(`${where}: metadata.notes states an order ("${notes}") that is not in depends_on; not an edge`);
    const fileScope = (ws.file_scope ?? {});
    const scope = (ws.scope ?? {});
    const paths = [...list(ws.files_scope), ...list(ws.files_create), ...list(fileScope.modify), ...list(fileScope.create), ...list(scope.files_in_scope), ...list(scope.modules)];
    for (const k of ['forbidden_paths', 'read_only'])
        if (list(fileScope[k]).length > 0)
            warnings.push(`${where}: file_scope.${k} is not carried over (a task's paths only list what it may change; use gates.deny-paths for forbidden files)`);
    if (list(scope.files_out_of_scope).length > 0)
        warnings.push(`${where}: scope.files_out_of_scope is not carried over (use gates.deny-paths)`);
    const checks = [];
    const proseTests = [];
    const tests = [...(Array.isArray(ws.test_commands) ? ws.test_commands : []), ...(Array.isArray(ws.acceptance_tests) ? ws.acceptance_tests : []), ...(Array.isArray(ws.acceptance_criteria) ? ws.acceptance_criteria : [])];
    for (const t of tests) {
        const cmd = typeof t === 'string' ? t : workstreams_str(t.command) || workstreams_str(t.test_method) || workstreams_str(t.criterion) || workstreams_str(t.description);
        if (looksLikeCommand(cmd))
            checks.push(cmd);
        else if (cmd)
            proseTests.push(cmd);
    }
    if (proseTests.length > 0)
        warnings.push(`${where}: ${proseTests.length} acceptance test(s) are not shell commands (e.g. "${proseTests[0]}"); kept in the prompt, not as checks`);
    const tools = [...list(ws.preferred_tools), ...(ws.tool !== undefined ? [workstreams_str(ws.tool)] : []), ...list(ws.fallback_tools)];
    const agents = [];
    for (const t of tools) {
        const a = agentName(t);
        if (a && !agents.includes(a))
            agents.push(a);
        else if (!a)
            warnings.push(`${where}: tool "${t}" is not an agent autopilot drives; not carried over`);
    }
    const cb = (ws.circuit_breaker ?? {});
    const profile = (ws.execution_profile ?? {});
    const attempts = num(ws.max_attempts) ?? num(cb.max_attempts) ?? (num(profile.retry_attempts) !== undefined ? num(profile.retry_attempts) + 1 : undefined);
    const effort = (ws.effort_estimate ?? {});
    const estimate = num(ws.estimate_minutes) ?? num(ws.estimated_minutes) ?? (num(effort.hours) !== undefined ? num(effort.hours) * 60 : undefined);
    const ignored = Object.keys(ws).filter((k) => !SKIP.has(k) && !k.startsWith('_comment') && !k.startsWith('$'));
    if (ignored.length > 0)
        warnings.push(`${where}: ${key}: fields without a plan field, not carried over: ${ignored.join(', ')}`);
    const steps = Array.isArray(ws.execution_steps) ? ws.execution_steps.map((s) => `- ${workstreams_str(s.action) || workstreams_str(s.description)}${s.command ? `: \`${workstreams_str(s.command)}\`` : ''}`) : [];
    const preflight = Array.isArray(ws.pre_flight_checks) ? ws.pre_flight_checks.map((s) => `- ${workstreams_str(s.description)}${s.command ? `: \`${workstreams_str(s.command)}\`` : ''}`) : [];
    const prompt = [
        workstreams_str(ws.objective) || workstreams_str(ws.description),
        list(ws.tasks).length > 0 ? `Tasks:\n${list(ws.tasks).map((t) => `- ${t}`).join('\n')}` : '',
        preflight.length > 0 ? `Before starting:\n${preflight.join('\n')}` : '',
        steps.length > 0 ? `Steps:\n${steps.join('\n')}` : '',
        proseTests.length > 0 ? `Acceptance:\n${proseTests.map((t) => `- ${t}`).join('\n')}` : '',
        notes ? `Notes: ${notes}` : ''
    ]
        .filter(Boolean)
        .join('\n\n');
    return {
        key,
        name: workstreams_str(ws.title) || workstreams_str(ws.description) || key,
        needs,
        file: f.path,
        line,
        done: /^(completed|complete|done|closed)$/i.test(workstreams_str(ws.status)),
        paths,
        checks,
        agent: agents[0],
        fallback: agents.slice(1),
        maxAttempts: attempts,
        estimateMinutes: estimate && estimate > 0 ? estimate : undefined,
        prompt
    };
}
function workstreams_str(v) {
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}
function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function list(v) {
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '')).filter(Boolean) : [];
}
function workstreams_lineOf(text, id) {
    const i = text.indexOf(`"${id}"`);
    const j = i >= 0 ? i : text.indexOf(id);
    return j >= 0 ? text.slice(0, j).split('\n').length : 1;
}

;// CONCATENATED MODULE: ./src/import/read.ts
// One entry point over the readers: which files of the input each format reads.









const read_base = (p) => p.split('/').pop() ?? p;
/**
 * Read `files` (a file, or a folder's files) as `format`. `name` is the folder
 * or file name (an OpenSpec change id, an epic name). Throws ImportError when
 * the format's main file is missing.
 */
function readSource(format, files, name) {
    const pick = (test, what) => {
        const f = files.find((x) => test(read_base(x.path)));
        if (!f)
            throw new ImportError(name, 1, `no ${what} here for --format ${format}`);
        return f;
    };
    switch (format) {
        case 'miyabi':
            return readMiyabi(files.length === 1 ? files[0] : latestPlans(files) ?? pick((n) => /^Plans.*\.md$/.test(n), 'Plans.md'));
        case 'openspec':
            pick((n) => n === 'tasks.md', 'tasks.md');
            return readOpenSpec(files.filter((f) => /^(tasks|proposal|design)\.md$/.test(read_base(f.path))), name);
        case 'ccpm':
            return readCcpm(files.filter((f) => /\.md$/.test(f.path) && !f.path.includes('/updates/')), name);
        case 'speckit':
            return readSpeckit(files.length === 1 ? files[0] : pick((n) => n === 'tasks.md', 'tasks.md'));
        case 'taskmaster':
            return readTaskmaster(files.length === 1 ? files[0] : pick((n) => n === 'tasks.json', 'tasks.json'));
        case 'workstreams':
            return readWorkstreams(files.filter((f) => /\.(json|ya?ml)$/i.test(f.path)));
        case 'project-plan':
            return readProjectPlan(files.length === 1 ? files[0] : pick((n) => /^PROJECT_PLAN\.md$/i.test(n), 'PROJECT_PLAN.md'));
        case 'issue':
            return readIssueFile(files.length === 1 ? files[0] : pick((n) => /\.md$/.test(n), 'Markdown file'));
    }
}
/** The newest `Plans-<timestamp>.md`, or `Plans.md`. A `Plans-latest.md` symlink stored as text is skipped. */
function latestPlans(files) {
    const plans = files.filter((f) => /^Plans(-\d{8}-\d{6})?\.md$/.test(read_base(f.path)));
    return plans.sort((a, b) => read_base(b.path).localeCompare(read_base(a.path)))[0];
}

;// CONCATENATED MODULE: ./src/import/types.ts
/** The formats `autopilot import` reads. */
const FORMATS = ['miyabi', 'openspec', 'ccpm', 'speckit', 'taskmaster', 'workstreams', 'project-plan', 'issue'];

// EXTERNAL MODULE: ./src/plan/load.ts + 6 modules
var load = __webpack_require__(60005);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/commands/parse-args.ts
// Flag parsing for every command: node's util.parseArgs, strict, its errors turned into UsageErrors.


/**
 * Parse `args` for `autopilot <command>`. Unknown flags, missing values and
 * extra positionals throw a UsageError naming the culprit and the valid flags.
 */
function parseCommandArgs(command, args, options, maxPositionals) {
    const all = { ...options, help: { type: 'boolean', short: 'h' } };
    const valid = Object.keys(all)
        .map((name) => `--${name}`)
        .join(', ');
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args, options: all, strict: true, allowPositionals: true });
    }
    catch (e) {
        const err = e;
        if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
            const flag = /'([^']+)'/.exec(err.message)?.[1] ?? err.message;
            throw new errors/* UsageError */.eb(`unknown option ${flag} for "autopilot ${command}"; valid options: ${valid}`);
        }
        if (err.code?.startsWith('ERR_PARSE_ARGS'))
            throw new errors/* UsageError */.eb(`autopilot ${command}: ${err.message}`);
        throw e;
    }
    const help = parsed.values.help === true;
    if (!help && parsed.positionals.length > maxPositionals) {
        throw new errors/* UsageError */.eb(`autopilot ${command}: unexpected argument "${parsed.positionals[maxPositionals]}"`);
    }
    return { values: parsed.values, positionals: parsed.positionals, help };
}
/** A flag holding a whole number of at least `min`, or undefined when absent; anything else is a UsageError. */
function wholeNumber(flag, value, min) {
    if (value === undefined)
        return undefined;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min))
        throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${String(value)}"`);
    return n;
}

;// CONCATENATED MODULE: ./src/commands/import.ts
// `autopilot import <file|dir>`: a plan from another tool's format (Miyabi, OpenSpec, CCPM, spec-kit, Taskmaster, workstreams, PROJECT_PLAN, an issue).












const usage = `Usage: autopilot import <file|dir> [options]

Turn another tool's plan into an Autopilot plan: Miyabi Plans.md, an OpenSpec
change, a CCPM epic, a spec-kit tasks.md, a Taskmaster tasks.json, workstream
bundles, a PROJECT_PLAN.md queue, or an issue's task list. The plan is printed
as YAML (or written with -o, with one prompt file per task beside it). Every
part of the source that could not be carried over is reported as a warning.

Options:
  --format F   auto (default), ${FORMATS.join(', ')}
  --issue N    issue number of the plan (default: the one the source names)
  --agent A    agent for tasks whose source names none (default claude): ${schema/* AGENT_NAMES */.RO.join(', ')}
  -o, --output FILE  write the plan there (prompts in <dir>/prompts/); refuses to overwrite
  --force      overwrite an existing plan and prompt files
  -h, --help   show this help

Exit codes: 0 imported (warnings allowed), 2 unreadable input or usage.`;
const importCommand = {
    name: 'import',
    summary: "turn another tool's plan (Miyabi, OpenSpec, CCPM, spec-kit, Taskmaster...) into a plan",
    usage,
    async run(args, io) {
        const parsed = parseCommandArgs('import', args, {
            format: { type: 'string', default: 'auto' },
            issue: { type: 'string' },
            agent: { type: 'string' },
            output: { type: 'string', short: 'o' },
            force: { type: 'boolean', default: false }
        }, 1);
        const target = parsed.positionals[0];
        if (!target)
            throw new errors/* UsageError */.eb('autopilot import: name the file or folder to import (see autopilot import --help)');
        const v = parsed.values;
        const format = String(v.format);
        if (format !== 'auto' && !FORMATS.includes(format)) {
            throw new errors/* UsageError */.eb(`--format "${format}" is unknown; allowed: auto, ${FORMATS.join(', ')}`);
        }
        const issue = v.issue === undefined ? undefined : positiveInt(String(v.issue), '--issue');
        const agent = v.agent === undefined ? undefined : agentOption(String(v.agent));
        const output = v.output === undefined ? undefined : external_node_path_default().resolve(io.cwd, String(v.output));
        const built = await importPlan({ target, cwd: io.cwd, format: format, issue, agent, output, log: (m) => io.err(m) });
        if (output) {
            await writePlan(built, output, io.cwd, v.force === true);
            io.err(`wrote ${external_node_path_default().relative(io.cwd, output) || output}: ${built.plan.tasks.length} tasks, ${built.prompts.length} prompt files`);
        }
        else
            io.out(built.yaml);
        return errors/* EXIT */.dc.ok;
    }
};
/** Read, detect, convert and validate; the built plan always passes `autopilot validate`. */
async function importPlan(o) {
    const input = await collect(o.target, o.cwd);
    let format = o.format;
    if (format === 'auto') {
        const found = input.isDir ? detectFolder(input.files) : detectFile(input.files[0]);
        if (!found)
            throw new errors/* UsageError */.eb(`${o.target}: no plan files recognised here; pass --format (${FORMATS.join(', ')})`);
        format = found.format;
        o.log(`format: ${found.format} (${found.reason})`);
    }
    let files = input.files;
    if (!input.isDir && (format === 'openspec' || format === 'ccpm'))
        files = await siblings(o.target, o.cwd);
    const source = readSource(format, files, input.name);
    const planDir = o.output ? planFolder(o.output, o.cwd) : undefined;
    const built = buildPlan(source, { issue: o.issue, agent: o.agent, planDir, sourceName: o.target });
    for (const w of built.warnings)
        o.log(`warning: ${w}`);
    if (built.done.length > 0)
        o.log(`left out ${built.done.length} done task(s): ${built.done.map((d) => d.id).join(', ')}`);
    // The contract: whatever import prints validates. A failure here is a bug in a reader, not the user's input.
    (0,load/* parsePlan */.v)(built.yaml, o.output ?? 'imported plan');
    return built;
}
/** The plan's folder relative to its repository root (prompt-file paths are repository-relative). */
function planFolder(output, cwd) {
    const root = repoRootOf(output);
    const dir = external_node_path_default().relative(root ?? cwd, external_node_path_default().dirname(output));
    if (dir.startsWith('..') || external_node_path_default().isAbsolute(dir))
        throw new errors/* UsageError */.eb(`-o ${output}: outside a git repository and outside the current folder; prompt files need a repository-relative path`);
    return dir.split((external_node_path_default()).sep).join('/') || '.';
}
/** Write the plan and its prompts; nothing is overwritten without `force`. */
async function writePlan(built, output, cwd, force) {
    const root = repoRootOf(output) ?? cwd;
    const targets = [output, ...built.prompts.map((p) => external_node_path_default().join(root, p.path))];
    const existing = targets.filter((t) => (0,external_node_fs_.existsSync)(t));
    if (existing.length > 0 && !force) {
        throw new errors/* UsageError */.eb(`${external_node_path_default().relative(cwd, existing[0]) || existing[0]} already exists (${existing.length} file(s) would be overwritten); pass --force to replace`);
    }
    for (const p of built.prompts) {
        const file = external_node_path_default().join(root, p.path);
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, p.text);
    }
    await (0,promises_.mkdir)(external_node_path_default().dirname(output), { recursive: true });
    await (0,promises_.writeFile)(output, built.yaml);
}
/** The nearest folder at or above the plan's holding `.git`, if any. */
function repoRootOf(output) {
    for (let d = external_node_path_default().dirname(output);; d = external_node_path_default().dirname(d)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(d, '.git')))
            return d;
        if (external_node_path_default().dirname(d) === d)
            return undefined;
    }
}
/** An issue number option (`42` or `#42`). */
function positiveInt(raw, flag) {
    const n = /^#?\d+$/.test(raw) ? Number(raw.replace('#', '')) : NaN;
    if (!Number.isInteger(n) || n < 1)
        throw new errors/* UsageError */.eb(`${flag} "${raw}": expected an issue number (a whole number >= 1)`);
    return n;
}
/** An `--agent` value. */
function agentOption(raw) {
    if (!schema/* AGENT_NAMES */.RO.includes(raw))
        throw new errors/* UsageError */.eb(`--agent "${raw}" is unknown; allowed: ${schema/* AGENT_NAMES */.RO.join(', ')}`);
    return raw;
}

;// CONCATENATED MODULE: ./src/commands/init.ts
// `autopilot init [issue]`: write .ai/plans/<n>/Autopilot.yaml from an issue's task list and the repository's toolchains.










const init_usage = `Usage: autopilot init [issue] [options]

Write .ai/plans/<issue>/Autopilot.yaml (and one prompt file per task) from an
issue: each "- [ ] ..." item of its task list becomes a task ("depends on #2",
"after #1" make edges); the repository's toolchains (node npm/pnpm/yarn,
python pip/uv/poetry, go, rust, java maven/gradle, ruby bundler) fill
\`setup\` and every task's default \`checks\`.

The issue is read from GitHub when GITHUB_TOKEN (or GH_TOKEN) is set and the
repository is known (--repo or GITHUB_REPOSITORY); else from --from-file, or
from stdin. A file's leading "# title" line is the issue title.

Options:
  --from-file F  the issue as Markdown ("-" for stdin)
  --repo O/R     repository to read the issue from (default: GITHUB_REPOSITORY)
  --agent A      agent of every task (default claude): ${schema/* AGENT_NAMES */.RO.join(', ')}
  --force        overwrite an existing plan and prompt files
  -h, --help     show this help

Exit codes: 0 written, 2 usage, an unreadable issue, or an existing plan without --force.`;
const initCommand = {
    name: 'init',
    summary: "write an issue's plan from its task list and the repository's toolchains",
    usage: init_usage,
    async run(args, io) {
        const parsed = parseCommandArgs('init', args, { 'from-file': { type: 'string' }, repo: { type: 'string' }, agent: { type: 'string' }, force: { type: 'boolean', default: false } }, 1);
        const v = parsed.values;
        const number = parsed.positionals[0] === undefined ? undefined : positiveInt(parsed.positionals[0], 'issue');
        const agent = v.agent === undefined ? undefined : agentOption(String(v.agent));
        const root = (0,locate/* findRepoRoot */.Gn)(io.cwd);
        const issue = await readIssueInput(number, v['from-file'], v.repo, io);
        const init = buildInitPlan({ issue, repo: fileProbe(root), agent });
        for (const w of init.warnings)
            io.err(`warning: ${w}`);
        if (init.toolchains.length > 0)
            io.err(`toolchains: ${init.toolchains.map((t) => t.name).join(', ')}`);
        await writePlan(init, external_node_path_default().join(root, init.file), io.cwd, v.force === true);
        io.out(`wrote ${init.file}: ${init.plan.tasks.length} task(s), ${init.prompts.length} prompt file(s); check it with "autopilot validate ${issue.number}"`);
        return errors/* EXIT */.dc.ok;
    }
};
async function readIssueInput(number, fromFile, repoArg, io) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    const repo = repoArg ?? io.env.GITHUB_REPOSITORY;
    if (fromFile === undefined && token && repo && number !== undefined) {
        const [owner, name] = repo.split('/');
        if (!owner || !name)
            throw new errors/* UsageError */.eb(`--repo "${repo}": expected owner/name`);
        const client = (0,github_client/* createGitHubClient */.L)({ token, baseUrl: io.env.GITHUB_API_URL, log: { warning: (m) => io.err(`warning: ${m}`) } });
        const got = await getIssue(client, owner, name, number);
        return { ...got, path: `${repo}#${number}` };
    }
    let body;
    let where;
    if (fromFile !== undefined && fromFile !== '-') {
        const file = external_node_path_default().resolve(io.cwd, fromFile);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new errors/* UsageError */.eb(`--from-file ${fromFile}: no such file`);
        body = (0,external_node_fs_.readFileSync)(file, 'utf8');
        where = fromFile;
    }
    else if (fromFile === '-' || !process.stdin.isTTY) {
        body = await readStdin();
        where = 'stdin';
    }
    else {
        throw new errors/* UsageError */.eb('autopilot init: no issue to read: set GITHUB_TOKEN and name the issue, or pass --from-file F (or pipe the issue on stdin)');
    }
    if (number === undefined)
        throw new errors/* UsageError */.eb('autopilot init: name the issue number (autopilot init 42 --from-file issue.md)');
    return { number, body, path: where };
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
}
/** The repository root as a RepoProbe. */
function fileProbe(root) {
    return {
        exists: (rel) => (0,external_node_fs_.existsSync)(external_node_path_default().join(root, rel)),
        read: (rel) => {
            try {
                return (0,external_node_fs_.readFileSync)(external_node_path_default().join(root, rel), 'utf8');
            }
            catch {
                return undefined;
            }
        }
    };
}

// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(10308);
// EXTERNAL MODULE: ./src/github/pull-request.ts
var pull_request = __webpack_require__(52524);
// EXTERNAL MODULE: ./src/run/executor.ts + 2 modules
var executor = __webpack_require__(83615);
// EXTERNAL MODULE: ./src/action/deliver.ts
var deliver = __webpack_require__(76607);
;// CONCATENATED MODULE: ./src/action/init-job.ts
/**
 * `command: init`: write the plan for the triggering issue (its task list,
 * the checkout's toolchains) and open a pull request adding it, so a
 * maintainer approves the plan by merging it. The checkout's files are not
 * touched: the commit is built from HEAD through a private index. When the
 * issue already has a plan, nothing happens (`plan-exists: true`).
 */












/** The branch the plan's pull request comes from. */
function initBranch(issue) {
    return `autopilot/plan-${issue}`;
}
async function initJob(settings, runner) {
    const issue = /^#?\d+$/.test(settings.plan) ? Number(settings.plan.replace('#', '')) : runner.context.issueNumber;
    if (issue === undefined)
        throw new errors/* UsageError */.eb('`command: init` needs an issue: run it on an issue event, or pass `plan:` an issue number');
    const repository = runner.context.repository;
    if (!repository || !settings.token)
        throw new errors/* UsageError */.eb('`command: init` reads the issue from GitHub: it needs the repository context and `token`');
    const workspace = runner.context.workspace;
    const checkout = new git/* Git */.TU(new executor/* ProcessExecutor */.l(), workspace);
    const planFile = `${planFolderFor(issue)}/${locate/* PLAN_FILE */.VI}`;
    if ((0,external_node_fs_.existsSync)(external_node_path_default().join(workspace, planFile))) {
        runner.info(`${planFile} exists: the issue already has a plan; nothing to do`);
        runner.setOutput('plan-exists', 'true');
        return;
    }
    const octokit = (0,github_client/* createGitHubClient */.L)({ token: settings.token, baseUrl: runner.context.apiUrl, log: { warning: (m) => runner.warning(m) } });
    const content = await getIssue(octokit, repository.owner, repository.repo, issue);
    const init = buildInitPlanFor(issue, content, workspace);
    for (const w of init.warnings)
        runner.warning(`autopilot init: ${w}`);
    const head = await commitPlan(checkout, init, issue, runner);
    const branch = initBranch(issue);
    await push(checkout, head, branch, settings.prToken, runner);
    const base = runner.context.refName ?? (await octokit.rest.repos.get(repository)).data.default_branch;
    const pr = await (0,pull_request/* upsertPullRequest */._)((0,github_client/* createGitHubClient */.L)({ token: settings.prToken, baseUrl: runner.context.apiUrl, log: { warning: (m) => runner.warning(m) } }), {
        ...repository,
        head: branch,
        base,
        title: `autopilot plan for #${issue}: ${content.title}`,
        body: prBody(init, issue)
    });
    runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`);
    runner.setOutput('plan-exists', 'false');
    runner.setOutput('branch', branch);
    runner.setOutput('pull-request-number', String(pr.number));
    runner.setOutput('pull-request-url', pr.url);
    await runner.summary(prBody(init, issue));
}
function buildInitPlanFor(issue, content, workspace) {
    return buildInitPlan({ issue: { number: issue, title: content.title || `Issue #${issue}`, body: content.body, path: `issue #${issue}` }, repo: fileProbe(workspace) });
}
/** One commit on HEAD adding the plan and its prompts, built through a private index (the checkout stays as it is). */
async function commitPlan(git, init, issue, runner) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(runner.context.tempDir, 'autopilot-init-'));
    const index = git.withIndex(external_node_path_default().join(dir, 'index'));
    try {
        await index.readTree('HEAD');
        for (const f of [{ path: init.file, text: init.yaml }, ...init.prompts])
            await index.indexFile(f.path, await git.writeBlob(f.text));
        return await git.commitTree(await index.writeTree(), [await git.commitOf('HEAD')], `autopilot: plan for #${issue}`, new Date().toISOString());
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Pushes `head` to the checkout's origin as `branch`, authenticated with `pr-token`. */
async function push(git, head, branch, token, runner) {
    const home = await (0,deliver/* originHome */.W)(git, token, runner);
    // Force: the plan branch belongs to autopilot; a re-run replaces the proposal.
    const r = await git.pushRef(home.remote, head, `refs/heads/${branch}`, { force: true, configArgs: home.configArgs });
    if (r.exitCode !== 0) {
        const why = r.stderr.trim().replace(/basic [A-Za-z0-9+/=]+/g, 'basic ***');
        throw new errors/* AutopilotError */.Wz(`could not push ${branch}: ${why}. The job needs \`permissions: contents: write\`, or a \`pr-token\` that may push.`, errors/* EXIT */.dc.taskFailed);
    }
}
function prBody(init, issue) {
    const lines = [
        `Proposed plan for #${issue}: \`${init.file}\`. **Merging this pull request approves the plan**; edit it here first if needed.`,
        '',
        `| task | needs | checks |`,
        `| --- | --- | --- |`,
        ...init.plan.tasks.map((t) => `| \`${t.id}\` | ${(t.needs ?? []).map((n) => `\`${n}\``).join(', ')} | ${(t.checks ?? []).length} |`),
        '',
        `Toolchains: ${init.toolchains.map((t) => t.name).join(', ') || 'none recognised'}.`
    ];
    if (init.warnings.length > 0)
        lines.push('', '<details><summary>Warnings</summary>', '', ...init.warnings.map((w) => `- ${w}`), '', '</details>');
    return lines.join('\n');
}


/***/ }),

/***/ 58774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ checkedOutBranches),
/* harmony export */   g: () => (/* binding */ originDefaultBranch)
/* harmony export */ });
/** The default branch as origin's HEAD names it, when the clone recorded it. */
async function originDefaultBranch(git) {
    const r = await git.raw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
    const ref = r.exitCode === 0 ? r.stdout.toString('utf8').trim() : '';
    return ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined;
}
/** Branches checked out in the repository and each of its worktrees. */
async function checkedOutBranches(git) {
    const r = await git.raw(['worktree', 'list', '--porcelain', '-z']);
    if (r.exitCode !== 0)
        return [];
    return r.stdout
        .toString('utf8')
        .split('\0')
        .filter((l) => l.startsWith('branch refs/heads/'))
        .map((l) => l.slice('branch refs/heads/'.length));
}


/***/ }),

/***/ 52524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ upsertPullRequest)
/* harmony export */ });
/* unused harmony export TRUNCATED_BODY_NOTE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71679);
// Opens autopilot's pull request, or updates the one already open for the branch: never a duplicate.


/** GitHub's answer when the workflow token may not open pull requests. */
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i;
/** GitHub's answer when an open pull request already exists for head and base. */
const ALREADY_EXISTS = /pull request already exists/i;
const TRUNCATED_BODY_NOTE = '> [!NOTE]\n> This description was cut to fit GitHub\'s limit; the full report is in the run\'s artifacts.';
/**
 * Creates or updates the pull request from `head` into `base`: the open one
 * for `owner:head` is found first and its title, body and base updated;
 * otherwise one is created. Then `labels` are added.
 *
 * @throws AutopilotError when GitHub refuses because Actions may not create
 *   pull requests in this repository; the message names the setting and the
 *   `pr-token` alternative.
 */
async function upsertPullRequest(octokit, spec) {
    const { owner, repo, head, base, title } = spec;
    const body = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateMarkdown */ .o)(spec.body, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b.pullRequestBodyChars, TRUNCATED_BODY_NOTE);
    let found = await findOpen(octokit, spec);
    let created = false;
    if (!found) {
        try {
            const { data } = await octokit.rest.pulls.create({ owner, repo, head, base, title, body, draft: spec.draft ?? false });
            found = { number: data.number, url: data.html_url };
            created = true;
        }
        catch (error) {
            if (status(error) === 403 && ACTIONS_MAY_NOT_CREATE.test(message(error)))
                throw actionsMayNotCreate(owner, repo, error);
            // Someone (a parallel run) opened it since we looked: update that one instead.
            if (!(status(error) === 422 && ALREADY_EXISTS.test(message(error))))
                throw error;
            found = await findOpen(octokit, spec);
            if (!found)
                throw error;
        }
    }
    if (!created) {
        await octokit.rest.pulls.update({ owner, repo, pull_number: found.number, title, body, base });
    }
    if (spec.labels?.length) {
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: found.number, labels: spec.labels });
    }
    return { number: found.number, url: found.url, created };
}
async function findOpen(octokit, spec) {
    // `head` must be `owner:branch`; a bare branch name would match nothing.
    const { data } = await octokit.rest.pulls.list({
        owner: spec.owner,
        repo: spec.repo,
        state: 'open',
        head: `${spec.owner}:${spec.head}`,
        per_page: 100
    });
    // GitHub allows one open pull request per head and base; prefer ours, else any for the head.
    const pr = data.find((p) => p.base.ref === spec.base) ?? data[0];
    return pr ? { number: pr.number, url: pr.html_url } : undefined;
}
function actionsMayNotCreate(owner, repo, cause) {
    const error = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`GitHub refused to open the pull request in ${owner}/${repo}: "${message(cause)}"\n` +
        'The workflow token may not create pull requests in this repository. Either allow it in ' +
        'Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests", ' +
        'or give autopilot a token that may (a fine-grained PAT or GitHub App token with "Pull requests: write") through the `pr-token` input.');
    error.cause = cause;
    return error;
}
function status(error) {
    return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
