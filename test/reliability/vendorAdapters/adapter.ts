/**
 * What a vendor adapter of the fault matrix (faults.test.ts) is: how its fake is seeded, how its credential
 * is made, the parameters of the kinds of operation the matrix runs (a read, a create that must not be sent
 * twice, an update that may be), which request of each a fault is aimed at, how its failure bodies look, how
 * its token is made to expire, and how the fake's state is read back. Also the names the matrix writes and
 * the two helpers every adapter uses. One adapter per vendor sits beside this file; index.ts lists them.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Engine } from '../../engine/harness';
import type { RecordedRequest, VendorFake } from '../../fakes/kit';

/**
 * read, create (POST: must not be sent twice when its outcome is unknown), update (PUT/PATCH of whole values:
 * may be sent again), and add: a write sent as PUT that creates (Humanity's Shift Task Add puts the shift's
 * whole list back with one new entry), which the node sends again only after reading the shift back.
 */
export type OpKind = 'read' | 'create' | 'update' | 'add';
export const OP_KINDS: OpKind[] = ['read', 'create', 'update', 'add'];

/** The name every Create gives its record, so the records it made can be counted at the fake. */
export const CREATED_NAME = 'Fault matrix: created once';
/** The value every Update asks for. */
export const ASKED_VALUE = 'Fault matrix: updated';

export interface Operation {
	/** What the report calls it, e.g. 'Get staff task'. */
	label: string;
	parameters: IDataObject;
	/** The request a fault is aimed at (Humanity's Update reads the shift first: the fault hits its PUT). */
	target: { method: string; path: string };
	/** API requests a clean run sends (sign-ins and token requests not counted). */
	cleanCalls: number;
	/**
	 * A write built from a read (Humanity's shift-task PUT): after an unknown outcome the node reads this back
	 * before sending again, and sends again only a write rebuilt on that read, if it was not carried out.
	 */
	readBack?: { method: string; path: string };
}

/** What the fake holds after a case, as the matrix judges it. */
interface VendorState {
	/** Records carrying CREATED_NAME (tasks, or Humanity's master and shift tasks). */
	created: number;
	/** The updated field of the task the Update names. */
	value: unknown;
	/** Every other record and field (timestamps left out): must not change, lose or gain anything. */
	rest: unknown;
	/** Something the report should say about the state (e.g. a copy made and deleted again). */
	note?: string;
}

/** How the failure envelope of the vendor looks under HTTP 200 (Open Dental has none: a refusal with text). */
interface FailureAnswer {
	status: number;
	body: unknown;
	/** The message the node's error must carry. */
	message: string;
}

export interface VendorAdapter<Ctx = unknown> {
	name: string;
	fake: VendorFake;
	nodeType: string;
	credentialType: string;
	/** Resets and seeds the fake, stores a credential in the engine; returns what the operations need. */
	setup(engine: Engine): Ctx & { credentialId: string };
	/** The kinds this vendor has (every vendor: read, create, update). */
	kinds: OpKind[];
	operations(ctx: Ctx): Partial<Record<OpKind, Operation>>;
	state(ctx: Ctx): VendorState;
	/** Requests that sign in or fetch a token: not API calls. */
	isSignIn(request: RecordedRequest): boolean;
	/** The body an HTTP failure of this status carries, in the vendor's shape, and the message it must give. */
	httpFailure(
		status: number,
		words: string,
	): { body: unknown; headers?: Record<string, string>; message: string };
	malformedBody: string;
	/** A failure under HTTP 200, per operation kind. */
	failureEnvelope(kind: OpKind): FailureAnswer;
	/** Whether the node signs in again by itself (Oliver, Humanity), or gets a static key or token (the others). */
	renewsToken: boolean;
	/** Makes the credential's token (or key) stop working; a vendor that signs in gets a token first. */
	expireToken(
		engine: Engine,
		ctx: Ctx & { credentialId: string },
		run: (parameters: IDataObject) => Promise<unknown>,
	): Promise<void>;
}

/** A resource locator value, as the editor saves it. */
export const rl = (value: string | number, mode: 'list' | 'id' = 'id') => ({
	__rl: true,
	mode,
	value: String(value),
});
/** Drops the keys that move on every write (edit times), at any depth. */
export function stable(value: unknown, volatile: readonly string[]): unknown {
	if (Array.isArray(value)) return value.map((entry) => stable(entry, volatile));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([key]) => !volatile.includes(key))
				.map(([key, entry]) => [key, stable(entry, volatile)]),
		);
	}
	return value;
}
