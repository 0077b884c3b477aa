/**
 * examples/practice-tasks-agent.json run by a real n8n (`n8n execute`): n8n's AI Agent with the OpenAI Chat
 * Model node pointed at the scripted model on loopback (test/fakes/chatModel), and the pack's nodes as its
 * tools. Each test scripts what the model decides; what is checked is what n8n did with it: the tool ran with
 * the model's arguments, the vendor fake changed, the tool's answer went back to the model, and the agent's
 * answer carries it. A tool's failure reaches the model as a message, and the run still succeeds.
 */
import { CrossVendorFakes } from '../e2e/crossVendorFlows';
import { createN8nInstance, type N8nInstance } from '../e2e/harness/instance';
import { itemsOf } from '../e2e/harness/runData';
import type { N8nWorkflow } from '../e2e/harness/workflowBuilder';
import { ChatModelFake, lastUserText, toolResults, type ChatRequest } from '../fakes/chatModel';
import { sandboxScript } from '../fakes/chatModel/sandboxScript';
import { chatModelCredential } from './credentials';
import { exampleWorkflow, toolNodes } from './examples';

jest.setTimeout(10 * 60_000);

const example = exampleWorkflow('practice-tasks-agent');
const AGENT = 'Practice tasks agent';
const fakes = new CrossVendorFakes();
const model = new ChatModelFake();
let n8n: N8nInstance;

/** The example as a user would change it: another request typed into "Your request". */
function asking(id: string, prompt: string): N8nWorkflow {
	const copy = JSON.parse(JSON.stringify(example)) as N8nWorkflow;
	const request = copy.nodes.find((node) => node.name === 'Your request')!;
	const assignments = (request.parameters.assignments as { assignments: Array<{ value: string }> })
		.assignments;
	assignments[0].value = prompt;
	return { ...copy, id, name: `${copy.name} (${id})` };
}

/** Runs the example with this request and returns the agent's answer and what the model was sent. */
async function ask(id: string, prompt: string) {
	model.conversations.length = 0;
	await n8n.importWorkflows([asking(id, prompt)]);
	const run = await n8n.execute(id);
	const [answer] = itemsOf(run, AGENT);
	return { answer: String(answer.output), conversations: [...model.conversations] };
}

const toolMessages = (request: ChatRequest) =>
	toolResults(request).map(
		(result) => JSON.parse(result.content) as Array<Record<string, unknown>>,
	);

beforeAll(async () => {
	await fakes.start();
	await model.start();
	n8n = await createN8nInstance();
	await n8n.importCredentials([...fakes.credentials(), chatModelCredential(model)]);
});

afterAll(async () => {
	await n8n?.cleanup();
	await model.stop();
	await fakes.stop();
});

test('the model asks to complete an Open Dental task: the tool runs with its arguments, the task is Done, the answer carries the result', async () => {
	const open = [...fakes.openDental.tasks.values()].find((task) => task.TaskStatus === 'New')!;
	model.script = (request) => {
		const [result] = toolResults(request);
		if (!result)
			return {
				toolCalls: [{ name: 'open_dental_complete_task', arguments: { task_num: open.TaskNum } }],
			};
		return { content: `Done. Open Dental answered: ${result.content}` };
	};
	const prompt = `Mark Open Dental task ${open.TaskNum} done`;
	const { answer, conversations } = await ask('agentCompletes', prompt);

	// The model was asked the user's words, with the example's tools and their descriptions.
	expect(conversations).toHaveLength(2);
	expect(lastUserText(conversations[0])).toBe(prompt);
	const offered = conversations[0].tools!.map((tool) => tool.function);
	for (const node of toolNodes(example))
		expect(offered).toContainEqual(
			expect.objectContaining({ name: node.name, description: node.parameters.toolDescription }),
		);
	expect(
		offered.find((tool) => tool.name === 'open_dental_complete_task')!.parameters,
	).toMatchObject({
		properties: { task_num: { type: 'number' } },
		required: ['task_num'],
	});

	// The vendor got the change the model asked for, and the model got the vendor's answer back.
	expect(fakes.openDental.tasks.get(open.TaskNum)!.TaskStatus).toBe('Done');
	const [[updated]] = toolMessages(conversations[1]);
	expect(updated).toMatchObject({ vendor: 'openDental', id: String(open.TaskNum), status: 'done' });
	expect(answer).toBe(`Done. Open Dental answered: ${toolResults(conversations[1])[0].content}`);
});

test('a vendor refusal and bad input reach the model as readable errors; the agent answers and the run succeeds', async () => {
	const sentToOpenDental = fakes.openDental.requests.length;
	model.script = (request) => {
		const results = toolResults(request);
		if (!results.length)
			return {
				toolCalls: [
					{ name: 'oliver_complete_staff_task', arguments: { task_id: 'st_does_not_exist' } },
					{ name: 'open_dental_complete_task', arguments: { task_num: -4 } },
				],
			};
		return { content: `Both failed: ${results.map((result) => result.content).join(' | ')}` };
	};
	const { answer, conversations } = await ask(
		'agentFails',
		'Complete st_does_not_exist and task -4',
	);

	expect(conversations).toHaveLength(2);
	const errors = toolMessages(conversations[1]).map(([item]) => item.error);
	expect(errors).toEqual([
		expect.stringContaining('Staff task st_does_not_exist not found'),
		expect.stringContaining('"Task Number" must be a whole number (got "-4")'),
	]);
	// Bad input is refused before any request; the refusal came from Oliver itself.
	expect(fakes.openDental.requests.length).toBe(sentToOpenDental);
	expect(fakes.oliver.requests.some((request) => request.path.endsWith('/st_does_not_exist'))).toBe(
		true,
	);
	expect(answer).toContain('Staff task st_does_not_exist not found');
});

test('the sandbox’s script answers the example’s own question from the Oliver list tool', async () => {
	model.script = sandboxScript;
	const { answer } = await ask('agentSandbox', 'Which Oliver staff tasks are still pending?');
	const pending = [...fakes.oliver.tasks.values()].filter((task) => task.status === 'pending');
	expect(pending.length).toBeGreaterThan(0);
	expect(answer).toMatch(new RegExp(`^${pending.length} Oliver staff tasks are pending: `));
	for (const task of pending) expect(answer).toContain(`${task.title} (${task.id})`);
});
