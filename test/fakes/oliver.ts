/**
 * A stateful fake of Oliver's partner API: sign-in, staff tasks, clients and patients. Sources:
 * shared/vendors/oliver.md, seed 000, and the OpenAPI file the docs are built from
 * (github.com/oliver-software/docs, api-reference/openapi.json). Every guess is marked [inferred] and
 * can be changed through OliverFakeOptions.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { VendorFake, type FakeRequest, type FakeSecret, type FakeResponse } from './kit';

export const OLIVER_API_PREFIX = '/services/core/open_api/v1';
export const OLIVER_SIGN_IN_PATH = '/services/user/v1/auth/sign-in';

const STATUSES = ['pending', 'completed', 'canceled'] as const;
const TASK_TYPES = ['task', 'rx_refill'] as const;
/** Documented: at most 100 clients per search. */
const MAX_CLIENTS = 100;

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
	/** The schema embeds whole patient objects. The fake answers from `patients` (the map), kept in sync here. */
	patients: OliverPatient[];
	remote_id: string | null;
}

export interface OliverFakeOptions {
	username?: string;
	password?: string;
	/** X-Client-Id must equal it. */
	locationId?: string;
	/** [inferred] token lifetime is undocumented. */
	tokenTtlMs?: number;
	defaultPerPage?: number;
	maxPerPage?: number;
	/** All timestamps and token expiry come from it. */
	clock?: () => Date;
	/** [inferred] the status for a missing or wrong X-Client-Id: only 401 is documented for auth. */
	wrongLocationStatus?: number;
	/** [inferred] per_page above the maximum: clamped, or refused with 400. */
	perPageAboveMax?: 'clamp' | 'reject';
	/** [inferred] the list documents no 400: a bad status/page/per_page is refused (400), or ignored (default used). */
	invalidListQuery?: 'reject' | 'ignore';
	/** [inferred] no sort order is documented: creation order, oldest or newest first. */
	listOrder?: 'oldest-first' | 'newest-first';
	/** [inferred] /clients/{id} and /patients/{id} document only 400 for errors: the status for an unknown id. */
	lookupNotFoundStatus?: number;
	/** [inferred] a task's client_id/patient_id naming nothing: refused with this status, or null to accept it. */
	unknownReferenceStatus?: number | null;
	/** [inferred] body fields outside the documented request (e.g. status on create, id, cancellation_allowed): ignored or 400. */
	unknownFields?: 'ignore' | 'reject';
	/** [inferred] a number where a string id/text is expected: refused (true) or turned into a string (false). */
	strictTypes?: boolean;
	/** [inferred] a POST/PUT body not sent as application/json is refused with 400. */
	requireJsonContentType?: boolean;
	/** [inferred] cancellation_allowed: false makes DELETE or status canceled fail with 400. */
	enforceCancellationAllowed?: boolean;
	/** [inferred] setting the status a task already has moves finalized_at to now (true) or keeps it (false). */
	refinalizeOnSameStatus?: boolean;
	/** [inferred] how client and patient name/email/phone filters match (always case-insensitive). */
	lookupMatch?: 'contains' | 'prefix' | 'exact';
}

type WritableField =
	| 'title'
	| 'description'
	| 'task_type'
	| 'status'
	| 'client_id'
	| 'patient_id'
	| 'reference_time_at';
const CREATE_FIELDS: readonly WritableField[] = [
	'title',
	'description',
	'task_type',
	'client_id',
	'patient_id',
	'reference_time_at',
];
const UPDATE_FIELDS: readonly WritableField[] = [...CREATE_FIELDS, 'status'];

