export const id = 80;
export const ids = [80];
export const modules = {

/***/ 43154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ createGitHubClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./src/github/client.ts
// Builds the Octokit autopilot talks to GitHub with: @actions/github plus retry and throttling.



/**
 * An Octokit for `token`. Built on demand, never at import time: callers pass
 * it to the adapters (`upsertPullRequest`, `upsertIssueComment`).
 */
function createGitHubClient(opts) {
    const log = opts.log;
    const retries = opts.retries ?? 2;
    const maxWait = opts.maxRetryAfterSeconds ?? 300;
    const pace = opts.pace ?? true;
    const unit = pace ? 1000 : 1;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const what = `${options.method} ${options.url}`;
        if (retryCount >= retries || retryAfter > maxWait) {
            log?.warning(`GitHub ${kind} hit on ${what}; not retrying (retry after ${retryAfter} s, attempt ${retryCount + 1}).`);
            return false;
        }
        log?.warning(`GitHub ${kind} hit on ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries}).`);
        return true;
    };
    const throttle = {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        retryAfterBaseValue: unit,
        ...(pace ? {} : { write: unpacedGroup(), notifications: unpacedGroup(), search: unpacedGroup() })
    };
    return (0,github/* getOctokit */.Q)(opts.token, {
        ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {}),
        log: {
            debug: (m) => log?.debug?.(m),
            info: (m) => log?.debug?.(m),
            warn: (m) => log?.warning(m),
            error: (m) => log?.warning(m)
        },
        retry: { retries, retryAfterBaseValue: unit },
        throttle
    }, dist_bundle/* retry */.L, throttling);
}
/**
 * A stand-in for a Bottleneck group that runs jobs at once. The throttling
 * plugin only calls `group.key(id).schedule(options, fn, ...args)`.
 */
function unpacedGroup() {
    const limiter = {
        schedule: (_options, fn, ...args) => Promise.resolve(fn(...args))
    };
    return { key: () => limiter };
}


/***/ }),

/***/ 63640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ upsertIssueComment),
/* harmony export */   Q_: () => (/* binding */ issueMarker)
/* harmony export */ });
/* unused harmony exports TRUNCATED_COMMENT_NOTE, markedCommentBody */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71679);

const TRUNCATED_COMMENT_NOTE = '> [!NOTE]\n> This comment was cut to fit GitHub\'s limit; the full report is in the run\'s summary and artifacts.';
/** The marker of autopilot's comment on issue `issueNumber`: `<!-- autopilot:issue-<n> -->`. */
function issueMarker(issueNumber) {
    return `<!-- autopilot:issue-${issueNumber} -->`;
}
/** The body as posted: the marker on the first line, then `body` cut to fit what is left. */
function markedCommentBody(marker, body) {
    const rest = body.startsWith(marker) ? body.slice(marker.length).replace(/^\n/, '') : body;
    return `${marker}\n${(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o)(rest, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b.commentChars - marker.length - 1, TRUNCATED_COMMENT_NOTE)}`;
}
/**
 * Updates the issue's comment that carries `marker` (searching every page of
 * comments), or creates it. Re-running never adds a second comment.
 */
async function upsertIssueComment(octokit, spec) {
    const { owner, repo, issueNumber, marker } = spec;
    const body = markedCommentBody(marker, spec.body);
    const existing = await findMarked(octokit, spec);
    if (existing !== undefined) {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
        return { id: data.id, url: data.html_url, created: false };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: data.id, url: data.html_url, created: true };
}
async function findMarked(octokit, spec) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: spec.owner,
        repo: spec.repo,
        issue_number: spec.issueNumber,
        per_page: 100
    });
    for await (const { data } of pages) {
        const hit = data.find((c) => c.body?.includes(spec.marker));
        if (hit)
            return hit.id;
    }
    return undefined;
}


/***/ }),

