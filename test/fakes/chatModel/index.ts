/**
 * A scripted stand-in for an OpenAI-compatible chat model on loopback, for n8n's AI Agent with the OpenAI Chat
 * Model node (Chat Completions, `responsesApiEnabled: false`). It speaks the chat-completions tool-calling
 * protocol (platform.openai.com/docs/api-reference/chat): the request carries `messages` and the offered
 * `tools`; an answer is either an assistant message with `tool_calls` (finish_reason "tool_calls") or one with
 * `content` (finish_reason "stop"). The tool's result comes back in the next request as a `tool` message with
 * the call's id. What the model "decides" is the test's script: a function of the conversation so far.
 *
 * Routes: GET /v1/models (the credential test and the model list), POST /v1/chat/completions. Streaming is
 * refused with a clear error, so a node that asks for it fails loudly instead of hanging.
 */
import { randomUUID } from 'node:crypto';
import { VendorFake, type FakeResponse, type FakeSecret } from '../kit';

export const CHAT_MODEL_NAME = 'taskbridge-scripted-model';

/** One message of the conversation as the chat-completions API carries it. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

/** A tool as offered to the model. */
export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
	[key: string]: unknown;
}

/** What the script answers: call tools, or say something and stop. */
export type ScriptedTurn =
	| { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> }
	| { content: string };

export type ChatScript = (request: ChatRequest) => ScriptedTurn;

/** The text of a message, whichever content form it came in. */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content))
		return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The results of tool calls the model has seen so far, oldest first. */
export function toolResults(request: ChatRequest): Array<{ callId: string; content: string }> {
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({ callId: message.tool_call_id ?? '', content: textOf(message) }));
}

/** The last user message: the question the model is working on. */
export function lastUserText(request: ChatRequest): string {
	const users = request.messages.filter((message) => message.role === 'user');
	return users.length ? textOf(users[users.length - 1]) : '';
}

const openAiError = (status: number, message: string, type: string): FakeResponse => ({
	status,
	body: { error: { message, type, param: null, code: null } },
});

export interface ChatModelFakeOptions {
	/** The API key the fake accepts as `Authorization: Bearer <key>`. */
	apiKey?: string;
	script?: ChatScript;
}

export class ChatModelFake extends VendorFake {
	readonly apiKey: string;
	/** What the model was asked, in order: each request's parsed body. */
	readonly conversations: ChatRequest[] = [];
	/** Replaced by a test to script the next exchange. */
	script: ChatScript;

	constructor(options: ChatModelFakeOptions = {}) {
		super('chat model');
		this.apiKey = options.apiKey ?? 'sk-fake-scripted-model-key';
		this.script = options.script ?? (() => ({ content: 'No script was given to the fake model.' }));
		this.server.notFound = (request) =>
			openAiError(404, `Unknown route ${request.method} ${request.path}`, 'invalid_request_error');
		this.server.internalError = (error) =>
			openAiError(500, `The fake model failed: ${error.message}`, 'server_error');
		this.server.on(
			'GET',
			'/v1/models',
			(request) =>
				this.authorized(request.headers) ?? {
					status: 200,
					body: {
						object: 'list',
						data: [{ id: CHAT_MODEL_NAME, object: 'model', created: 0, owned_by: 'taskbridge' }],
					},
				},
		);
		this.server.on('POST', '/v1/chat/completions', (request) => {
			const refused = this.authorized(request.headers);
			if (refused) return refused;
			const body = request.body as ChatRequest;
			if (!body || !Array.isArray(body.messages))
				return openAiError(400, "'messages' is a required property", 'invalid_request_error');
			if (body.stream)
				return openAiError(400, 'The fake model does not stream', 'invalid_request_error');
			this.conversations.push(body);
			return { status: 200, body: completion(body, this.script(body)) };
		});
	}

	/** The base URL an OpenAI credential points at (the `/v1` prefix included). */
	get baseUrl(): string {
		return `${this.url}/v1`;
	}

	get configuredSecrets(): readonly FakeSecret[] {
		return [{ kind: 'chat model API key', value: this.apiKey }];
	}

	private authorized(headers: Record<string, string>): FakeResponse | undefined {
		if (headers.authorization === `Bearer ${this.apiKey}`) return undefined;
		return openAiError(401, 'Incorrect API key provided.', 'invalid_request_error');
	}
}

/** A chat.completion object for the scripted turn, with the tool calls' arguments as JSON strings. */
function completion(request: ChatRequest, turn: ScriptedTurn): Record<string, unknown> {
	const calls =
		'toolCalls' in turn
			? turn.toolCalls.map((call) => ({
					id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
					type: 'function' as const,
					function: { name: call.name, arguments: JSON.stringify(call.arguments) },
				}))
			: undefined;
	return {
		id: `chatcmpl-${randomUUID()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [
			{
				index: 0,
				message: calls
					? { role: 'assistant', content: null, tool_calls: calls }
					: { role: 'assistant', content: (turn as { content: string }).content },
				finish_reason: calls ? 'tool_calls' : 'stop',
				logprobs: null,
			},
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}
