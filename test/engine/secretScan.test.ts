/**
 * The e2e secret scan (test/e2e/secretScan.ts, run by N8nInstance.cleanup() in test/e2e/harness/instance.ts) catches a
 * planted secret: a scan that cannot fail is worthless. No n8n runs here: the harness is given stored
 * executions by hand, and the scanner pieces are checked one by one.
 */
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OliverFake } from '../fakes/oliver';
import { PlannrFake } from '../fakes/plannr';
import { REPO_ROOT } from '../e2e/harness/repo';
import type { N8nInstall } from '../e2e/harness/install';
import { N8nInstance } from '../e2e/harness/instance';
import {
	MIN_SECRET_LENGTH,
	SecretLedger,
	countItems,
	credentialSecrets,
	loadSecretDefinitions,
	nodeParameterSecrets,
	redactSecret,
	scanText,
	scanValue,
} from '../e2e/secretScan';
import { parseFlatted } from '../e2e/flatted';

/** n8n's storage format (flatted): every object, array and string its own entry, referenced by index. */
function toFlatted(value: unknown): string {
	const entries: unknown[] = [];
	const add = (node: unknown): unknown => {
		if (typeof node === 'string') return String(entries.push(node) - 1);
		if (!node || typeof node !== 'object') return node;
		const index = entries.push(null) - 1;
		entries[index] = Array.isArray(node)
			? node.map(add)
			: Object.fromEntries(Object.entries(node).map(([key, entry]) => [key, add(entry)]));
		return String(index);
	};
	const root = add(value);
	if (typeof value !== 'object' || value === null) return JSON.stringify([root]);
	return JSON.stringify(entries);
}

const runData = (json: Record<string, unknown>, error?: Record<string, unknown>) => ({
	resultData: {
		runData: {
			Start: [{ data: { main: [[{ json: {} }]] } }],
			Get: [{ data: { main: [[{ json }], []] } }],
		},
		...(error ? { error } : {}),
	},
});

