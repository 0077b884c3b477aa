/**
 * A stateful fake of Oliver's partner API (staff tasks, clients, patients, sign-in), from
 * shared/vendors/oliver.md and seed 000. Guesses are marked [inferred] and are options.
 */
import { randomBytes } from 'node:crypto';
import { FakeServer, type FakeRequest, type FakeResponse, type RecordedRequest } from './kit';

export const OLIVER_API_PREFIX = '/services/core/open_api/v1';
export const OLIVER_SIGN_IN_PATH = '/services/user/v1/auth/sign-in';

const STATUSES = ['pending', 'completed', 'canceled'] as const;
const TASK_TYPES = ['task', 'rx_refill'] as const;

export interface OliverTask {
	id: string;
	task_type: (typeof TASK_TYPES)[number];
	status: (typeof STATUSES)[number];
	title: string;
	description: string | null;
	client_id: string | null;
	patient_id: string | null;
	cancellation_allowed: boolean;
	override_completion_action_text: string | null;
	reference_time_at: string | null;
	finalized_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface OliverPatient {
	id: string;
	name: string;
	client_id: string;
	species: string | null;
	breed: string | null;
}

export interface OliverClient {
	id: string;
	name: string;
	email: string | null;
	phone: string | null;
	remote_id: string | null;
}

export interface OliverFakeOptions {
	username?: string;
	password?: string;
	locationId?: string;
	tokenTtlMs?: number;
	defaultPerPage?: number;
	maxPerPage?: number;
	/** [inferred] the docs say neither: a per_page above the maximum is clamped (false: refused with 400). */
	clampPerPage?: boolean;
	/** [inferred] the status for a wrong or missing X-Client-Id; the docs list 401 among the errors. */
	wrongLocationStatus?: number;
	clock?: () => Date;
}

type Answer = FakeResponse;
const ok = (data: unknown, status = 200, message?: string): Answer => ({
	status,
	body: message === undefined ? { success: true, data } : { success: true, data, message },
});
const fail = (status: number, message: string, data?: unknown): Answer => ({
	status,
	body: data === undefined ? { success: false, message } : { success: false, message, data },
});

export class OliverFake {
	readonly server = new FakeServer('oliver');
	readonly options: Required<OliverFakeOptions>;
	tasks = new Map<string, OliverTask>();
	clients = new Map<string, OliverClient>();
	patients = new Map<string, OliverPatient>();
	signInCount = 0;

	private tokens = new Map<string, number>();
	private counter = 0;

