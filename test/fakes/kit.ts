/**
 * A small HTTP server kit for stateful fakes of vendor APIs on loopback. It records every request and can
 * be told to misbehave (a status, a delay, a malformed body, a dropped connection) for the next N requests
 * or for requests on one path.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	rawQuery: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	at: number;
}

export interface FakeRequest extends RecordedRequest {
	params: Record<string, string>;
}

export interface FakeResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export type Fault =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { delayMs: number }
	| { malformedBody: string; status?: number }
	| { drop: true };

export interface FaultRule {
	fault: Fault;
	/** How many matching requests it applies to: 1 by default, Infinity until cleared. */
	times?: number;
	method?: string;
	/** An exact path, a '/x/:id' pattern, or a RegExp. */
	path?: string | RegExp;
}

interface Route {
	method: string;
	matcher: RegExp;
	names: string[];
	handler: Handler;
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
	return { matcher: new RegExp(`^${source}/?$`), names };
}

function parseBody(raw: string, contentType: string): unknown {
	if (raw === '') return undefined;
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
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

	private readonly routes: Route[] = [];
	private faults: Array<FaultRule & { left: number }> = [];
	private readonly sockets = new Set<Socket>();
	private readonly server = http.createServer((req, res) => void this.handle(req, res));
	private baseUrl = '';

	constructor(readonly name: string) {
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
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		this.baseUrl = `http://${host}:${address.port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		if (!this.server.listening) return;
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	get url(): string {
		return this.baseUrl;
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	fault(rule: FaultRule): void {
		this.faults.push({ ...rule, left: rule.times ?? 1 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const rule = this.faults.find((candidate) => {
			if (candidate.left <= 0) return false;
			if (candidate.method && candidate.method.toUpperCase() !== method) return false;
			if (candidate.path === undefined) return true;
			if (candidate.path instanceof RegExp) return candidate.path.test(path);
			return compilePattern(candidate.path).matcher.test(path);
		});
		if (!rule) return undefined;
		rule.left--;
		return rule.fault;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://fake.local');
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
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
		this.requests.push(recorded);

		const fault = this.takeFault(recorded.method, recorded.path);
		if (fault && 'drop' in fault) {
			req.socket.destroy();
			return;
		}
		if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault && 'malformedBody' in fault) {
			res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
			res.end(fault.malformedBody);
			return;
		}
		let response: FakeResponse;
		if (fault && 'status' in fault) {
			response = fault;
		} else {
			try {
				response = await this.route(recorded);
			} catch (error) {
				response = { status: 500, body: { message: `fake ${this.name} failed: ${(error as Error).message}` } };
			}
		}
		this.send(res, response);
	}

	private async route(request: RecordedRequest): Promise<FakeResponse> {
		for (const route of this.routes) {
			if (route.method !== request.method) continue;
			const match = route.matcher.exec(request.path);
			if (!match) continue;
			const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
			return await route.handler({ ...request, params });
		}
		return await this.notFound({ ...request, params: {} });
	}

	private send(res: http.ServerResponse, response: FakeResponse): void {
		const headers = { ...(response.headers ?? {}) };
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
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}