/** RFC 3339 date-time, what OpenAPI's `format: date-time` means: seconds and an offset are required. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isDateTime(value: string): boolean {
	const match = DATE_TIME.exec(value);
	if (!match) return false;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
	const calendar = new Date(Date.UTC(year, month - 1, day));
	return (
		calendar.getUTCMonth() === month - 1 &&
		calendar.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 61 &&
		!Number.isNaN(Date.parse(value))
	);
}

const ok = (data: unknown, status = 200, message?: string): FakeResponse => ({
	status,
	body: message === undefined ? { success: true, data } : { success: true, data, message },
});
const fail = (status: number, message: string, data?: unknown): FakeResponse => ({
	status,
	body: data === undefined ? { success: false, message } : { success: false, message, data },
});
const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	'body' in value;

export class OliverFake extends VendorFake {
	readonly options: Required<OliverFakeOptions>;
	tasks = new Map<string, OliverTask>();
	clients = new Map<string, OliverClient>();
	patients = new Map<string, OliverPatient>();
	/** Successful sign-ins. */
	signInCount = 0;

	/** token -> expiry (ms, on the fake's clock) */
	private tokens = new Map<string, number>();
	private counter = 0;
	private readonly signingKey = randomBytes(32);

	constructor(options: OliverFakeOptions = {}) {
		super('oliver');
		this.options = {
			username: 'api-user',
			password: 'api-pass',
			locationId: 'loc-1',
			tokenTtlMs: 3_600_000,
			defaultPerPage: 50,
			maxPerPage: 100,
			clock: () => new Date(),
			wrongLocationStatus: 401,
			perPageAboveMax: 'clamp',
			invalidListQuery: 'reject',
			listOrder: 'oldest-first',
			lookupNotFoundStatus: 404,
			unknownReferenceStatus: 400,
			unknownFields: 'ignore',
			strictTypes: true,
			requireJsonContentType: true,
			enforceCancellationAllowed: false,
			refinalizeOnSameStatus: false,
			lookupMatch: 'contains',
			...options,
		};
		// [inferred] the body of an unknown route: the documented error envelope.
		this.server.notFound = (request) => fail(404, `No route for ${request.method} ${request.path}`);
		this.server.internalError = (error) => fail(500, `Internal server error: ${error.message}`);
		this.routes();
	}

	/** The fields of an `oliverApi` credential that signs in to this fake (what tests and the sandbox import). */
	credentialData(): Record<string, string> {
		return {
			baseUrl: this.url,
			locationId: this.options.locationId,
			authentication: 'signIn',
			username: this.options.username,
			password: this.options.password,
			sessionToken: '',
		};
	}

	reset(): void {
		this.tasks.clear();
		this.clients.clear();
		this.patients.clear();
		this.tokens.clear();
		this.signInCount = 0;
		this.counter = 0;
		this.server.clearRequests();
		this.server.clearFaults();
	}

	/** A valid token, as if the user pasted one they already had. Shaped like a JWT (HS256). */
	issueToken(): string {
		const now = this.options.clock().getTime();
		const expiresAt = now + this.options.tokenTtlMs;
		const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
			sub: this.options.username,
			role: 'ROLE_API',
			jti: randomBytes(8).toString('hex'),
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
		})}`;
		const token = `${unsigned}.${createHmac('sha256', this.signingKey).update(unsigned).digest('base64url')}`;
		this.tokens.set(token, expiresAt);
		this.noteIssued('issued access token', token);
		return token;
	}

	/** The API user's password (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [{ kind: 'API user password', value: this.options.password }];
	}

	/** Every issued token becomes invalid: the next call with one gets 401. */
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
		// Seeded finished tasks carry a finalized_at, as the API would have set it.
		if (task.status !== 'pending' && partial.finalized_at === undefined) task.finalized_at = now;
		this.tasks.set(task.id, task);
		return task;
	}

	addClient(partial: Partial<OliverClient> & { name: string }): OliverClient {
		const client: OliverClient = {
			id: this.nextId('cl'),
			email: null,
			phone: null,
			remote_id: null,
			...partial,
			patients: [],
		};
		this.clients.set(client.id, client);
		for (const patient of partial.patients ?? [])
			this.addPatient({ ...patient, client_id: client.id });
		return client;
	}

	addPatient(partial: Partial<OliverPatient> & { name: string; client_id: string }): OliverPatient {
		const patient: OliverPatient = {
			id: this.nextId('pt'),
			species: null,
			breed: null,
			...partial,
		};
		this.patients.set(patient.id, patient);
		this.clients.get(patient.client_id)?.patients.push(patient);
		return patient;
	}

	/** A small practice for the sandbox behind `npm start`. */
	seedSandbox(): void {
		const dana = this.addClient({
			name: 'Dana Smith',
			email: 'dana.smith@example.com',
			phone: '555-0101',
			remote_id: 'PIMS-1001',
		});
		const lee = this.addClient({
			name: 'Lee Wong',
			email: 'lee.wong@example.com',
			phone: '555-0102',
			remote_id: 'PIMS-1002',
		});
		const sam = this.addClient({
			name: 'Sam Rivera',
			email: 'sam.rivera@example.com',
			phone: '555-0103',
			remote_id: 'PIMS-1003',
		});
		const rex = this.addPatient({
			name: 'Rex',
			client_id: dana.id,
			species: 'Dog',
			breed: 'Labrador',
		});
		this.addPatient({ name: 'Mittens', client_id: dana.id, species: 'Cat', breed: 'Tabby' });
		const kiwi = this.addPatient({
			name: 'Kiwi',
			client_id: lee.id,
			species: 'Bird',
			breed: 'Cockatiel',
		});
		const bruno = this.addPatient({
			name: 'Bruno',
			client_id: sam.id,
			species: 'Dog',
			breed: 'Boxer',
		});
		this.addTask({ title: 'Call owner with lab results', client_id: dana.id, patient_id: rex.id });
		this.addTask({
			title: 'Refill carprofen 75mg',
			task_type: 'rx_refill',
			client_id: dana.id,
			patient_id: rex.id,
			override_completion_action_text: 'Approve refill',
		});
		this.addTask({
			title: 'Send vaccine reminder',
			client_id: lee.id,
			patient_id: kiwi.id,
			status: 'completed',
		});
		this.addTask({
			title: 'Order boxer-size cone',
			client_id: sam.id,
			patient_id: bruno.id,
			reference_time_at: this.now(),
		});
		this.addTask({ title: 'Duplicate intake form', status: 'canceled' });
		this.addTask({
			title: 'Restock heartworm tests',
			description: 'Two boxes',
			cancellation_allowed: false,
		});
	}

	private now(): string {
		return this.options.clock().toISOString();
	}

	private nextId(prefix: string): string {
		return `${prefix}_${++this.counter}`;
	}

	// ---- auth ----

	/** Every call but sign-in: a live token, then the practice's location. */
	private refuse(request: FakeRequest): FakeResponse | undefined {
		// The auth scheme name is case-insensitive (RFC 7235).
		const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		const expiresAt = token === undefined ? undefined : this.tokens.get(token);
		if (expiresAt === undefined || expiresAt <= this.options.clock().getTime()) {
			return fail(401, 'Unauthorized: the token is missing, invalid or expired');
		}
		// [inferred] the token is checked before the location; both failures are 401 by default.
		if (request.headers['x-client-id'] !== this.options.locationId) {
			return fail(this.options.wrongLocationStatus, 'Unauthorized for this location (X-Client-Id)');
		}
		return undefined;
	}

	private guarded(
		handler: (request: FakeRequest) => FakeResponse,
	): (request: FakeRequest) => FakeResponse {
		return (request) => this.refuse(request) ?? handler(request);
	}

	private routes(): void {
		const api = (path: string) => `${OLIVER_API_PREFIX}${path}`;
		this.server
			// Sign-in needs no token and, per the OpenAPI file, no X-Client-Id.
			.on('POST', OLIVER_SIGN_IN_PATH, (request) => this.signIn(request))
			.on(
				'GET',
				api('/staff_tasks'),
				this.guarded((request) => this.listTasks(request)),
			)
			.on(
				'GET',
				api('/staff_tasks/:id'),
				this.guarded((request) => this.getTask(request)),
			)
			.on(
				'POST',
				api('/staff_tasks'),
				this.guarded((request) => this.createTask(request)),
			)
			.on(
				'PUT',
				api('/staff_tasks/:id'),
				this.guarded((request) => this.updateTask(request)),
			)
			.on(
				'DELETE',
				api('/staff_tasks/:id'),
				this.guarded((request) => this.deleteTask(request)),
			)
			.on(
				'GET',
				api('/clients'),
				this.guarded((request) => this.searchClients(request)),
			)
			.on(
				'GET',
				api('/clients/:id'),
				this.guarded((request) => this.getClient(request)),
			)
			.on(
				'GET',
				api('/patients'),
				this.guarded((request) => this.listPatients(request)),
			)
			.on(
				'GET',
				api('/patients/:id'),
				this.guarded((request) => this.getPatient(request)),
			);
	}

	private signIn(request: FakeRequest): FakeResponse {
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		// [inferred] a missing role counts as a wrong one (401), like wrong credentials.
		if (
			body.username !== this.options.username ||
			body.password !== this.options.password ||
			body.role !== 'ROLE_API'
		) {
			return fail(401, 'Incorrect username, password or role');
		}
		this.signInCount++;
		return ok({ token: this.issueToken() });
	}

	/** The request's JSON object body, or a 400. An empty body reads as {}. */
	private jsonBody(request: FakeRequest): Record<string, unknown> | FakeResponse {
		if (request.rawBody === '') return {};
		const type = request.headers['content-type'] ?? '';
		if (this.options.requireJsonContentType && !/^application\/(.+\+)?json\b/i.test(type)) {
			return fail(400, `Content-Type must be application/json, got "${type}"`);
		}
		if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
			// [inferred] a body that is not a JSON object is a 400.
			return fail(400, 'The request body must be a JSON object');
		}
		return request.body as Record<string, unknown>;
	}

	// ---- staff tasks ----

	private listTasks(request: FakeRequest): FakeResponse {
		const reject = this.options.invalidListQuery === 'reject';
		let status = request.query.status as OliverTask['status'] | undefined;
		if (status !== undefined && !STATUSES.includes(status)) {
			if (reject)
				return fail(400, `Invalid status "${status}": use one of ${STATUSES.join(', ')}`, {
					field: 'status',
				});
			status = undefined;
		}
		const integer = (name: string, fallback: number, min: number): number | FakeResponse => {
			const raw = request.query[name];
			if (raw === undefined) return fallback;
			const value = Number(raw);
			if (raw.trim() !== '' && Number.isInteger(value) && value >= min) return value;
			return reject ? fail(400, `Invalid ${name} "${raw}"`, { field: name }) : fallback;
		};
		// Page is 0-based ([inferred] from its documented default of 0).
		const page = integer('page', 0, 0);
		if (isResponse(page)) return page;
		let perPage = integer('per_page', this.options.defaultPerPage, 1);
		if (isResponse(perPage)) return perPage;
		if (perPage > this.options.maxPerPage) {
			if (this.options.perPageAboveMax === 'reject') {
				return fail(400, `per_page must be at most ${this.options.maxPerPage}`, {
					field: 'per_page',
				});
			}
			perPage = this.options.maxPerPage;
		}
		const matching = [...this.tasks.values()].filter(
			(task) => status === undefined || task.status === status,
		);
		if (this.options.listOrder === 'newest-first') matching.reverse();
		return ok({
			page,
			per_page: perPage,
			// [inferred] no tasks: 0 pages; a page past the end: empty content, not an error.
			total_pages: Math.ceil(matching.length / perPage),
			total_count: matching.length,
			content: matching.slice(page * perPage, (page + 1) * perPage),
		});
	}

	private getTask(request: FakeRequest): FakeResponse {
		const task = this.tasks.get(request.params.id);
		return task ? ok(task) : this.taskNotFound(request.params.id);
	}

	private taskNotFound(id: string): FakeResponse {
		return fail(404, `Staff task ${id} not found`);
	}

	/** Checks the fields sent; a 400 names the field. Returns only what was sent. */
	private readFields(
		body: Record<string, unknown>,
		allowed: readonly WritableField[],
	): Partial<OliverTask> | FakeResponse {
		const bad = (field: string, message: string) => fail(400, message, { field });
		if (this.options.unknownFields === 'reject') {
			const unknown = Object.keys(body).find((key) => !allowed.includes(key as WritableField));
			if (unknown !== undefined) return bad(unknown, `Unknown or read-only field: ${unknown}`);
		}
		const fields: Partial<OliverTask> = {};
		const text = (
			key: 'title' | 'description' | 'client_id' | 'patient_id',
			value: unknown,
		): string | null | FakeResponse => {
			if (typeof value === 'string') return value;
			if (typeof value === 'number' && !this.options.strictTypes) return String(value);
			// [inferred] null clears an optional field; the schema types them as plain strings.
			if (value === null && key !== 'title') return null;
			return bad(key, `${key} must be a string`);
		};
		for (const key of ['title', 'description', 'client_id', 'patient_id'] as const) {
			if (!allowed.includes(key) || body[key] === undefined) continue;
			const value = text(key, body[key]);
			if (isResponse(value)) return value;
			(fields as Record<string, unknown>)[key] = value;
		}
		// [inferred] a blank title counts as a missing one.
		if (fields.title !== undefined && fields.title !== null && fields.title.trim() === '')
			return bad('title', 'title must not be blank');
		if (body.task_type !== undefined) {
			if (!TASK_TYPES.includes(body.task_type as OliverTask['task_type'])) {
				return bad(
					'task_type',
					`Invalid task_type "${String(body.task_type)}": use one of ${TASK_TYPES.join(', ')}`,
				);
			}
			fields.task_type = body.task_type as OliverTask['task_type'];
		}
		if (allowed.includes('status') && body.status !== undefined) {
			if (!STATUSES.includes(body.status as OliverTask['status'])) {
				return bad(
					'status',
					`Invalid status "${String(body.status)}": use one of ${STATUSES.join(', ')}`,
				);
			}
			fields.status = body.status as OliverTask['status'];
		}
		if (body.reference_time_at !== undefined) {
			const value = body.reference_time_at;
			if (value !== null && (typeof value !== 'string' || !isDateTime(value))) {
				return bad(
					'reference_time_at',
					'reference_time_at must be an ISO 8601 date-time, e.g. 2026-12-01T14:30:00Z',
				);
			}
			// [inferred] stored as sent, not normalised.
			fields.reference_time_at = value as string | null;
		}
		const refStatus = this.options.unknownReferenceStatus;
		if (refStatus !== null) {
			if (fields.client_id && !this.clients.has(fields.client_id))
				return fail(refStatus, `client_id: client ${fields.client_id} not found`, {
					field: 'client_id',
				});
			if (fields.patient_id && !this.patients.has(fields.patient_id)) {
				return fail(refStatus, `patient_id: patient ${fields.patient_id} not found`, {
					field: 'patient_id',
				});
			}
		}
		return fields;
	}

	private createTask(request: FakeRequest): FakeResponse {
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		if (body.title === undefined || body.title === null)
			return fail(400, 'title is required', { field: 'title' });
		// Fields outside the create request (status among them) are ignored, or refused by option.
		const fields = this.readFields(body, CREATE_FIELDS);
		if (isResponse(fields)) return fields;
		return ok(
			this.addTask({
				...fields,
				title: fields.title as string,
				status: 'pending',
				finalized_at: null,
			}),
			201,
		);
	}

	private updateTask(request: FakeRequest): FakeResponse {
		const task = this.tasks.get(request.params.id);
		if (!task) return this.taskNotFound(request.params.id);
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		const fields = this.readFields(body, UPDATE_FIELDS);
		if (isResponse(fields)) return fields;
		if (fields.status === 'canceled' && task.status !== 'canceled') {
			const refused = this.refuseCancel(task);
			if (refused) return refused;
		}
		const now = this.now();
		if (
			fields.status !== undefined &&
			(fields.status !== task.status || this.options.refinalizeOnSameStatus)
		) {
			// Documented: completed or canceled sets finalized_at; pending clears it.
			task.finalized_at = fields.status === 'pending' ? null : now;
		}
		// [inferred] updated_at moves on every accepted PUT, even one that changes nothing.
		Object.assign(task, fields, { updated_at: now });
		return ok(task, 200, 'Staff task updated');
	}

	private refuseCancel(task: OliverTask): FakeResponse | undefined {
		if (this.options.enforceCancellationAllowed && !task.cancellation_allowed) {
			return fail(400, `Staff task ${task.id} cannot be canceled`, { field: 'status' });
		}
		return undefined;
	}

	private deleteTask(request: FakeRequest): FakeResponse {
		const task = this.tasks.get(request.params.id);
		if (!task) return this.taskNotFound(request.params.id);
		// [inferred] deleting a task that is already canceled succeeds and keeps its finalized_at.
		if (task.status === 'canceled') return { status: 200, body: { success: true } };
		const refused = this.refuseCancel(task);
		if (refused) return refused;
		// Documented soft delete: status canceled, finalized_at recorded, the record stays.
		const now = this.now();
		task.status = 'canceled';
		task.finalized_at = now;
		task.updated_at = now;
		return { status: 200, body: { success: true } };
	}

	// ---- clients and patients ----

	private matches(value: string | null, filter: string): boolean {
		const have = (value ?? '').toLowerCase();
		const want = filter.toLowerCase();
		if (this.options.lookupMatch === 'exact') return have === want;
		if (this.options.lookupMatch === 'prefix') return have.startsWith(want);
		return have.includes(want);
	}

	private clientView(client: OliverClient): OliverClient {
		const patients = [...this.patients.values()].filter(
			(patient) => patient.client_id === client.id,
		);
		return { ...client, patients };
	}

	private searchClients(request: FakeRequest): FakeResponse {
		// [inferred] an empty filter value counts as absent; several filters must all match.
		const filters = (['name', 'email', 'phone'] as const).filter(
			(key) => (request.query[key] ?? '') !== '',
		);
		if (filters.length === 0) return fail(400, 'At least one of name, email or phone is required');
		const found = [...this.clients.values()].filter((client) =>
			filters.every((key) => this.matches(client[key], request.query[key])),
		);
		return ok(found.slice(0, MAX_CLIENTS).map((client) => this.clientView(client)));
	}

	private getClient(request: FakeRequest): FakeResponse {
		const client = this.clients.get(request.params.id);
		if (!client)
			return fail(this.options.lookupNotFoundStatus, `Client ${request.params.id} not found`);
		return ok(this.clientView(client));
	}

	private listPatients(request: FakeRequest): FakeResponse {
		const clientId = request.query.client_id;
		if (!clientId) return fail(400, 'client_id is required', { field: 'client_id' });
		const name = request.query.name;
		// [inferred] an unknown client_id gives an empty list, not an error.
		const found = [...this.patients.values()].filter(
			(patient) => patient.client_id === clientId && (!name || this.matches(patient.name, name)),
		);
		return ok(found);
	}

	private getPatient(request: FakeRequest): FakeResponse {
		const patient = this.patients.get(request.params.id);
		if (!patient)
			return fail(this.options.lookupNotFoundStatus, `Patient ${request.params.id} not found`);
		return ok(patient);
	}
}