	constructor(options: OliverFakeOptions = {}) {
		this.options = {
			username: 'api-user',
			password: 'api-pass',
			locationId: 'loc-1',
			tokenTtlMs: 3_600_000,
			defaultPerPage: 50,
			maxPerPage: 100,
			clampPerPage: true,
			wrongLocationStatus: 401,
			clock: () => new Date(),
			...options,
		};
		this.server.notFound = () => fail(404, 'Not found');
		this.routes();
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

	reset(): void {
		this.tasks.clear();
		this.clients.clear();
		this.patients.clear();
		this.tokens.clear();
		this.signInCount = 0;
		this.server.clearRequests();
		this.server.clearFaults();
	}

	private now(): string {
		return this.options.clock().toISOString();
	}
	private nextId(prefix: string): string {
		return `${prefix}_${++this.counter}`;
	}

	issueToken(): string {
		// Shaped like a JWT; nothing reads its inside.
		const token = ['eyJhbGciOiJIUzI1NiJ9', randomBytes(12).toString('base64url'), randomBytes(16).toString('base64url')].join('.');
		this.tokens.set(token, this.options.clock().getTime() + this.options.tokenTtlMs);
		return token;
	}

	expireTokens(): void {
		this.tokens.clear();
	}

	addTask(partial: Partial<OliverTask> & { title: string }): OliverTask {
		const now = this.now();
		const task: OliverTask = {
			id: this.nextId('st'),
			task_type: 'task',
			status: 'pending',
			description: null,
			client_id: null,
			patient_id: null,
			cancellation_allowed: true,
			override_completion_action_text: null,
			reference_time_at: null,
			finalized_at: null,
			created_at: now,
			updated_at: now,
			...partial,
		};
		if (partial.status && partial.status !== 'pending' && partial.finalized_at === undefined) task.finalized_at = now;
		this.tasks.set(task.id, task);
		return task;
	}

	addClient(partial: Partial<OliverClient> & { name: string }): OliverClient {
		const client: OliverClient = { id: this.nextId('cl'), email: null, phone: null, remote_id: null, ...partial };
		this.clients.set(client.id, client);
		return client;
	}

	addPatient(partial: Partial<OliverPatient> & { name: string; client_id: string }): OliverPatient {
		const patient: OliverPatient = { id: this.nextId('pt'), species: null, breed: null, ...partial };
		this.patients.set(patient.id, patient);
		return patient;
	}

	/** A small practice for the sandbox behind `npm start`. */
	seedSandbox(): void {
		const dana = this.addClient({ name: 'Dana Smith', email: 'dana.smith@example.com', phone: '555-0101' });
		const lee = this.addClient({ name: 'Lee Wong', email: 'lee.wong@example.com', phone: '555-0102' });
		const sam = this.addClient({ name: 'Sam Rivera', email: 'sam.rivera@example.com', phone: '555-0103' });
		const rex = this.addPatient({ name: 'Rex', client_id: dana.id, species: 'Dog', breed: 'Labrador' });
		this.addPatient({ name: 'Mittens', client_id: dana.id, species: 'Cat', breed: 'Tabby' });
		const kiwi = this.addPatient({ name: 'Kiwi', client_id: lee.id, species: 'Bird', breed: 'Cockatiel' });
		const bruno = this.addPatient({ name: 'Bruno', client_id: sam.id, species: 'Dog', breed: 'Boxer' });
		this.addTask({ title: 'Call owner with lab results', client_id: dana.id, patient_id: rex.id });
		this.addTask({ title: 'Refill carprofen 75mg', task_type: 'rx_refill', client_id: dana.id, patient_id: rex.id });
		this.addTask({ title: 'Send vaccine reminder', client_id: lee.id, patient_id: kiwi.id, status: 'completed' });
		this.addTask({ title: 'Order boxer-size cone', client_id: sam.id, patient_id: bruno.id });
		this.addTask({ title: 'Duplicate intake form', status: 'canceled' });
		this.addTask({ title: 'Restock heartworm tests', description: 'Two boxes' });
	}

	/** Who may call: a live token and the practice's location on every call but sign-in. */
	private refuse(request: FakeRequest): Answer | undefined {
		const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		const expiresAt = token ? this.tokens.get(token) : undefined;
		if (expiresAt === undefined || expiresAt <= this.options.clock().getTime()) {
			return fail(401, 'Unauthorized: the token is missing, invalid or expired');
		}
		if (request.headers['x-client-id'] !== this.options.locationId) {
			return fail(this.options.wrongLocationStatus, 'Unauthorized for this location (X-Client-Id)');
		}
		return undefined;
	}

	private guarded(handler: (request: FakeRequest) => Answer): (request: FakeRequest) => Answer {
		return (request) => this.refuse(request) ?? handler(request);
	}

	private routes(): void {
		const api = (path: string) => `${OLIVER_API_PREFIX}${path}`;
		this.server
			.on('POST', OLIVER_SIGN_IN_PATH, (request) => this.signIn(request))
			.on('GET', api('/staff_tasks'), this.guarded((request) => this.listTasks(request)))
			.on('GET', api('/staff_tasks/:id'), this.guarded((request) => this.getTask(request)))
			.on('POST', api('/staff_tasks'), this.guarded((request) => this.createTask(request)))
			.on('PUT', api('/staff_tasks/:id'), this.guarded((request) => this.updateTask(request)))
			.on('DELETE', api('/staff_tasks/:id'), this.guarded((request) => this.deleteTask(request)))
			// [inferred] the fact sheet names these look-ups without their prefix; they sit beside the tasks here.
			.on('GET', api('/clients'), this.guarded((request) => this.searchClients(request)))
			.on('GET', api('/clients/:id'), this.guarded((request) => this.getOne(this.clients, request, 'Client')))
			.on('GET', api('/patients'), this.guarded((request) => this.listPatients(request)))
			.on('GET', api('/patients/:id'), this.guarded((request) => this.getOne(this.patients, request, 'Patient')));
	}

	private signIn(request: FakeRequest): Answer {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.username !== this.options.username || body.password !== this.options.password || body.role !== 'ROLE_API') {
			return fail(401, 'Invalid username or password');
		}
		this.signInCount++;
		return ok({ token: this.issueToken() });
	}

	private listTasks(request: FakeRequest): Answer {
		const { status } = request.query;
		if (status !== undefined && !STATUSES.includes(status as OliverTask['status'])) {
			return fail(400, `Invalid status: ${status}`);
		}
		const page = request.query.page === undefined ? 0 : Number(request.query.page);
		let perPage = request.query.per_page === undefined ? this.options.defaultPerPage : Number(request.query.per_page);
		if (!Number.isInteger(page) || page < 0 || !Number.isInteger(perPage) || perPage < 1) {
			return fail(400, 'Invalid page or per_page');
		}
		if (perPage > this.options.maxPerPage) {
			if (!this.options.clampPerPage) return fail(400, `per_page must be at most ${this.options.maxPerPage}`);
			perPage = this.options.maxPerPage;
		}
		// [inferred] no order is documented: creation order.
		const matching = [...this.tasks.values()].filter((task) => !status || task.status === status);
		return ok({
			page,
			per_page: perPage,
			total_pages: Math.ceil(matching.length / perPage),
			total_count: matching.length,
			content: matching.slice(page * perPage, (page + 1) * perPage),
		});
	}