describe('the scanner', () => {
	test('finds a planted secret by its path in run data, naming its kind and never showing it', () => {
		const ledger = new SecretLedger();
		const token = 'eyJhbGciOi.planted-token-value.sig';
		ledger.add(token, 'oliver fake: issued access token');
		const hits = scanValue(ledger, runData({ id: 't1', note: `Bearer ${token}` }), 'run data');
		expect(hits).toEqual([
			{
				kind: 'oliver fake: issued access token',
				redacted: redactSecret(token),
				where: 'run data: at resultData.runData.Get[0].data.main[0][0].json.note',
			},
		]);
		expect(JSON.stringify(hits)).not.toContain(token);
		expect(scanValue(ledger, runData({ id: 't1' }), 'run data')).toEqual([]);
		// A secret used as a key counts too.
		expect(scanValue(ledger, { [token]: 1 }, 'x')[0].where).toContain('key');
	});

	test('finds secrets in text as they are, JSON-escaped and URL-encoded, by line', () => {
		const ledger = new SecretLedger();
		const password = 'pa"ss/wo rd&=1';
		ledger.add(password, 'credential field oliverApi.password');
		const log = [
			'n8n ready',
			`body {"password":${JSON.stringify(password)}}`,
			'ok',
			`POST /token?password=${encodeURIComponent(password)}`,
			`form password=${new URLSearchParams({ p: password }).toString().slice(2)}`,
		].join('\n');
		expect(scanText(ledger, log, 'log').map((hit) => hit.where)).toEqual([
			'log, line 2',
			'log, line 4',
			'log, line 5',
		]);
	});

	test(`values shorter than ${MIN_SECRET_LENGTH} characters are not tracked (they would be found by chance)`, () => {
		const ledger = new SecretLedger();
		expect(ledger.add('admin', 'short')).toBe(false);
		expect(ledger.add('1234567', 'short')).toBe(false);
		expect(ledger.add('12345678', 'long enough')).toBe(true);
		expect(ledger.size).toBe(1);
		expect(scanText(ledger, 'admin 1234567', 'log')).toEqual([]);
	});

	test('reads n8n flatted execution data back, and counts the items of every output', () => {
		const data = runData({ id: 'a', title: 'shared' }, { message: 'shared' });
		const parsed = parseFlatted(toFlatted(data));
		expect(parsed).toEqual(data);
		expect(countItems(parsed)).toBe(2);
		expect(countItems({ data: parsed })).toBe(2);
		// flatted's own output for {a: 'x', b: {c: 'x'}} (shared strings and objects referenced by index).
		expect(parseFlatted('[{"a":"1","b":"2"},"x",{"c":"1"}]')).toEqual({ a: 'x', b: { c: 'x' } });
	});

	test('credential secrets follow the credential types’ field definitions (typeOptions.password), node parameters too', () => {
		const definitions = loadSecretDefinitions(REPO_ROOT);
		const fields = (type: string, data: Record<string, unknown>) =>
			credentialSecrets({ type, data }, definitions.credentials).map((found) => found.field);
		expect(
			fields('oliverApi', {
				baseUrl: 'http://x',
				locationId: 'loc-1',
				username: 'api-user',
				password: 'p',
				sessionToken: 't',
				authentication: 'signIn',
			}),
		).toEqual(['password', 'sessionToken']);
		expect(
			fields('humanityApi', {
				appId: 'a',
				appSecret: 's',
				username: 'u',
				password: 'p',
				accessToken: 't',
				accessTokenExpiresAt: '2026-01-01T00:00:00Z',
			}),
		).toEqual(['appSecret', 'password', 'accessToken']);
		expect(
			fields('openDentalApi', {
				baseUrl: 'x',
				developerApiKey: 'd',
				customerApiKey: 'c',
				officeTimeZone: 'UTC',
			}),
		).toEqual(['developerApiKey', 'customerApiKey']);
		expect(fields('mileAppApi', { baseUrl: 'x', token: 't' })).toEqual(['token']);
		expect(
			fields('mileAppWebhookApi', {
				sentAs: 'header',
				headerName: 'X-Webhook-Secret',
				secret: 's',
			}),
		).toEqual(['secret']);
		expect(fields('plannrApi', { baseUrl: 'x', accessToken: 't', accountUuid: 'u' })).toEqual([
			'accessToken',
		]);
		// Extends n8n's oAuth2Api: its client secret and the token answer n8n keeps.
		expect(
			fields('plannrOAuth2Api', {
				clientId: 'id',
				clientSecret: 's',
				oauthTokenData: { access_token: 'a', refresh_token: 'r' },
			}),
		).toEqual(['clientSecret', 'oauthTokenData.access_token', 'oauthTokenData.refresh_token']);
		// A type the pack does not define: by field name.
		expect(fields('httpHeaderAuth', { name: 'X-Key', apiKey: 'k' })).toEqual(['apiKey']);
		expect(definitions.nodes.get('mileAppTrigger')).toEqual(new Set(['secretValue']));
		expect(
			nodeParameterSecrets(
				{ secretLocation: 'header', headerName: 'X-Webhook-Secret', secretValue: 'hook-secret' },
				new Set(['secretValue']),
			),
		).toEqual([{ field: 'secretValue', value: 'hook-secret' }]);
	});
});

