// State of the fake GitHub (one repository: pull requests, issues, comments, labels, refs)
// and the JSON bodies GitHub answers with.

/** A pull request in the fake. */
export interface FakePull {
  number: number
  id: number
  /** Head branch name (in the same repository). */
  head: string
  base: string
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  createdAt: string
  updatedAt: string
}

/** An issue comment in the fake. */
export interface FakeComment {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

/** A collaborator's role, as `role_name` says it. */
export type CollaboratorRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read'

/** Everything the fake remembers; tests read it directly. */
export interface FakeState {
  owner: string
  repo: string
  defaultBranch: string
  pulls: FakePull[]
  comments: FakeComment[]
  /** Issue titles by number (issues are created on first mention). */
  issues: Map<number, { title: string; body: string | null }>
  /** Labels of an issue or pull request, by number. */
  labels: Map<number, string[]>
  /** `refs/heads/x` -> sha. */
  refs: Map<string, string>
  /** Login that owns the token (what `user.login` says on created things). */
  login: string
  /** Collaborators' roles by login; anyone else reads the (public) repository only. */
  collaborators: Map<string, CollaboratorRole>
  nextNumber: number
  nextId: number
}

/** Bodies shaped like GitHub's, with the fields clients read (and a few more). */
export class Bodies {
  constructor(
    private readonly s: FakeState,
    private readonly apiUrl: string,
    private readonly webUrl = 'https://github.com'
  ) {}

  private get full(): string {
    return `${this.s.owner}/${this.s.repo}`
  }

  user(login = this.s.login) {
    const bot = login.endsWith('[bot]')
    return {
      login,
      id: bot ? 41898282 : 1000 + login.length,
      node_id: bot ? 'MDM6Qm90NDE4OTgyODI=' : `U_${login}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${bot ? 41898282 : 1}?v=4`,
      gravatar_id: '',
      url: `${this.apiUrl}/users/${encodeURIComponent(login)}`,
      html_url: `${this.webUrl}/${bot ? 'apps/github-actions' : login}`,
      type: bot ? 'Bot' : 'User',
      site_admin: false
    }
  }

  /** GitHub's answer to `collaborators/{username}/permission`: `permission` folds maintain into write, triage into read. */
  collaboratorPermission(login: string) {
    const role = this.s.collaborators.get(login) ?? 'read'
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
    return { permission, role_name: role, user: { ...this.user(login), role_name: role } }
  }

  repository() {
    return {
      id: 123456789,
      node_id: 'R_kgDOfake',
      name: this.s.repo,
      full_name: this.full,
      private: false,
      owner: { ...this.user(this.s.owner), type: 'Organization' },
      html_url: `${this.webUrl}/${this.full}`,
      url: `${this.apiUrl}/repos/${this.full}`,
      fork: false,
      default_branch: this.s.defaultBranch,
      visibility: 'public',
      archived: false,
      disabled: false,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
    }
  }

  label(name: string) {
    return {
      id: hash(name),
      node_id: `LA_${hash(name)}`,
      url: `${this.apiUrl}/repos/${this.full}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false
    }
  }

  pull(p: FakePull) {
    const api = `${this.apiUrl}/repos/${this.full}`
    const branch = (ref: string) => ({
      label: `${this.s.owner}:${ref}`,
      ref,
      sha: this.s.refs.get(`refs/heads/${ref}`) ?? '0'.repeat(40),
      user: this.user(this.s.owner),
      repo: this.repository()
    })
    return {
      url: `${api}/pulls/${p.number}`,
      id: p.id,
      node_id: `PR_${p.id}`,
      html_url: `${this.webUrl}/${this.full}/pull/${p.number}`,
      diff_url: `${this.webUrl}/${this.full}/pull/${p.number}.diff`,
      patch_url: `${this.webUrl}/${this.full}/pull/${p.number}.patch`,
      issue_url: `${api}/issues/${p.number}`,
      comments_url: `${api}/issues/${p.number}/comments`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(),
      body: p.body,
      labels: (this.s.labels.get(p.number) ?? []).map((l) => this.label(l)),
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(p.head),
      base: branch(p.base),
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      draft: p.draft,
      merged: false,
      mergeable: null,
      comments: 0,
      review_comments: 0,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0
    }
  }

  issue(number: number) {
    const pr = this.s.pulls.find((p) => p.number === number)
    const issue = this.s.issues.get(number)
    return {
      id: 5_000_000 + number,
      node_id: `I_${number}`,
      url: `${this.apiUrl}/repos/${this.full}/issues/${number}`,
      html_url: `${this.webUrl}/${this.full}/${pr ? 'pull' : 'issues'}/${number}`,
      number,
      state: pr?.state ?? 'open',
      title: pr?.title ?? issue?.title ?? `Issue ${number}`,
      body: pr ? pr.body : (issue?.body ?? null),
      user: this.user('octocat'),
      labels: (this.s.labels.get(number) ?? []).map((l) => this.label(l)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: this.s.comments.filter((c) => c.issueNumber === number).length,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      closed_at: null,
      author_association: 'OWNER',
      ...(pr ? { pull_request: { url: `${this.apiUrl}/repos/${this.full}/pulls/${number}` } } : {})
    }
  }

  comment(c: FakeComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.apiUrl}/repos/${this.full}/issues/comments/${c.id}`,
      html_url: `${this.webUrl}/${this.full}/issues/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${this.apiUrl}/repos/${this.full}/issues/${c.issueNumber}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'CONTRIBUTOR'
    }
  }

  ref(ref: string, sha: string) {
    return {
      ref,
      node_id: `REF_${hash(ref)}`,
      url: `${this.apiUrl}/repos/${this.full}/git/${ref}`,
      object: { type: 'commit', sha, url: `${this.apiUrl}/repos/${this.full}/git/commits/${sha}` }
    }
  }
}

function hash(s: string): number {
  let h = 7
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return h
}
