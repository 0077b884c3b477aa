/**
 * Proves the e2e harness: a real n8n (installed by scripts/install-n8n.sh, run under Node 24) starts, runs
 * a core workflow, loads the built pack as a community package, and runs an Oliver node against the fake.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OliverFake } from '../fakes/oliver';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import { chainWorkflow } from './harness/workflowBuilder';
import { N8nCliError } from './harness/cli';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(30 * 60_000);

const fake = new OliverFake();
let n8n: N8nInstance;

beforeAll(async () => {
	await fake.start();
	fake.seedSandbox();
	n8n = await createN8nInstance();
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('a core workflow (Manual Trigger → Set with an expression) runs in the real n8n', async () => {
	const id = await n8n.importWorkflow(
		chainWorkflow('smokeCore', [
			{
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: {
						assignments: [{ id: 'a', name: 'sum', value: '={{ 1 + 2 }}', type: 'number' }],
					},
					options: {},
				},
			},
		]),
	);
	const run = await n8n.execute(id);
	expect(run.status).toBe('success');
	expect(run.mode).toBe('cli');
	expect(itemsOf(run, 'Set')).toEqual([{ sum: 3 }]);
});

test('the built pack is installed as a community package and n8n lists its node types', async () => {
	const installed = JSON.parse(readFileSync(path.join(n8n.packageFolder, 'package.json'), 'utf8'));
	expect(installed.name).toBe(PACKAGE_NAME);
	// Only what `npm pack` ships: no sources, no tests.
	const entries = await fs.readdir(n8n.packageFolder);
	expect(entries).toContain('dist');
	expect(entries).not.toEqual(expect.arrayContaining(['nodes', 'test', 'node_modules']));

	const output = path.join(n8n.root, 'nodes.json');
	const result = await n8n.run(['export:nodes', `--output=${output}`]);
	expect(result.exitCode).toBe(0);
	const types = (JSON.parse(await fs.readFile(output, 'utf8')) as Array<{ name: string }>).map(
		(type) => type.name,
	);
	expect(types).toEqual(
		expect.arrayContaining([
			n8n.nodeType('oliver'),
			n8n.nodeType('oliverTrigger'),
			'n8n-nodes-base.set',
		]),
	);
});

test('an Oliver node runs inside n8n with an imported credential, against the fake Oliver', async () => {
	const [credentialId] = await n8n.importCredentials([
		{
			name: 'Oliver smoke',
			type: 'oliverApi',
			data: fake.credentialData(),
		},
	]);
	const id = await n8n.importWorkflow(
		chainWorkflow('smokeOliver', [
			{
				name: 'Oliver',
				type: n8n.nodeType('oliver'),
				parameters: { resource: 'staffTask', operation: 'getAll', returnAll: true },
				credentials: { oliverApi: { id: credentialId, name: 'Oliver smoke' } },
			},
		]),
	);
	const run = await n8n.execute(id);
	const titles = itemsOf(run, 'Oliver').map((task) => task.title);
	expect(titles).toHaveLength(fake.tasks.size);
	expect(titles).toContain('Refill carprofen 75mg');
	expect(fake.signInCount).toBe(1);

	// n8n stored the credential encrypted.
	const [stored] = await n8n.query<{ type: string; data: string }>(
		'select type, data from credentials_entity where id = ?',
		[credentialId],
	);
	expect(stored.type).toBe('oliverApi');
	expect(stored.data).not.toContain(fake.options.password);
});

test("a failing execution throws with n8n's own message and without the secrets", async () => {
	const password = 'smoke-secret-Pa55';
	const [credentialId] = await n8n.importCredentials([
		{
			name: 'Oliver nowhere',
			type: 'oliverApi',
			// Port 9 on loopback: nothing listens there.
			data: {
				baseUrl: 'http://127.0.0.1:9',
				locationId: 'loc-1',
				authentication: 'signIn',
				username: 'u',
				password,
			},
		},
	]);
	const id = await n8n.importWorkflow(
		chainWorkflow('smokeFail', [
			{
				name: 'Oliver',
				type: n8n.nodeType('oliver'),
				parameters: { resource: 'staffTask', operation: 'getAll', returnAll: true },
				credentials: { oliverApi: { id: credentialId, name: 'Oliver nowhere' } },
			},
		]),
	);
	const failure = await n8n.execute(id).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(N8nCliError);
	const { message, run } = failure as N8nCliError;
	expect(message).toMatch(/ended with status "error" in node "Oliver"/);
	// n8n 2.x names the address; 1.x says only that the connection was refused.
	expect(message).toMatch(/127\.0\.0\.1:9|refused the connection/);
	expect(message).not.toContain(password);
	expect(errorOf(run!)?.node?.type).toBe(n8n.nodeType('oliver'));

	// allowError hands back the run data instead.
	const same = await n8n.execute(id, { allowError: true });
	expect(same.status).toBe('error');
});