describe('the harness: cleanup() scans, fails the file on a hit, and writes the figures', () => {
	const install: N8nInstall = {
		version: 'none',
		dir: '/nonexistent',
		n8nBin: '',
		n8nMain: '',
		nodeBinDir: '',
		nodeBin: '',
	};
	type Stored = { id: number; workflowId: string; mode: string; status: string; data: string };
	/** An instance that never starts n8n: its "stored executions" are given. */
	class GivenExecutions extends N8nInstance {
		stored: Stored[] = [];
		protected override async executionsToScan(): Promise<Stored[]> {
			return this.stored;
		}
	}
	let scanDir: string;
	const record = () =>
		JSON.parse(readFileSync(path.join(scanDir, 'secretScan.test.json'), 'utf8')) as Record<
			string,
			unknown
		>;
	const instance = async () => {
		const root = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-scan-test-'));
		return new GivenExecutions(install, root, path.join(root, 'user'));
	};

	beforeAll(async () => {
		scanDir = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-scan-record-'));
		process.env.TASKBRIDGE_SECRET_SCAN_DIR = scanDir;
	});
	afterAll(async () => {
		delete process.env.TASKBRIDGE_SECRET_SCAN_DIR;
		await fs.rm(scanDir, { recursive: true, force: true });
	});

	test('clean executions pass, and the file’s record says what was scanned', async () => {
		const n8n = await instance();
		n8n.stored = [
			{
				id: 1,
				workflowId: 'wfClean',
				mode: 'cli',
				status: 'success',
				data: toFlatted(runData({ id: 'x', title: 'nothing secret' })),
			},
		];
		await expect(n8n.cleanup()).resolves.toBeUndefined();
		expect(existsSync(n8n.root)).toBe(false);
		expect(record()).toEqual({
			file: 'test/engine/secretScan.test.ts',
			secrets: expect.any(Number),
			executions: 1,
			items: 2,
			hits: 0,
		});
		expect(record().secrets).toBeGreaterThanOrEqual(1); // the encryption key at least
	});

	test('a token a fake issued, planted in a stored execution, and an addSecret value in an error fail cleanup()', async () => {
		const oliver = new OliverFake();
		const token = oliver.issueToken();
		const plannr = new PlannrFake();
		const n8n = await instance();
		n8n.addSecret('planted-by-the-test-0042');
		n8n.addSecret('admin'); // too short to track: found by chance everywhere
		n8n.stored = [
			{
				id: 7,
				workflowId: 'wfPlanted',
				mode: 'webhook',
				status: 'success',
				data: toFlatted(runData({ id: 'x', echoed: `token=${token}`, user: 'admin' })),
			},
			{
				id: 8,
				workflowId: 'wfError',
				mode: 'cli',
				status: 'error',
				data: toFlatted(runData({}, { message: 'refused planted-by-the-test-0042' })),
			},
			// The Plannr fake's default personal access token, in unparsable data: found in the text.
			{
				id: 9,
				workflowId: 'wfBroken',
				mode: 'cli',
				status: 'error',
				data: `not flatted ${plannr.options.personalAccessToken}`,
			},
		];
		const failure = (await n8n.cleanup().catch((error: Error) => error)) as Error;
		expect(failure).toBeInstanceOf(Error);
		expect(failure.message).toContain('Secret scan: 3 place(s) hold a secret in use');
		expect(failure.message).toContain(
			`oliver fake: issued access token [${redactSecret(token)}] in stored execution 7 (workflow wfPlanted, mode webhook, success) data: at resultData.runData.Get[0].data.main[0][0].json.echoed`,
		);
		expect(failure.message).toContain('value given to addSecret');
		expect(failure.message).toContain(
			'stored execution 8 (workflow wfError, mode cli, error) data: at resultData.error.message',
		);
		expect(failure.message).toMatch(
			/plannr fake: personal access token \[.*\] in stored execution 9 .*its data as text, line 1/,
		);
		for (const secret of [token, 'planted-by-the-test-0042', plannr.options.personalAccessToken])
			expect(failure.message).not.toContain(secret);
		expect(failure.message).not.toMatch(/\badmin\b/);
		// Stopped and deleted all the same; the record adds this instance to the clean one above.
		expect(existsSync(n8n.root)).toBe(false);
		expect(record()).toMatchObject({
			file: 'test/engine/secretScan.test.ts',
			executions: 4,
			hits: 3,
		});
	});
});
