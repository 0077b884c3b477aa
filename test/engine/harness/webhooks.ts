/**
 * Webhook triggers as n8n runs them: the lifecycle methods on activation and deactivation, and a loopback
 * server standing in for n8n's webhook server.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { nodeOf, type Engine, type NodeSpec } from './engine';

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
