/**
 * The scripted model, driven over real HTTP with node's fetch: if it drifted from the chat-completions protocol,
 * the agent test would pass against something no OpenAI-compatible client speaks.
 */
import { ChatModelFake, CHAT_MODEL_NAME, lastUserText, toolResults, type ChatRequest } from '.';
import { sandboxScript } from './sandboxScript';

const fake = new ChatModelFake();
const LIST_TOOL = {
	type: 'function',
	function: { name: 'oliver_list_staff_tasks', description: 'Lists staff tasks', parameters: {} },
};

async function call(path: string, body?: unknown, key: string | null = fake.apiKey) {
	const response = await fetch(`${fake.baseUrl}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: {
			'content-type': 'application/json',
			...(key === null ? {} : { authorization: `Bearer ${key}` }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
	fake.conversations.length = 0;
});

test('a wrong or missing key is refused in OpenAI’s error shape; the model list answers the key', async () => {
	expect(await call('/models', undefined, null)).toEqual({
		status: 401,
		body: { error: expect.objectContaining({ message: 'Incorrect API key provided.' }) },
	});
	expect((await call('/models', undefined, 'sk-other')).status).toBe(401);
	const models = await call('/models');
	expect(models.body.data.map((model: { id: string }) => model.id)).toEqual([CHAT_MODEL_NAME]);
});

test('a scripted tool call, then a final message once the tool result is in the conversation', async () => {
	fake.script = (request) =>
		toolResults(request).length
			? { content: `seen: ${toolResults(request)[0].content}` }
			: { toolCalls: [{ name: 'oliver_list_staff_tasks', arguments: { status: 'pending' } }] };
	const question: ChatRequest = {
		model: 'gpt-4.1-mini',
		messages: [{ role: 'user', content: 'What is pending?' }],
		tools: [LIST_TOOL as never],
	};
	const first = await call('/chat/completions', question);
	expect(first.status).toBe(200);
	const [choice] = first.body.choices;
	expect(choice.finish_reason).toBe('tool_calls');
	const [toolCall] = choice.message.tool_calls;
	expect(toolCall).toMatchObject({
		type: 'function',
		function: { name: 'oliver_list_staff_tasks' },
	});
	expect(JSON.parse(toolCall.function.arguments)).toEqual({ status: 'pending' });

	const second = await call('/chat/completions', {
		...question,
		messages: [
			...question.messages,
			choice.message,
			{ role: 'tool', tool_call_id: toolCall.id, content: '[{"id":"st_1"}]' },
		],
	});
	expect(second.body.choices[0]).toMatchObject({
		finish_reason: 'stop',
		message: { role: 'assistant', content: 'seen: [{"id":"st_1"}]' },
	});
	expect(fake.conversations.map(lastUserText)).toEqual(['What is pending?', 'What is pending?']);
});

test('streaming and a body without messages are refused, not half-answered', async () => {
	const streamed = await call('/chat/completions', {
		model: 'm',
		messages: [{ role: 'user', content: 'hi' }],
		stream: true,
	});
	expect([streamed.status, streamed.body.error.message]).toEqual([
		400,
		'The fake model does not stream',
	]);
	expect((await call('/chat/completions', { model: 'm' })).status).toBe(400);
	expect(fake.conversations).toEqual([]);
});

test('the sandbox script lists pending Oliver tasks for the example’s question, and says it is scripted otherwise', () => {
	const ask = (content: string, tool?: string): ChatRequest => ({
		model: 'm',
		messages: [
			{ role: 'user', content },
			...(tool === undefined ? [] : [{ role: 'tool' as const, tool_call_id: 'c1', content: tool }]),
		],
		tools: [LIST_TOOL as never],
	});
	expect(sandboxScript(ask('Which Oliver staff tasks are still pending?'))).toEqual({
		toolCalls: [{ name: 'oliver_list_staff_tasks', arguments: { status: 'pending' } }],
	});
	expect(sandboxScript(ask('Book me a flight'))).toEqual({
		content: expect.stringContaining('scripted model'),
	});
	expect(
		sandboxScript(
			ask('pending?', '[{"id":"st_1","title":"Call owner"},{"id":"st_2","title":"Refill"}]'),
		),
	).toEqual({ content: '2 Oliver staff tasks are pending: Call owner (st_1); Refill (st_2).' });
	expect(sandboxScript(ask('pending?', '[{"error":"Oliver: sign-in refused"}]'))).toEqual({
		content: 'I could not read the tasks: Oliver: sign-in refused',
	});
});