/***/ 71679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ LIMITS),
/* harmony export */   o: () => (/* binding */ truncateMarkdown)
/* harmony export */ });
// GitHub's size caps on text we post, and the one truncation every renderer output goes through.
/** Size caps GitHub enforces on what autopilot writes. */
const LIMITS = {
    /** `$GITHUB_STEP_SUMMARY` per step, in bytes (UTF-8): larger summaries are rejected. */
    jobSummaryBytes: 1024 * 1024,
    /** Issue and pull-request comment body, in characters. */
    commentChars: 65_536,
    /** Pull-request body, in characters. */
    pullRequestBodyChars: 65_536
};
/**
 * Returns `text` unchanged when it fits in `max`, otherwise a prefix cut at a
 * line end, with an unclosed code fence closed, followed by `note` on its own
 * paragraph; the result never exceeds `max`. Counting UTF-16 code units
 * over-counts astral characters, so a `chars` result also fits GitHub's count.
 */
function truncateMarkdown(text, max, note, unit = 'chars') {
    const size = unit === 'chars' ? (s) => s.length : (s) => Buffer.byteLength(s, 'utf8');
    if (size(text) <= max)
        return text;
    const tail = `\n\n${note}`;
    const budget = max - size(tail);
    if (budget <= 0)
        return prefixWithin(note, max, size);
    let cut = prefixWithin(text, budget, size);
    // Prefer a whole line, unless that would throw away much of the budget.
    const nl = cut.lastIndexOf('\n');
    if (nl >= cut.length * 0.8)
        cut = cut.slice(0, nl);
    // Close a code fence left open, shrinking the cut until the closer fits too.
    for (;;) {
        const fence = openFence(cut);
        const close = fence ? `\n${fence}` : '';
        if (size(cut) + size(close) <= budget)
            return cut + close + tail;
        cut = prefixWithin(cut, budget - size(close), size);
    }
}
/** Longest prefix of `text` whose size is at most `max`, never splitting a surrogate pair. */
function prefixWithin(text, max, size) {
    let lo = 0;
    let hi = Math.min(text.length, max);
    // Sizes grow with length, so binary-search the longest fitting prefix.
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (size(text.slice(0, mid)) <= max)
            lo = mid;
        else
            hi = mid - 1;
    }
    const code = text.charCodeAt(lo - 1);
    if (lo > 0 && code >= 0xd800 && code <= 0xdbff)
        lo -= 1;
    return text.slice(0, lo);
}
/** The opening fence (``` or ~~~, any length) when `markdown` ends inside a fenced code block. */
function openFence(markdown) {
    let open;
    for (const line of markdown.split('\n')) {
        const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (!fence)
            continue;
        if (open === undefined)
            open = fence;
        else if (fence[0] === open[0] && fence.length >= open.length)
            open = undefined;
    }
    return open;
}


/***/ }),

/***/ 62050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip)
/* harmony export */ });
// Cutting report text to a width without breaking what a reader needs whole.
/**
 * `text` cut to about `max` characters, never inside a quoted name: a cut
 * that falls in `"..."` moves to the end of the quote (names are short).
 */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 1;
    const quotesBefore = (text.slice(0, end).match(/"/g) ?? []).length;
    if (quotesBefore % 2 === 1) {
        const close = text.indexOf('"', end);
        end = close === -1 ? end : close + 1;
    }
    return end >= text.length ? text : `${text.slice(0, end).trimEnd()}…`;
}


/***/ }),

/***/ 28812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a3: () => (/* binding */ formatDuration),
  pK: () => (/* binding */ formatUsage),
  Br: () => (/* binding */ renderSummary),
  CL: () => (/* binding */ runOutcome),
  Mq: () => (/* binding */ usageTotal)
});

// UNUSED EXPORTS: agentsUsed, checkedOnly, checksRun, renderGatesSection, renderTaskTable

// EXTERNAL MODULE: ./src/state/manifest.ts
var manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph = __webpack_require__(1924);
;// CONCATENATED MODULE: ./src/graph/render.ts
// Renderers of the task graph: mermaid (reports, PR body), JSON (`autopilot graph`) and GitHub matrices.

/** Node colours per task status, for `renderMermaid(g, statuses)`. */
const STATUS_STYLE = {
    pending: 'fill:#f6f8fa,stroke:#8c959f',
    running: 'fill:#fff8c5,stroke:#9a6700',
    succeeded: 'fill:#dafbe1,stroke:#1a7f37',
    cached: 'fill:#ddf4ff,stroke:#0969da',
    failed: 'fill:#ffebe9,stroke:#cf222e',
    denied: 'fill:#fff1e5,stroke:#bc4c00',
    blocked: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4',
    cancelled: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4'
};
/**
 * A mermaid flowchart, arrows from a task to the tasks that need it. Nodes are
 * named `t<index>` (a task id such as `end` would break mermaid) and labelled
 * with the id (or its entry in `names`); with `statuses`, the label adds the
 * status and the node is coloured.
 */
