/**
 * examples/practice-tasks-over-mcp.json as an MCP client meets it: a real n8n serves the example (active, with
 * the sandbox's credentials and seeded fakes), and the official MCP TypeScript SDK connects to the MCP Server
 * Trigger's production URL over streamable HTTP, lists the tools and calls them. What the client sees is
 * checked against the example's own tool descriptions and against the fakes' state.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CrossVendorFakes } from '../e2e/crossVendorFlows';
import { createN8nInstance, type N8nInstance } from '../e2e/harness/instance';
import { freePort } from '../e2e/harness/processes';
import { workflowDay } from '../e2e/harness/workflowBuilder';
import { MCP_CLIENT_CREDENTIAL } from './credentials';
import { exampleWorkflow, textOfToolResult, toolNodes } from './examples';

jest.setTimeout(10 * 60_000);

const example = exampleWorkflow('practice-tasks-over-mcp');
const fakes = new CrossVendorFakes();
let n8n: N8nInstance;
let endpoint: URL;
const token = String(MCP_CLIENT_CREDENTIAL.data.token);
const clients: Client[] = [];

/** An MCP client connected to the example's server, sending these headers. */
async function connect(headers: Record<string, string>): Promise<Client> {
	const client = new Client({ name: 'taskbridge-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(endpoint, { requestInit: { headers } }));
	clients.push(client);
	return client;
}

const authorized = () => connect({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
	await fakes.start();
	const port = await freePort();
	n8n = await createN8nInstance();
	n8n.addSecret(token);
	await n8n.importCredentials([...fakes.credentials(), MCP_CLIENT_CREDENTIAL]);
	await n8n.importWorkflows([example]);
	await n8n.publish(example.id!);
	await n8n.startServer(port);
	const trigger = example.nodes.find((node) => node.type.endsWith('.mcpTrigger'))!;
	endpoint = new URL(`http://127.0.0.1:${port}/mcp/${String(trigger.parameters.path)}`);
	// n8n registers an active workflow's webhooks after it says the editor is up.
	await n8n.webhookReady(endpoint.href, 'POST');
});

afterAll(async () => {
	await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
	await n8n?.cleanup();
	await fakes.stop();
});

test('the client lists one tool per tool node, with its description and the input schema its $fromAI calls make', async () => {
	const client = await authorized();
	const { tools } = await client.listTools();
	const expected = toolNodes(example);
	expect(tools.map((tool) => tool.name).sort()).toEqual(expected.map((node) => node.name).sort());
	for (const node of expected) {
		const tool = tools.find((candidate) => candidate.name === node.name)!;
		expect(tool.description).toBe(node.parameters.toolDescription);
		expect(tool.inputSchema.type).toBe('object');
	}
	// Required where the model must say it, optional (with the default) where the example gives one.
	const schemaOf = (name: string) => tools.find((tool) => tool.name === name)!.inputSchema;
	expect(schemaOf('oliver_complete_staff_task')).toMatchObject({
		properties: { task_id: { type: 'string', description: expect.stringContaining('st_12') } },
		required: ['task_id'],
	});
	expect(schemaOf('oliver_list_staff_tasks')).toMatchObject({
		properties: {
			status: { type: 'string', default: 'pending' },
			limit: { type: 'number', default: 20 },
		},
	});
	expect(schemaOf('oliver_list_staff_tasks').required ?? []).toEqual([]);
	expect(schemaOf('open_dental_complete_task')).toMatchObject({
		properties: { task_num: { type: 'number' } },
		required: ['task_num'],
	});
	// What the example leaves out: nothing that deletes, replaces or removes.
	expect(tools.map((tool) => tool.name).join(' ')).not.toMatch(/delete|replace|remove|set_all/);
});

test('"list pending Oliver staff tasks" answers the pending tasks the fake holds, as normalized tasks', async () => {
	const client = await authorized();
	const result = await client.callTool({
		name: 'oliver_list_staff_tasks',
		arguments: { status: 'pending' },
	});
	expect(result.isError).toBeFalsy();
	const listed = JSON.parse(textOfToolResult(result)) as Array<Record<string, unknown>>;
	const pending = [...fakes.oliver.tasks.values()].filter((task) => task.status === 'pending');
	expect(pending.length).toBeGreaterThan(0);
	expect(listed.map((task) => task.id).sort()).toEqual(pending.map((task) => task.id).sort());
	for (const task of listed) expect(task).toMatchObject({ vendor: 'oliver', status: 'open' });
	const sent = fakes.oliver.requests.filter((request) => request.path.endsWith('/staff_tasks'));
	expect(sent[sent.length - 1].query.status).toBe('pending');
});

test('"complete Open Dental task N" marks that task Done at the fake and answers the updated task', async () => {
	const open = [...fakes.openDental.tasks.values()].find((task) => task.TaskStatus === 'New')!;
	expect(open).toBeDefined();
	const client = await authorized();
	const result = await client.callTool({
		name: 'open_dental_complete_task',
		arguments: { task_num: open.TaskNum },
	});
	expect(result.isError).toBeFalsy();
	expect(fakes.openDental.tasks.get(open.TaskNum)!.TaskStatus).toBe('Done');
	const [answered] = JSON.parse(textOfToolResult(result)) as Array<Record<string, unknown>>;
	expect(answered).toMatchObject({
		vendor: 'openDental',
		id: String(open.TaskNum),
		status: 'done',
	});
});

test('a vendor refusal and bad input come back as readable tool errors, and the server keeps serving', async () => {
	const client = await authorized();
	const refused = await client.callTool({
		name: 'oliver_complete_staff_task',
		arguments: { task_id: 'st_does_not_exist' },
	});
	expect(refused.isError).toBe(true);
	expect(textOfToolResult(refused)).toContain('Staff task st_does_not_exist not found');

	const before = fakes.openDental.requests.length;
	const bad = await client.callTool({
		name: 'open_dental_complete_task',
		arguments: { task_num: -4 },
	});
	expect(bad.isError).toBe(true);
	// The field, what was wrong, and that nothing reached the vendor: enough for a model to try again.
	expect(textOfToolResult(bad)).toContain('"Task Number" must be a whole number (got "-4")');
	expect(textOfToolResult(bad)).toContain('Nothing was sent');
	expect(fakes.openDental.requests.length).toBe(before);

	const still = await client.callTool({ name: 'plannr_list_open_tasks', arguments: {} });
	expect(still.isError).toBeFalsy();
});

test('every tool of the example runs against the sandbox’s vendors, and each write lands there', async () => {
	const { oliver, openDental, plannr, mileApp, humanity } = fakes;
	const anyOf = <T>(values: Iterable<T>, keep: (value: T) => boolean = () => true) => {
		const found = [...values].find(keep);
		if (!found) throw new Error('the sandbox seed has no record for this call');
		return found;
	};
	const openPlannrTask = anyOf(plannr.tasks.values(), (task) => !task.completed_at);
	const shiftTask = anyOf(humanity.shiftTasks.values(), (task) =>
		humanity.employeeTasksOf(task.id).some((employeeTask) => employeeTask.activity.status !== 2),
	);
	const employeeTask = anyOf(
		humanity.employeeTasksOf(shiftTask.id),
		(task) => task.activity.status !== 2,
	);
	// One call per tool: a tool added to the example without a call here fails the first check.
	const calls: Record<string, Record<string, unknown>> = {
		oliver_list_staff_tasks: {},
		oliver_get_staff_task: { task_id: anyOf(oliver.tasks.keys()) },
		oliver_create_staff_task: { title: 'Ask the MCP client how it went' },
		oliver_complete_staff_task: {
			task_id: anyOf(oliver.tasks.values(), (task) => task.status === 'pending').id,
		},
		open_dental_list_tasks: {},
		open_dental_get_task: { task_num: anyOf(openDental.tasks.keys()) },
		open_dental_complete_task: {
			task_num: anyOf(openDental.tasks.values(), (task) => task.TaskStatus === 'New').TaskNum,
		},
		plannr_list_open_tasks: {},
		plannr_get_task: { task_uuid: anyOf(plannr.tasks.keys()) },
		plannr_list_task_statuses: {},
		plannr_create_task: {
			name: 'Send the MCP review pack',
			client_uuid: anyOf(plannr.accounts.values(), (account) => account.type === 'client').uuid,
			status_uuid: anyOf(plannr.statuses.values(), (status) => !status.is_type_completed).uuid,
		},
		plannr_complete_task: { task_uuid: openPlannrTask.uuid },
		mileapp_list_tasks: {},
		mileapp_get_task: { task_id: anyOf(mileApp.tasks.keys()) },
		humanity_list_shifts: { start_date: workflowDay(-7), end_date: workflowDay(7) },
		humanity_list_employee_tasks: { shift_ids: String(shiftTask.shiftId) },
		humanity_complete_employee_task: { employee_task_id: employeeTask.id },
	};
	expect(Object.keys(calls).sort()).toEqual(
		toolNodes(example)
			.map((node) => node.name)
			.sort(),
	);

	const client = await authorized();
	for (const [name, args] of Object.entries(calls)) {
		const result = await client.callTool({ name, arguments: args });
		const text = textOfToolResult(result);
		expect({ name, isError: Boolean(result.isError), text }).toEqual({
			name,
			isError: false,
			text: expect.stringMatching(/^\[\{/),
		});
	}
	expect([...oliver.tasks.values()].map((task) => task.title)).toContain(
		'Ask the MCP client how it went',
	);
	expect([...plannr.tasks.values()].map((task) => task.name)).toContain('Send the MCP review pack');
	expect(plannr.tasks.get(openPlannrTask.uuid)!.completed_at).not.toBeNull();
	expect(humanity.employeeTasks.get(employeeTask.id)!.activity.status).toBe(2);
});

test('with authentication required, a client without the token, or with another, is refused', async () => {
	// n8n answers 403 "Authorization data is wrong!" before any tool is listed.
	await expect(connect({})).rejects.toMatchObject({ code: 403 });
	await expect(connect({ Authorization: 'Bearer not-the-token' })).rejects.toMatchObject({
		code: 403,
	});
	await n8n.assertNoSecretLeaked();
});