	private getTask(request: FakeRequest): Answer {
		const task = this.tasks.get(request.params.id);
		return task ? ok(task) : fail(404, `Staff task ${request.params.id} not found`);
	}

	/** The rules shared by create and update; returns a 400 naming the field, or the fields to apply. */
	private readFields(body: Record<string, unknown>): Answer | Partial<OliverTask> {
		const fields: Partial<OliverTask> = {};
		for (const key of ['title', 'description', 'client_id', 'patient_id'] as const) {
			if (body[key] === undefined) continue;
			if (body[key] !== null && typeof body[key] !== 'string') return fail(400, `${key} must be a string`);
			(fields as Record<string, unknown>)[key] = body[key];
		}
		if (body.task_type !== undefined) {
			if (!TASK_TYPES.includes(body.task_type as OliverTask['task_type'])) return fail(400, `Invalid task_type: ${String(body.task_type)}`);
			fields.task_type = body.task_type as OliverTask['task_type'];
		}
		if (body.status !== undefined) {
			if (!STATUSES.includes(body.status as OliverTask['status'])) return fail(400, `Invalid status: ${String(body.status)}`);
			fields.status = body.status as OliverTask['status'];
		}
		if (body.reference_time_at !== undefined) {
			const value = body.reference_time_at;
			if (value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
				return fail(400, 'reference_time_at must be an ISO 8601 date-time');
			}
			fields.reference_time_at = value as string | null;
		}
		if (fields.client_id && !this.clients.has(fields.client_id)) return fail(404, `Client ${fields.client_id} not found`);
		if (fields.patient_id && !this.patients.has(fields.patient_id)) return fail(404, `Patient ${fields.patient_id} not found`);
		return fields;
	}

	private createTask(request: FakeRequest): Answer {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.title !== 'string' || body.title.trim() === '') return fail(400, 'title is required', { field: 'title' });
		const fields = this.readFields(body);
		if (isAnswer(fields)) return fields;
		// The create call documents no status: a new task is pending.
		const { status: _ignored, ...rest } = fields;
		return ok(this.addTask({ ...rest, title: body.title }), 201);
	}

	private updateTask(request: FakeRequest): Answer {
		const task = this.tasks.get(request.params.id);
		if (!task) return fail(404, `Staff task ${request.params.id} not found`);
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.title !== undefined && (typeof body.title !== 'string' || body.title.trim() === '')) {
			return fail(400, 'title cannot be empty', { field: 'title' });
		}
		const fields = this.readFields(body);
		if (isAnswer(fields)) return fields;
		const now = this.now();
		if (fields.status && fields.status !== task.status) {
			// Seed 000: completed or canceled sets finalized_at; back to pending clears it.
			task.finalized_at = fields.status === 'pending' ? null : now;
		}
		Object.assign(task, fields, { updated_at: now });
		return ok(task, 200, 'Staff task updated');
	}

	private deleteTask(request: FakeRequest): Answer {
		const task = this.tasks.get(request.params.id);
		if (!task) return fail(404, `Staff task ${request.params.id} not found`);
		const now = this.now();
		// Soft delete: the record stays, canceled.
		if (task.status !== 'canceled') task.finalized_at = now;
		task.status = 'canceled';
		task.updated_at = now;
		return { status: 200, body: { success: true } };
	}

	private searchClients(request: FakeRequest): Answer {
		const filters = (['name', 'email', 'phone'] as const).filter((key) => request.query[key] !== undefined);
		if (filters.length === 0) return fail(400, 'One of name, email or phone is required');
		const found = [...this.clients.values()].filter((client) =>
			filters.every((key) => (client[key] ?? '').toLowerCase().includes(request.query[key].toLowerCase())),
		);
		return ok(found.slice(0, 100).map((client) => this.withPatients(client)));
	}

	private withPatients(client: OliverClient) {
		return { ...client, patients: [...this.patients.values()].filter((patient) => patient.client_id === client.id) };
	}

	private listPatients(request: FakeRequest): Answer {
		const clientId = request.query.client_id;
		if (!clientId) return fail(400, 'client_id is required');
		const name = request.query.name?.toLowerCase();
		return ok(
			[...this.patients.values()].filter(
				(patient) => patient.client_id === clientId && (!name || patient.name.toLowerCase().includes(name)),
			),
		);
	}

	private getOne<T extends OliverClient | OliverPatient>(map: Map<string, T>, request: FakeRequest, kind: string): Answer {
		const record = map.get(request.params.id);
		if (!record) return fail(404, `${kind} ${request.params.id} not found`);
		return ok(kind === 'Client' ? this.withPatients(record as OliverClient) : record);
	}
}

function isAnswer(value: unknown): value is Answer {
	return typeof value === 'object' && value !== null && typeof (value as Answer).status === 'number' && 'body' in value;
}
