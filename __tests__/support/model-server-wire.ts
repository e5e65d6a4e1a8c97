// Wire formats of the scripted model server (model-server.ts): which API a request is for, and a
// reply written the way that API writes it (SSE events when the request streams, else one JSON body).
import type { ServerResponse } from 'node:http'
import type { Reply } from './model-server.js'

export type ModelApi =
  | 'openai-responses'
  | 'openai-chat'
  | 'anthropic-messages'
  | 'anthropic-count-tokens'
  | 'gemini-generate'
  | 'gemini-stream'
  | 'gemini-count-tokens'

/** The API a request is for, from its path; undefined for anything else (model lists, telemetry). */
export function modelApi(method: string, url: string): ModelApi | undefined {
  if (method !== 'POST') return undefined
  const path = url.split('?')[0]
  if (path.endsWith('/responses')) return 'openai-responses'
  if (path.endsWith('/chat/completions')) return 'openai-chat'
  if (path.endsWith('/messages/count_tokens')) return 'anthropic-count-tokens'
  if (path.endsWith('/messages')) return 'anthropic-messages'
  if (path.endsWith(':streamGenerateContent')) return 'gemini-stream'
  if (path.endsWith(':generateContent')) return 'gemini-generate'
  if (path.endsWith(':countTokens')) return 'gemini-count-tokens'
  return undefined
}

type Json = Record<string, unknown>

let ids = 0
const id = (p: string) => `${p}_${++ids}`

export function writeReply(res: ServerResponse, api: ModelApi, body: unknown, path: string, reply: Reply): void {
  if ('status' in reply) return writeError(res, api, reply.status, reply.message ?? (reply.status === 429 ? 'Rate limit exceeded' : 'Internal server error'))
  const b = (body ?? {}) as Json
  const usage = reply.usage ?? { input: 0, output: 0 }
  const model = typeof b.model === 'string' ? b.model : (path.match(/models\/([^:]+):/)?.[1] ?? 'fake-model')
  switch (api) {
    case 'anthropic-count-tokens':
      return json(res, { input_tokens: usage.input })
    case 'gemini-count-tokens':
      return json(res, { totalTokens: usage.input })
    case 'openai-responses':
      return b.stream === false ? json(res, responsesBody(reply, model)) : sse(res, responsesEvents(reply, model), true)
    case 'openai-chat':
      return b.stream === true ? sse(res, chatEvents(reply, model), false, true) : json(res, chatBody(reply, model))
    case 'anthropic-messages':
      return b.stream === true ? sse(res, anthropicEvents(reply, model), true) : json(res, anthropicBody(reply, model))
    case 'gemini-generate':
      return json(res, geminiChunk(reply, model))
    case 'gemini-stream':
      return sse(res, [geminiChunk(reply, model)], false)
  }
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** Server-sent events; `named` adds `event: <type>` lines (OpenAI Responses and Anthropic use them). */
function sse(res: ServerResponse, events: Json[], named: boolean, done = false): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  for (const e of events) res.write(`${named ? `event: ${String(e.type)}\n` : ''}data: ${JSON.stringify(e)}\n\n`)
  if (done) res.write('data: [DONE]\n\n')
  res.end()
}

function writeError(res: ServerResponse, api: ModelApi, status: number, message: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  // A short retry-after: CLIs that honour it wait 1 s, not minutes.
  if (status === 429) headers['retry-after'] = '1'
  res.writeHead(status, headers)
  if (api.startsWith('anthropic')) {
    const type = status === 429 ? 'rate_limit_error' : status === 401 ? 'authentication_error' : 'api_error'
    res.end(JSON.stringify({ type: 'error', error: { type, message } }))
  } else if (api.startsWith('gemini')) {
    const s = status === 429 ? 'RESOURCE_EXHAUSTED' : status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL'
    res.end(JSON.stringify({ error: { code: status, message, status: s } }))
  } else {
    const type = status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_api_key' : 'server_error'
    res.end(JSON.stringify({ error: { message, type, code: type } }))
  }
}

type Ok = Exclude<Reply, { status: number }>

