/**
 * Runs our nodes through n8n-core's own execution engine (WorkflowExecute, RoutingNode, PollContext),
 * over real HTTP, with credentials applied the way n8n's server applies them.
 */
import {
	ExecutionLifecycleHooks,
	InstanceSettings,
	PollContext,
	RoutingNode,
	ExecuteContext,
	LoadOptionsContext,
	WorkflowExecute,
	Credentials,
	ErrorReporter,
} from 'n8n-core';
import { Container } from '@n8n/di';
import { HookContext, WebhookContext } from 'n8n-core';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
	ICredentialsHelper,
	LoggerProxy,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
	type IWebhookData,
	type IWebhookResponseData,
	type ResourceMapperFields,
} from 'n8n-workflow';
const REPO_ROOT = path.resolve(__dirname, '../..');

/** Stands in for n8n's own No-Op node, which n8n's credential tester runs the test request as. */
const noOp: INodeType = {
	description: {
		displayName: 'No Operation',
		name: 'noOp',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
};

/**
 * Every node and credential type package.json's `n8n` block registers, loaded from its TypeScript source
 * (`dist/nodes/X/Y.node.js` is `nodes/X/Y.node.ts`, exporting class `Y`): a type the package does not
 * register cannot be tested as if it shipped.
 */
function registered<T>(
	kind: 'nodes' | 'credentials',
	nameOf: (instance: T) => string,
): Record<string, T> {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: Record<string, string[]>;
	};
	const types: Record<string, T> = {};
	for (const built of manifest.n8n[kind]) {
		const source = built.replace(/^dist\//, '').replace(/\.js$/, '');
		const className = path.basename(source).split('.')[0];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const TypeClass = (require(path.join(REPO_ROOT, source)) as Record<string, new () => T>)[
			className
		];
		if (!TypeClass) throw new Error(`${source} does not export ${className}`);
		const instance = new TypeClass();
		types[nameOf(instance)] = instance;
	}
	return types;
}

const NODE_TYPES: Record<string, INodeType> = {
	...registered<INodeType>('nodes', (type) => type.description.name),
	noOp,
};
const CREDENTIAL_TYPES = registered<ICredentialType>('credentials', (type) => type.name);

class PackNodeTypes implements INodeTypes {
	getByName(type: string): INodeType {
		const nodeType = NODE_TYPES[type.replace(/^.*\./, '')];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}
	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}
	getKnownTypes() {
		return {};
	}
}

/** Stored credentials, by id: what n8n keeps in its database (tokens written back by preAuthentication land here). */
export class CredentialStore {
	private readonly byId = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();
	private nextId = 1;

	add(type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		const id = String(this.nextId++);
		this.byId.set(id, { type, data: { ...data } });
		return { id, name: `${type} ${id}` };
	}
	data(id: string): ICredentialDataDecryptedObject {
		const entry = this.byId.get(id);
		if (!entry) throw new Error(`No credential ${id}`);
		return entry.data;
	}
	update(id: string, data: ICredentialDataDecryptedObject) {
		this.data(id);
		this.byId.get(id)!.data = { ...data };
	}
}

/** The parts of n8n's server-side CredentialsHelper that a node's requests go through. */
class PackCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}
	/** The types a credential type extends, as n8n's CredentialTypes reports them (OAuth2 credentials list oAuth2Api). */
	getParentTypes(typeName: string): string[] {
		const parents = CREDENTIAL_TYPES[typeName]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type].properties;
	}

	/** Generic auth blocks: every key and value is an n8n expression resolved against $credentials. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = CREDENTIAL_TYPES[typeName];
		const options = requestOptions as IHttpRequestOptions & IDataObject;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				value.startsWith('=')
					? String(
							workflow.expression.getSimpleParameterValue(node, value, 'internal', {
								$credentials: credentials,
							}),
						)
					: value;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				const target = ((options[section] as IDataObject | undefined) ??= {});
				for (const [key, value] of Object.entries(entries as IDataObject)) {
					target[resolve(key)] = resolve(String(value));
				}
			}
		}
		return options;
	}

	/** As n8n does: run preAuthentication when the expirable field is empty or the server rejected it. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = CREDENTIAL_TYPES[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details?.id)
			this.store.update(details.id, {
				...credentials,
				...output,
			} as ICredentialDataDecryptedObject);
		return Object.assign(credentials, output);
	}
	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const credentials = new Credentials(details, type);
		credentials.setData(this.store.data(details.id!));
		return credentials;
	}
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store.data(details.id!) };
	}
	async updateCredentials(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.update(details.id!, data);
	}
	async updateCredentialsOauthTokenData() {}
}

/**
 * The workflow zone an Engine starts with: `TASKBRIDGE_TEST_TIMEZONE` (an IANA zone, e.g. America/New_York), else
 * UTC. `npm run test:clock` sets it for the run on a daylight-saving day.
 */
