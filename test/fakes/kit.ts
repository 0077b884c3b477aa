/**
 * A small HTTP server kit for stateful fakes of vendor APIs on loopback (node:http only, no mocking
 * library). It records every request and can be told to misbehave for the next N matching requests:
 * answer a given status, wait, send a malformed body, or drop the connection (before the handler runs, or
 * after it, so the work is done and only the answer is lost).
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
	/** Upper case. */
	method: string;
	/** Without the query string. */
	path: string;
	/** Last value wins for repeated keys; `rawQuery` keeps them all. */
	query: Record<string, string>;
	rawQuery: string;
	/** Lower-cased names; repeated headers joined with ', '. */
	headers: Record<string, string>;
	/** Parsed JSON, a parsed x-www-form-urlencoded object, the raw string, or undefined when empty. */
	body: unknown;
	rawBody: string;
	/** Date.now() when received. */
	at: number;
}

export interface FakeRequest extends RecordedRequest {
	params: Record<string, string>;
}

export interface FakeResponse {
	status: number;
	/** An object is sent as JSON; a string is sent as is. */
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export type Fault =
	/**
	 * Answer this instead of the handler. `meanwhile` runs first: a change someone else makes at the vendor
	 * while this request fails (for a test of what the node sends next).
	 */
	| { status: number; body?: unknown; headers?: Record<string, string>; meanwhile?: () => void }
	/** Wait, then run the handler normally. */
	| { delayMs: number }
	/** Send this text as application/json, e.g. '{"success": tr'. */
	| { malformedBody: string; status?: number }
	/** Destroy the socket without answering. */
	| { drop: true }
	/** Run the handler (the vendor does the work), then destroy the socket without answering: the answer is lost. */
	| { dropAfterHandling: true };

interface FaultRule {
	fault: Fault;
	/** How many matching requests it applies to: 1 by default, Infinity until cleared. */
	times?: number;
	method?: string;
	/** An exact path, a '/x/:id' pattern, or a RegExp tested against the path. */
	path?: string | RegExp;
}

interface Route {
	method: string;
	matcher: RegExp;
	names: string[];
	handler: Handler;
}

interface ActiveFault {
	rule: FaultRule;
	matcher?: RegExp;
	left: number;
}

function compilePattern(pattern: string): { matcher: RegExp; names: string[] } {
	const names: string[] = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				names.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	// A trailing slash is tolerated: clients differ on it and no vendor here tells the two apart.
	return { matcher: new RegExp(`^${source}/?$`), names };
}

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function parseBody(raw: string, contentType: string): unknown {
	if (raw === '') return undefined;
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	// JSON is tried whatever the content type: a fake decides itself whether a wrong type is an error.
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export class FakeServer {
	readonly requests: RecordedRequest[] = [];
	/** Answers requests no route matches; a vendor fake sets its own error shape here. */
	notFound: Handler = () => ({ status: 404, body: { message: 'Not found' } });
	/** Answers when a handler throws; a vendor fake may set its own error shape here. */
	internalError: (error: Error) => FakeResponse = (error) => ({
		status: 500,
		body: { message: `fake ${this.name} failed: ${error.message}` },
	});

	private readonly routes: Route[] = [];
	private faults: ActiveFault[] = [];
	private readonly sockets = new Set<Socket>();
	private readonly server: http.Server;
	private baseUrl = '';

	constructor(readonly name: string) {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	on(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method: method.toUpperCase(), ...compilePattern(pattern), handler });
		return this;
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		if (this.server.listening) return this.baseUrl;
		await new Promise<void>((resolve, reject) => {
			const onError = (error: Error) => reject(error);
			this.server.once('error', onError);
			this.server.listen(port, host, () => {
				this.server.off('error', onError);
				resolve();
			});
		});
		const address = this.server.address() as AddressInfo;
		this.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
		return this.baseUrl;
	}

	/** Closes idle keep-alive sockets too, so jest exits without open handles. */
	async stop(): Promise<void> {
		if (!this.server.listening) return;
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await closed;
	}

	get url(): string {
		return this.baseUrl;
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	/** Rules are checked in the order added; the first that matches is used and counts down. */
	fault(rule: FaultRule): void {
		const matcher = typeof rule.path === 'string' ? compilePattern(rule.path).matcher : undefined;
		this.faults.push({ rule, matcher, left: rule.times ?? 1 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const active = this.faults.find(({ rule, matcher, left }) => {
			if (left <= 0) return false;
			if (rule.method && rule.method.toUpperCase() !== method) return false;
			if (rule.path instanceof RegExp) return rule.path.test(path);
			return matcher ? matcher.test(path) : true;
		});
		if (!active) return undefined;
		active.left--;
		if (active.left <= 0) this.faults = this.faults.filter((candidate) => candidate !== active);
		return active.rule.fault;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		try {
			for await (const chunk of req) chunks.push(chunk as Buffer);
		} catch {
			return; // the client went away mid-body
		}
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://fake.local');
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			if (value !== undefined)
				headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
		}
		const recorded: RecordedRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search.replace(/^\?/, ''),
			headers,
			body: parseBody(rawBody, headers['content-type'] ?? ''),
			rawBody,
			at: Date.now(),
		};
		// Recorded before any fault, so a test can see the attempts a fault swallowed.
		this.requests.push(recorded);

		const fault = this.takeFault(recorded.method, recorded.path);
		if (fault && 'drop' in fault) {
			res.destroy();
			req.socket.destroy();
			return;
		}
		if (fault && 'malformedBody' in fault) {
			this.send(res, {
				status: fault.status ?? 200,
				body: fault.malformedBody,
				headers: { 'content-type': 'application/json' },
			});
			return;
		}
		if (fault && 'status' in fault) {
			fault.meanwhile?.();
			this.send(res, fault);
			return;
		}
		if (fault && 'delayMs' in fault)
			await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

		let response: FakeResponse;
		try {
			response = await this.route(recorded);
		} catch (error) {
			response = this.internalError(error instanceof Error ? error : new Error(String(error)));
		}
		if (fault && 'dropAfterHandling' in fault) {
			res.destroy();
			req.socket.destroy();
			return;
		}
		this.send(res, response);
	}

	private async route(request: RecordedRequest): Promise<FakeResponse> {
		for (const route of this.routes) {
			if (route.method !== request.method) continue;
			const match = route.matcher.exec(request.path);
			if (!match) continue;
			const params = Object.fromEntries(route.names.map((name, i) => [name, decode(match[i + 1])]));
			return await route.handler({ ...request, params });
		}
		return await this.notFound({ ...request, params: {} });
	}

	private send(res: http.ServerResponse, response: FakeResponse): void {
		if (res.destroyed || res.headersSent) return; // e.g. the server stopped during a delay
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(response.headers ?? {}))
			headers[key.toLowerCase()] = value;
		let payload = '';
		if (response.body !== undefined) {
			if (typeof response.body === 'string') {
				payload = response.body;
				headers['content-type'] ??= 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(response.body);
				headers['content-type'] ??= 'application/json';
			}
		}
		headers['content-length'] = String(Buffer.byteLength(payload));
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}

const mediaTypeOf = (entry: string) => entry.split(';')[0].trim().toLowerCase();

/** Whether a request's Content-Type is `type`, parameters such as `charset` aside (case-insensitive). */
export function contentTypeIs(request: RecordedRequest, type: string): boolean {
	return mediaTypeOf(request.headers['content-type'] ?? '') === type;
}

/** Whether a request's Accept list names `type` itself (case-insensitive, `q` and other parameters aside). */
export function acceptNames(request: RecordedRequest, type: string): boolean {
	return (request.headers.accept ?? '').split(',').some((entry) => mediaTypeOf(entry) === type);
}

/** A secret a vendor fake accepts or handed out, for the e2e secret scan (test/e2e/secretScan.ts). */
export interface FakeSecret {
	/** What it is, e.g. 'issued access token' or 'app secret'. */
	kind: string;
	value: string;
}

const madeFakes: VendorFake[] = [];

/**
 * Every vendor fake made so far in this module registry, oldest first: under jest, the fakes of the running
 * test file. The e2e harness reads their secrets (configuredSecrets, issuedSecrets) for its secret scan.
 */
export function vendorFakes(): readonly VendorFake[] {
	return madeFakes;
}

/** What every vendor fake shares: its server, and the lifecycle and request log it hands on to it. */
export class VendorFake {
	readonly server: FakeServer;
	private readonly issuedLog: FakeSecret[] = [];

	constructor(name: string) {
		this.server = new FakeServer(name);
		madeFakes.push(this);
	}

	/**
	 * Every token, code and webhook secret this fake minted or was handed to accept, in order. Read only, and
	 * never emptied (not even by a vendor's reset()): a token stops working, it does not stop being a secret.
	 */
	get issuedSecrets(): readonly FakeSecret[] {
		return this.issuedLog;
	}

	/** The secrets the fake is set up to accept (passwords, app secrets, keys), from its options. Vendors override. */
	get configuredSecrets(): readonly FakeSecret[] {
		return [];
	}

	/** Notes a secret the fake hands out, for issuedSecrets. Changes nothing else. Public: route files call it. */
	noteIssued(kind: string, value: string): void {
		this.issuedLog.push({ kind, value });
	}

	start(port?: number): Promise<string> {
		return this.server.start(port);
	}
	stop(): Promise<void> {
		return this.server.stop();
	}
	get url(): string {
		return this.server.url;
	}
	get requests(): RecordedRequest[] {
		return this.server.requests;
	}
}

interface WebhookAnswer {
	/** The receiver's HTTP status, or null when it never answered. */
	status: number | null;
	responseBody: string;
	error?: string;
}

/**
 * One webhook delivery as a vendor sends it: a POST without keep-alive, so nothing is left open after a
 * test. Never rejects: a bad URL, a timeout or a dropped connection comes back as `error`. Requests in
 * flight are kept in `inFlight`, when given, so a fake can cut them off when it is reset or stopped.
 */
export function postWebhook(
	url: string,
	body: string,
	headers: Record<string, string>,
	options: { timeoutMs: number; inFlight?: Set<http.ClientRequest> },
): Promise<WebhookAnswer> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ status: null, responseBody: '', error: `Invalid URL ${url}` });
			return;
		}
		const transport = target.protocol === 'https:' ? https : http;
		const finish = (answer: WebhookAnswer) => {
			options.inFlight?.delete(request);
			resolve(answer);
		};
		const request = transport.request(
			target,
			{
				method: 'POST',
				agent: false,
				headers: {
					...headers,
					'content-length': String(Buffer.byteLength(body)),
					connection: 'close',
				},
				timeout: options.timeoutMs,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					finish({
						status: response.statusCode ?? null,
						responseBody: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', (error) =>
					finish({ status: response.statusCode ?? null, responseBody: '', error: error.message }),
				);
			},
		);
		options.inFlight?.add(request);
		request.on('timeout', () =>
			request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
		);
		request.on('error', (error) =>
			finish({ status: null, responseBody: '', error: error.message }),
		);
		request.end(body);
	});
}
