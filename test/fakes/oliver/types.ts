/** The fake Oliver's records, vocabulary and options (what importers of the fake use). */

export const OLIVER_API_PREFIX = '/services/core/open_api/v1';

export const OLIVER_SIGN_IN_PATH = '/services/user/v1/auth/sign-in';

export const STATUSES = ['pending', 'completed', 'canceled'] as const;

export const TASK_TYPES = ['task', 'rx_refill'] as const;

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
	/**
	 * [inferred] no sort order is documented: creation order, oldest or newest first, or the task changed
	 * last first (then a task changed during a multi-page read moves to a page already read).
	 */
	listOrder?: 'oldest-first' | 'newest-first' | 'recently-updated-first';
	/**
	 * [inferred] `page` defaults to 0, which implies pages counted from 0; no page says so. Counted from 1,
	 * page 0 is answered as page 1 (as a one-indexed Spring API clamps it), so pages 0 and 1 repeat.
	 */
	firstPage?: 0 | 1;
	/** [inferred] /clients/{id} and /patients/{id} document only 400 for errors: the status for an unknown id. */
	lookupNotFoundStatus?: number;
	/** [inferred] a task's client_id/patient_id naming nothing: refused with this status, or null to accept it. */
	unknownReferenceStatus?: number | null;
	/** [inferred] body fields outside the documented request (e.g. status on create, id, cancellation_allowed): ignored or 400. */
	unknownFields?: 'ignore' | 'reject';
	/**
	 * [inferred] the request schemas type description, client_id and patient_id as plain strings, not
	 * nullable: whether `null` clears them is not documented. 'clear' empties the field, 'reject' answers 400.
	 */
	nullOnOptionalText?: 'clear' | 'reject';
	/** [inferred] a number where a string id/text is expected: refused (true) or turned into a string (false). */
	strictTypes?: boolean;
	/**
	 * Documented: "all requests must include" `Content-Type: application/json` and `Accept: application/json`
	 * (introduction.mdx), the sign-in and GETs included. [inferred] that a request without them is refused,
	 * and how: 400 with the error envelope (on by default, since the documents demand them), before the token
	 * is looked at. Off: only a body must be JSON (requireJsonContentType).
	 */
	requireJsonHeaders?: boolean;
	/** [inferred] a POST/PUT body not sent as application/json is refused with 400. */
	requireJsonContentType?: boolean;
	/** [inferred] cancellation_allowed: false makes DELETE or status canceled fail with 400. */
	enforceCancellationAllowed?: boolean;
	/** [inferred] setting the status a task already has moves finalized_at to now (true) or keeps it (false). */
	refinalizeOnSameStatus?: boolean;
	/** [inferred] how client and patient name/email/phone filters match (always case-insensitive). */
	lookupMatch?: 'contains' | 'prefix' | 'exact';
}