export function defaultTimezone(): string {
	const zone = process.env.TASKBRIDGE_TEST_TIMEZONE?.trim();
	if (!zone) return 'UTC';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw new Error(`TASKBRIDGE_TEST_TIMEZONE is not a time zone: ${zone}`);
	}
	return zone;
}

let instanceReady = false;
function ensureInstanceSettings() {
	if (instanceReady) return;
	// n8n logs every node error; the tests assert on errors themselves.
	const quiet = () => {};
	LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet } as never);
	Container.set(ErrorReporter, { error: quiet, warn: quiet, info: quiet } as never);
	process.env.N8N_ENCRYPTION_KEY ??= 'taskbridge-engine-tests';
	Container.get(InstanceSettings);
	instanceReady = true;
}

export class Engine {
	readonly credentials = new CredentialStore();
	readonly nodeTypes = new PackNodeTypes();
	readonly credentialsHelper = new PackCredentialsHelper(this.credentials);
	/** The workflow's time zone (n8n's settings.timezone): UTC unless TASKBRIDGE_TEST_TIMEZONE names another; a test may set its own. */
	timezone = defaultTimezone();

	constructor() {
		ensureInstanceSettings();
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			executeWorkflow: async () => {
				throw new Error('not used');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			formBaseUrl: 'http://127.0.0.1:5678/formBaseUrl',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/formWaitingBaseUrl',
			formTestBaseUrl: 'http://127.0.0.1:5678/formTestBaseUrl',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhookBaseUrl',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhookWaitingBaseUrl',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhookTestBaseUrl',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcpBaseUrl',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcpTestBaseUrl',
			variables: {},
			logAiEvent: () => {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	workflow(nodes: INode[], staticData: IDataObject = {}): Workflow {
		return new Workflow({
			id: 'engine-test',
			name: 'engine test',
			nodes,
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { timezone: this.timezone },
		});
	}
}

export interface NodeRun {
	/** Items on the main output. */
	items: INodeExecutionData[];
	/** Items on the error output (when the node's On Error is "continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the workflow, if one did. */
	error?: { message: string; description?: string | null; httpCode?: string | null; name?: string };
	run: IRun;
}

export interface NodeSpec {
	type: string;
	parameters: IDataObject;
	credentialId?: string;
	credentialType?: string;
	onError?: INode['onError'];
	continueOnFail?: boolean;
}

/** The node as a workflow holds it: our package's type, the parameters, and a stored credential. */
function nodeOf(spec: NodeSpec, name: string): INode {
	return {
		id: `${name}-under-test`,
		name,
		type: `n8n-nodes-taskbridge.${spec.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters as INode['parameters'],
		onError: spec.onError,
		continueOnFail: spec.continueOnFail,
		credentials: spec.credentialId
			? { [spec.credentialType ?? 'oliverApi']: { id: spec.credentialId, name: 'test credential' } }
			: undefined,
	};
}

/** One action node, fed `input` items, run by WorkflowExecute as the editor's "execute workflow" would. */
export async function runNode(
	engine: Engine,
	spec: NodeSpec,
	input: IDataObject[] = [{}],
): Promise<NodeRun> {
	const node = nodeOf(spec, 'Node');
	const workflow = engine.workflow([node]);
	const additionalData = engine.additionalData();
	additionalData.hooks = new ExecutionLifecycleHooks('manual', 'engine-test', {
		id: 'engine-test',
		name: 'engine test',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const execute = new WorkflowExecute(additionalData, 'manual');
	const run = await execute.run({
		workflow,
		startNode: node,
		triggerToStartFrom: {
			name: node.name,
			data: {
				startTime: Date.now(),
				executionTime: 0,
				executionIndex: 0,
				source: [],
				data: { main: [input.map((json) => ({ json }))] },
			},
		},
	});
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = taskData?.data?.main ?? [];
	const error = run.data.resultData.error as NodeRun['error'] | undefined;
	return { items: outputs[0] ?? [], errorItems: outputs[1] ?? [], error, run };
}

/** One poll of a trigger, as n8n's poller runs it; `staticData` is the workflow's, kept between polls by the caller. */
export async function pollTrigger(
	engine: Engine,
	spec: NodeSpec,
	staticData: IDataObject,
	mode: WorkflowExecuteMode = 'trigger',
): Promise<INodeExecutionData[] | null> {
	const node = nodeOf(spec, 'Trigger');
	const workflow = engine.workflow([node], staticData);
	const context = new PollContext(
		workflow,
		node,
		engine.additionalData(),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const nodeType = engine.nodeTypes.getByName(node.type);
	const result = await nodeType.poll!.call(context);
	Object.assign(staticData, workflow.staticData);
	return result ? result[0] : null;
}

/** A resource mapper's fields, as the editor loads them for the node's current parameters. */
export async function resourceMapperFields(
	engine: Engine,
	spec: NodeSpec,
	method: string,
): Promise<ResourceMapperFields> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const mapping = engine.nodeTypes.getByName(node.type).methods?.resourceMapping?.[method];
	if (!mapping) throw new Error(`No resource mapping method ${method}`);
	return await mapping.call(context);
}

/** A resource locator's list, as the editor loads it while the user types `filter` into it. */
export async function searchList(
	engine: Engine,
	spec: NodeSpec,
	method: string,
	filter?: string,
): Promise<Array<{ name: string; value: string | number | boolean }>> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const search = engine.nodeTypes.getByName(node.type).methods?.listSearch?.[method];
	if (!search) throw new Error(`No list search ${method}`);
	return (await search.call(context, filter)).results;
}

/** A dropdown's options, as the editor loads them through the node's `loadOptionsMethod`. */
export async function loadOptions(
	engine: Engine,
	spec: NodeSpec,
	method: string,
): Promise<Array<{ name: string; value: string | number | boolean }>> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const load = engine.nodeTypes.getByName(node.type).methods?.loadOptions?.[method];
	if (!load) throw new Error(`No load options method ${method}`);
	return (await load.call(context)).map(({ name, value }) => ({ name, value }));
}

/**
 * The credential's Test button, as n8n's credential tester runs it: its test request, through RoutingNode,
 * with the credential's auth applied, then its rules checked. Returns n8n's verdict.
 */
export async function testCredential(
	engine: Engine,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = CREDENTIAL_TYPES[type];
	const { test } = credentialType;
	if (!test || typeof test === 'string') throw new Error(`${type} has no declarative test`);
	const details = engine.credentials.add(type, data);
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
			credentials: [{ name: type, required: true }],
			requestDefaults: test.request,
		},
	};
	// n8n's tester marks its mock node this way, which makes preAuthentication run every time.
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [type]: details },
	};
	const workflow = engine.workflow([node]);
	const additionalData = engine.additionalData();
	const executeData: IExecuteData = { node, data: { main: [[{ json: {} }]] }, source: null };
	const runExecutionData = createRunExecutionData();
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[{ json: {} }],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, {
		id: details.id!,
		name: details.name,
		type,
		data: engine.credentials.data(details.id!),
	});
	try {
		// The tester always refreshes the expirable token, so clear it as n8n's noOp marker would.
		const stored = engine.credentials.data(details.id!);
		const expirable = credentialType.properties.find((p) => p.typeOptions?.expirable);
		if (expirable) engine.credentials.update(details.id!, { ...stored, [expirable.name]: '' });
		const response = await routingNode.runNode();
		const body = response?.[0]?.[0]?.json as IDataObject | undefined;
		for (const rule of test.rules ?? []) {
			if (
				rule.type === 'responseSuccessBody' &&
				body &&
				body[rule.properties.key] === rule.properties.value
			) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

/** The webhook trigger's registration in n8n: what n8n hands its hook and webhook functions. */
function webhookDataOf(engine: Engine, node: INode): IWebhookData {
	const webhookDescription = engine.nodeTypes.getByName(node.type).description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${node.type} has no webhook`);
	return {
		httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: 'engine-test',
		workflowExecuteAdditionalData: engine.additionalData(),
		isTest: false,
	} as IWebhookData;
}

/**
 * One of a webhook trigger's lifecycle methods, as n8n runs them when a workflow is activated (checkExists,
 * then create when it answers false) or deactivated (delete). `staticData` is the workflow's, kept by the caller;
 * `webhookBaseUrl` is n8n's public webhook address (a receiver's, for deliveries to reach it).
 */
export async function runWebhookMethod(
	engine: Engine,
	spec: NodeSpec,
	staticData: IDataObject,
	method: 'checkExists' | 'create' | 'delete',
	webhookBaseUrl = 'http://127.0.0.1:5678/webhook',
): Promise<boolean> {
	const node = nodeOf(spec, 'Trigger');
	const workflow = engine.workflow([node], staticData);
	const additionalData = engine.additionalData();
	additionalData.webhookBaseUrl = webhookBaseUrl;
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		method === 'delete' ? 'update' : 'activate',
		webhookDataOf(engine, node),
	);
	const hooks = engine.nodeTypes.getByName(node.type).webhookMethods?.default;
	if (!hooks?.[method]) throw new Error(`${node.type} has no webhook method ${method}`);
	try {
		return await hooks[method].call(context);
	} finally {
		Object.assign(staticData, workflow.staticData);
	}
}

/** The webhook URL n8n gives the trigger under `webhookBaseUrl` (what runWebhookMethod subscribes). */
export function webhookUrlOf(
	spec: NodeSpec,
	webhookBaseUrl = 'http://127.0.0.1:5678/webhook',
): string {
	const node = nodeOf(spec, 'Trigger');
	return `${webhookBaseUrl}/engine-test/${encodeURIComponent(node.name.toLowerCase())}/webhook`;
}

export interface WebhookCall {
	/** The HTTP status the sender got. */
	status: number;
	/** What the sender got back, parsed when JSON. */
	body: unknown;
	/** The items the trigger would start the workflow with; null when it started nothing. */
	workflowData: INodeExecutionData[][] | null;
}

export interface WebhookReceiver {
	/** n8n's webhook base URL, served here: pass it to runWebhookMethod so the subscription points here. */
	baseUrl: string;
	/** Every request received, in order. */
	calls: WebhookCall[];
	close(): Promise<void>;
}

/**
 * Stands in for n8n's webhook server: each POST runs the trigger's webhook() through n8n-core's
 * WebhookContext with the request (raw body kept, as n8n keeps it) and a response object, then answers as
 * n8n does for "respond immediately": what the node set, else 200.
 */
export async function startWebhookReceiver(
	engine: Engine,
	spec: NodeSpec,
	staticData: IDataObject,
): Promise<WebhookReceiver> {
	const calls: WebhookCall[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const rawBody = Buffer.concat(chunks);
				let body: unknown = {};
				try {
					body = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
				} catch {
					body = rawBody.toString('utf8');
				}
				const url = new URL(req.url ?? '/', 'http://receiver.local');
				const request = {
					method: req.method,
					url: req.url,
					headers: req.headers,
					query: Object.fromEntries(url.searchParams),
					params: {},
					body,
					rawBody,
				};
				let status = 200;
				let answered: unknown;
				const response = {
					status(code: number) {
						status = code;
						return response;
					},
					json(value: unknown) {
						answered = value;
						return response;
					},
					send(value: unknown) {
						answered = value;
						return response;
					},
					end(value?: unknown) {
						if (value !== undefined) answered = value;
						return response;
					},
					setHeader() {
						return response;
					},
				};
				const node = nodeOf(spec, 'Trigger');
				const workflow = engine.workflow([node], staticData);
				const additionalData = engine.additionalData();
				additionalData.httpRequest = request as never;
				additionalData.httpResponse = response as never;
				let result: IWebhookResponseData | undefined;
				try {
					const context = new WebhookContext(
						workflow,
						node,
						additionalData,
						'webhook',
						webhookDataOf(engine, node),
						[],
						null,
					);
					result = await engine.nodeTypes.getByName(node.type).webhook!.call(context);
					Object.assign(staticData, workflow.staticData);
				} catch (error) {
					status = 500;
					answered = { message: (error as Error).message };
				}
				if (result && !result.noWebhookResponse) {
					status = 200;
					answered = result.workflowData
						? { message: 'Workflow was started' }
						: { message: 'Webhook call received' };
				}
				calls.push({ status, body: answered, workflowData: result?.workflowData ?? null });
				res
					.writeHead(status, { 'content-type': 'application/json' })
					.end(JSON.stringify(answered ?? {}));
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return {
		baseUrl,
		calls,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * The Test button of an OAuth2 credential. n8n's tester runs the test request as a stand-in node type that
 * declares the credential (its mockNodeTypes), so n8n-core can read the stored token and sign the request;
 * testCredential's stand-in declares none, which only matters for OAuth2.
 */
export async function testOAuth2Credential(
	engine: Engine,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const standIn = NODE_TYPES.noOp;
	NODE_TYPES.noOp = {
		description: { ...noOp.description, credentials: [{ name: type, required: true }] },
	};
	try {
		return await testCredential(engine, type, data);
	} finally {
		NODE_TYPES.noOp = standIn;
	}
}