function renderMermaid(g, statuses, names) {
    const node = new Map(g.ids.map((id, i) => [id, `t${i}`]));
    const lines = ['flowchart TD'];
    for (const id of g.ids) {
        const status = statuses?.[id];
        const label = escapeLabel(names?.[id] ?? id);
        lines.push(`  ${node.get(id)}["${status ? `${label} (${escapeLabel(status)})` : label}"]`);
    }
    for (const id of g.ids)
        for (const d of g.dependents[id])
            lines.push(`  ${node.get(id)} --> ${node.get(d)}`);
    if (statuses) {
        const used = [...new Set(g.ids.map((id) => statuses[id]).filter((s) => s !== undefined && s in STATUS_STYLE))];
        for (const s of used)
            lines.push(`  classDef ${s} ${STATUS_STYLE[s]}`);
        for (const s of used) {
            const members = g.ids.filter((id) => statuses[id] === s).map((id) => node.get(id));
            lines.push(`  class ${members.join(',')} ${s}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
function escapeLabel(text) {
    return text.replace(/\s+/g, " ").replace(/["<>#]/g, (c) => `#${c.charCodeAt(0)};`);
}
/** `{"levels":[[ids...]],"criticalPath":[ids...]}` on one line. */
function renderGraphJson(g) {
    return JSON.stringify({ levels: levels(g), criticalPath: criticalPath(g) });
}
/** The matrix of an empty level: a workflow skips its job with `if: fromJSON(x).include[0] != null`. */
const EMPTY_MATRIX = '{"include":[]}';
/**
 * One GitHub matrix per level, `{"include":[{"task":"a"},...]}`, each on one
 * line. With `minLevels`, the list is padded with EMPTY_MATRIX so a workflow
 * with a fixed number of level jobs always gets a value; GitHub rejects an
 * empty matrix, so those jobs must be guarded (see EMPTY_MATRIX).
 */
function renderMatrix(g, minLevels = 0) {
    const out = levels(g).map((level) => JSON.stringify({ include: level.map((task) => ({ task })) }));
    while (out.length < minLevels)
        out.push(EMPTY_MATRIX);
    return out;
}

// EXTERNAL MODULE: ./src/agents/budget.ts
var budget = __webpack_require__(68277);
// EXTERNAL MODULE: ./src/report/clip.ts
var clip = __webpack_require__(62050);
;// CONCATENATED MODULE: ./src/report/markdown.ts





const ICON = {
    pending: '⏳',
    running: '🔄',
    succeeded: '✅',
    cached: '♻️',
    failed: '❌',
    denied: '⛔',
    blocked: '🚫',
    cancelled: '⏹️'
};
/** Overall outcome of a run, for titles and exit codes. */
function runOutcome(m) {
    if (!m.finishedAt)
        return 'running';
    if (m.breaker)
        return 'stopped';
    return Object.values(m.tasks).every(t => t.status === 'succeeded' || t.status === 'cached') ? 'succeeded' : 'failed';
}
function formatDuration(ms) {
    if (ms === undefined)
        return '';
    if (ms < 1000)
        return `${ms} ms`;
    const s = Math.round(ms / 100) / 10;
    if (s < 60)
        return `${s} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${Math.round(s - m * 60)} s`;
}
function formatUsage(u) {
    if (!u || u.calls === 0)
        return '';
    const tokens = u.inputTokens + u.outputTokens;
    const cost = u.costUsd !== undefined ? `, $${u.costUsd.toFixed(4)}` : '';
    const unknown = u.unknownCalls ?? 0;
    // A CLI that reported nothing: its tokens are unknown, not 0.
    const tokenText = unknown >= u.calls ? 'tokens unknown' : unknown > 0 ? `${tokens} tokens + unknown (${unknown} call${unknown === 1 ? '' : 's'} unreported)` : `${tokens} tokens`;
    return `${u.calls} call${u.calls === 1 ? '' : 's'}, ${tokenText}${cost}`;
}
/** One table cell or list item: one line, pipes escaped, no raw HTML (a task name like `<links>` stays visible). */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A task landed without changing anything (checks only): no commit of its own. */
function checkedOnly(r) {
    return !!r && manifest/* LANDABLE */.M.has(r.status) && (r.changedFiles ?? 0) === 0;
}
/** `3 files, +40 −2` from the task's commit, else the changed-file count the task recorded. */
function diffstat(input, id, r) {
    const d = input.manifest.diffstats?.[id];
    if (d)
        return `${d.files} file${d.files === 1 ? '' : 's'}, +${d.insertions} −${d.deletions}`;
    if (checkedOnly(r))
        return 'no changes';
    return r?.changedFiles ? `${r.changedFiles} file${r.changedFiles === 1 ? '' : 's'}` : '';
}
/** Each check step and its result: `tests ✅, lint ❌`. */
function checksRun(r) {
    const mark = { succeeded: '✅', failed: '❌', 'timed-out': '⏱️', skipped: '⏭️' };
    return (r?.steps ?? [])
        .filter(s => s.kind === 'check')
        .map(s => `${s.name} ${mark[s.status] ?? s.status}`)
        .join(', ');
}
function renderTaskTable(input) {
    const records = input.plan.tasks.map(t => input.manifest.tasks[t.id]);
    // Usage and agent columns only when some task used an agent: a shell-only plan has no use for them.
    const agentic = records.some(r => (r?.usage?.calls ?? 0) > 0 || agentsUsed(r) !== '');
    const rows = input.plan.tasks.map((t, i) => {
        const r = records[i];
        const status = r?.status ?? 'pending';
        const link = r ? input.logLink?.(r) : undefined;
        const why = r?.reason ? cell((0,clip/* clip */.$)(r.reason.split('\n')[0], 200)) : checkedOnly(r) ? 'checked only: no commit' : '';
        return [
            `\`${t.id}\``,
            cell(t.name ?? ''),
            `${ICON[status]} ${status}`,
            diffstat(input, t.id, r),
            cell(checksRun(r)),
            String(r?.attempts ?? 0),
            input.stable ? '' : formatDuration(r?.durationMs),
            ...(agentic ? [formatUsage(r?.usage), cell(agentsUsed(r))] : []),
            link ? `[log](${link})` : '',
            why
        ];
    });
    const head = ['Task', 'Name', 'Status', 'Diffstat', 'Checks', 'Attempts', 'Time', ...(agentic ? ['Usage', 'Agents'] : []), 'Log', 'Details'];
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n');
}
/** Who did the agent work: `codex`, or `codex ✗ → claude` after an escalation. */
function agentsUsed(r) {
    const parts = [];
    for (const s of r?.steps ?? []) {
        const tried = s.agents ?? (s.agent ? [s.agent] : []);
        if (tried.length === 0)
            continue;
        const last = tried.length - 1;
        parts.push(tried.map((a, i) => (i < last || s.status !== 'succeeded' ? `${a} ✗` : a)).join(' → '));
    }
    return parts.join(', ');
}
function renderGatesSection(input) {
    const lines = [];
    const verdicts = (who, gates) => {
        const denied = gates.filter(g => !g.allowed);
        if (denied.length === 0) {
            lines.push(`- ${who}: ✅ all ${gates.length} gates passed (${gates.map(g => g.gate).join(', ')})`);
            return;
        }
        lines.push(`- ${who}: ⛔ **${denied.length} denied**`);
        for (const g of denied) {
            lines.push(`  - ${g.gate}: ${cell(g.reason)}${g.optIn ? ` (to allow: \`${cell(g.optIn)}\`)` : ''}`);
            for (const f of g.findings ?? [])
                lines.push(`    - \`${cell(f)}\``);
        }
    };
    for (const t of input.plan.tasks) {
        const r = input.manifest.tasks[t.id];
        if (r?.gates.length)
            verdicts(`\`${t.id}\``, r.gates);
    }
    // Whole-branch gates judge a branch: only when one was built.
    if (input.manifest.gates?.length && Object.keys(input.manifest.commits ?? {}).length)
        verdicts('whole branch', input.manifest.gates);
    return lines.length ? lines.join('\n') : '_No gates evaluated yet._';
}
/** The full run report: the PR body, the job summary, the issue comment and summary-<ts>.md. */
function renderSummary(input) {
    const { plan, manifest } = input;
    const outcome = runOutcome(manifest);
    const statuses = Object.fromEntries(Object.values(manifest.tasks).map(t => [t.id, t.status]));
    const names = Object.fromEntries(plan.tasks.map(t => [t.id, t.name ?? t.id]));
    const total = usageTotal(manifest);
    const parts = [`## autopilot #${plan.issue}: ${plan.title}`, ''];
    if (input.pullRequest && plan.pr['close-issue'])
        parts.push(`Closes #${plan.issue}`, '');
    if (plan.intent.trim())
        parts.push(...plan.intent.trim().split('\n').map(l => `> ${l}`), '');
    parts.push(`**Outcome: ${outcome}**${manifest.breaker ? ` (circuit breaker: ${manifest.breaker})` : ''}. ` +
        `Branch \`${manifest.branch}\` from \`${manifest.baseCommit.slice(0, 12)}\`; plan \`${manifest.planPath}\` ` +
        `(sha256 ${manifest.planHash.slice(0, 12)}).`, '', renderTaskTable(input), '');
    const checked = plan.tasks.filter(t => checkedOnly(manifest.tasks[t.id]));
    if (checked.length) {
        parts.push(`Checked only, no commit: ${checked.map(t => `\`${t.id}\`${checksRun(manifest.tasks[t.id]) ? ` (${checksRun(manifest.tasks[t.id])})` : ''}`).join(', ')}: ` +
            'these tasks changed no file, so they land no commit of their own.', '');
    }
    parts.push(...renderCommits(input));
    parts.push('### DAG', '', '```mermaid', renderMermaid((0,graph/* buildGraph */.ZG)(plan.tasks), statuses, names), '```', '', '### Gates', '', renderGatesSection(input), '');
    const problems = Object.values(manifest.tasks).filter(t => t.reason && t.status !== 'succeeded');
    if (problems.length) {
        parts.push('### Problems', '');
        for (const t of problems) {
            parts.push(`- \`${t.id}\` **${t.status}**${t.failedStep ? ` at step "${cell(t.failedStep)}"` : ''}: ${cell(t.reason.split('\n')[0])}`);
        }
        parts.push('');
    }
    parts.push('### Timings and usage', '');
    if (!input.stable)
        parts.push(`- Started ${manifest.startedAt}${manifest.finishedAt ? `, finished ${manifest.finishedAt}` : ''}`);
    parts.push(`- Agent usage: ${formatUsage(total) || 'none'}`);
    if (input.logsLocation)
        parts.push(`- Logs: ${input.logsLocation}`);
    parts.push('', ...renderRerun(input));
    return parts.join('\n') + '\n';
}
/** The branch's commits, one line per task, in the order they landed. */
function renderCommits(input) {
    const commits = input.manifest.commits ?? {};
    const ids = input.plan.tasks.map(t => t.id).filter(id => commits[id]);
    if (ids.length === 0)
        return [];
    const order = Object.keys(commits);
    ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const name = (id) => input.plan.tasks.find(t => t.id === id)?.name ?? id;
    return ['### Commits', '', ...ids.map(id => `- \`${commits[id].slice(0, 12)}\` ${cell(name(id))} (\`${id}\`)`), ''];
}
/** How to run the plan again: resuming keeps finished tasks. */
function renderRerun(input) {
    const { manifest } = input;
    return [
        '### Re-run or resume',
        '',
        `- On this machine: \`autopilot run ${manifest.planPath}\` resumes (finished tasks are kept; failed and pending ones run); add \`--fresh\` to start over.`,
        '- On Actions: re-run the workflow (or its failed jobs); unchanged tasks are reused from the cache.',
        `- If the branch \`${manifest.branch}\` gets commits of your own, a re-run refuses to drop them: choose \`--onto-branch\` ` +
            '(input `onto-branch: true`) to keep them, or `--force` (input `force: true`) to replace them.'
    ];
}
/** Agent usage summed over every task record (kept, cached and fresh alike). */
function usageTotal(m) {
    return Object.values(m.tasks).reduce((sum, t) => (0,budget/* mergeUsage */._L)(sum, t.usage), undefined);
}


/***/ })

};
