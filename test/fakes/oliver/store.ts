/**
 * The fake Oliver's state: options, records and tokens, and the helpers tests use to build any state.
 * Members the route files read (tokens, now) are public here; they were private when the fake was one file.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { type FakeSecret, VendorFake } from '../kit';
import { fillSandbox } from './sandbox';
import type { OliverClient, OliverFakeOptions, OliverPatient, OliverTask } from './types';

export class OliverStore extends VendorFake {
	readonly options: Required<OliverFakeOptions>;
	tasks = new Map<string, OliverTask>();
	clients = new Map<string, OliverClient>();
	patients = new Map<string, OliverPatient>();
	/** Successful sign-ins. */
	signInCount = 0;
	/**
	 * Runs after each staff-task list page is answered: a test changes tasks here to play a user working in
	 * Oliver while a node reads page after page.
	 */
	afterListPage?: (page: number) => void;

	/** token -> expiry (ms, on the fake's clock) */
	tokens = new Map<string, number>();
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
			perPageAboveMax: 'reject',
			invalidListQuery: 'reject',
			listOrder: 'oldest-first',
			firstPage: 0,
			lookupNotFoundStatus: 404,
			unknownReferenceStatus: 400,
			unknownFields: 'reject',
			strictTypes: true,
			nullOnOptionalText: 'reject',
			requireJsonHeaders: true,
			enforceCancellationAllowed: true,
			refinalizeOnSameStatus: false,
			lookupMatch: 'contains',
			blankTitle: 'refuse',
			referenceTimeAnswer: 'as-sent',
			updatedAtOn: 'every-put',
			deleteCanceled: 'ok',
			unknownClientPatients: 'empty',
			authOrder: 'token-first',
			emptySearchValue: 'absent',
			searchFilters: 'all',
			...options,
		};
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
		this.afterListPage = undefined;
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

	now(): string {
		return this.options.clock().toISOString();
	}

	private nextId(prefix: string): string {
		return `${prefix}_${++this.counter}`;
	}

	/** A small practice for the sandbox behind `npm start`. */
	seedSandbox(): void {
		fillSandbox(this);
	}
}