// OpenAI Responses (codex): output items, then response.completed with usage.
function responsesItem(reply: Ok): Json {
  if ('tool' in reply) {
    // Freeform ("custom") tools such as codex's `exec` take raw text: scripted as `args: {input}`.
    if (typeof reply.args.input === 'string' && Object.keys(reply.args).length === 1) {
      return { type: 'custom_tool_call', id: id('ctc'), call_id: id('call'), name: reply.tool, input: reply.args.input, status: 'completed' }
    }
    return { type: 'function_call', id: id('fc'), call_id: id('call'), name: reply.tool, arguments: JSON.stringify(reply.args), status: 'completed' }
  }
  return { type: 'message', id: id('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply.text, annotations: [] }] }
}

function responsesUsage(reply: Ok): Json {
  const u = reply.usage ?? { input: 0, output: 0 }
  return {
    input_tokens: u.input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: u.output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.input + u.output
  }
}

function responsesBody(reply: Ok, model: string): Json {
  return { id: id('resp'), object: 'response', status: 'completed', model, output: [responsesItem(reply)], usage: responsesUsage(reply) }
}

function responsesEvents(reply: Ok, model: string): Json[] {
  const respId = id('resp')
  const item = responsesItem(reply)
  const events: Json[] = [
    { type: 'response.created', response: { id: respId, object: 'response', status: 'in_progress', model, output: [] } },
    { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress' } }
  ]
  if (!('tool' in reply)) events.push({ type: 'response.output_text.delta', output_index: 0, content_index: 0, item_id: item.id, delta: reply.text })
  events.push(
    { type: 'response.output_item.done', output_index: 0, item },
    { type: 'response.completed', response: { id: respId, object: 'response', status: 'completed', model, output: [item], usage: responsesUsage(reply) } }
  )
  return events
}

// OpenAI Chat Completions (copilot's BYOK mode, other OpenAI-compatible clients).
function chatUsage(reply: Ok): Json {
  const u = reply.usage ?? { input: 0, output: 0 }
  return { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output }
}

function chatToolCall(reply: Ok): Json[] | undefined {
  return 'tool' in reply ? [{ id: id('call'), type: 'function', function: { name: reply.tool, arguments: JSON.stringify(reply.args) } }] : undefined
}

function chatBody(reply: Ok, model: string): Json {
  const calls = chatToolCall(reply)
  return {
    id: id('chatcmpl'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'tool' in reply ? null : reply.text, ...(calls ? { tool_calls: calls } : {}) },
        finish_reason: calls ? 'tool_calls' : 'stop'
      }
    ],
    usage: chatUsage(reply)
  }
}

function chatEvents(reply: Ok, model: string): Json[] {
  const cid = id('chatcmpl')
  const created = Math.floor(Date.now() / 1000)
  const chunk = (delta: Json, finish: string | null, extra: Json = {}): Json => ({
    id: cid,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra
  })
  const calls = chatToolCall(reply)
  const delta: Json = calls ? { role: 'assistant', tool_calls: calls.map((c, index) => ({ index, ...c })) } : { role: 'assistant', content: (reply as { text: string }).text }
  return [chunk(delta, null), chunk({}, calls ? 'tool_calls' : 'stop'), { id: cid, object: 'chat.completion.chunk', created, model, choices: [], usage: chatUsage(reply) }]
}

// Anthropic Messages (claude).
function anthropicBlock(reply: Ok): Json {
  return 'tool' in reply ? { type: 'tool_use', id: id('toolu'), name: reply.tool, input: reply.args } : { type: 'text', text: reply.text }
}

function anthropicBody(reply: Ok, model: string): Json {
  const u = reply.usage ?? { input: 0, output: 0 }
  return {
    id: id('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content: [anthropicBlock(reply)],
    stop_reason: 'tool' in reply ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: u.input, output_tokens: u.output, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }
  }
}

function anthropicEvents(reply: Ok, model: string): Json[] {
  const u = reply.usage ?? { input: 0, output: 0 }
  const block = anthropicBlock(reply)
  const start = 'tool' in reply ? { ...block, input: {} } : { type: 'text', text: '' }
  const delta = 'tool' in reply ? { type: 'input_json_delta', partial_json: JSON.stringify(reply.args) } : { type: 'text_delta', text: reply.text }
  return [
    {
      type: 'message_start',
      message: {
        id: id('msg'),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: u.input, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }
      }
    },
    { type: 'content_block_start', index: 0, content_block: start },
    { type: 'content_block_delta', index: 0, delta },
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: 'tool' in reply ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: u.output } },
    { type: 'message_stop' }
  ]
}

// Gemini generateContent / streamGenerateContent (one chunk carries the whole answer and the usage).
function geminiChunk(reply: Ok, model: string): Json {
  const u = reply.usage ?? { input: 0, output: 0 }
  const part = 'tool' in reply ? { functionCall: { name: reply.tool, args: reply.args } } : { text: reply.text }
  return {
    candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: u.input, candidatesTokenCount: u.output, totalTokenCount: u.input + u.output },
    modelVersion: model
  }
}
