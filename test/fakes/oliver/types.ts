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
	/** Sheet: "Lifetime and refresh are not documented"; a test setting, not a guess the fake answers with. */
	tokenTtlMs?: number;
	defaultPerPage?: number;
	maxPerPage?: number;
	/** All timestamps and token expiry come from it. */
	clock?: () => Date;
	/** [inferred] sheet Unknown: "Wrong or missing `X-Client-Id`: the status is not documented … 401 is `[inferred]`". 401 by default. */
	wrongLocationStatus?: number;
	/** [inferred] no sheet line decides per_page above the documented 100: refused with 400 ('reject', the default: stricter) or clamped. */
	perPageAboveMax?: 'clamp' | 'reject';
	/** [inferred] no sheet line decides (the list documents no 400): a bad status/page/per_page is refused (400, the default: stricter), or ignored. */
	invalidListQuery?: 'reject' | 'ignore';
	/**
	 * [inferred] sheet Unknown: "the list order (none documented)". Creation order, oldest or newest first, or
	 * the task changed last first (then a task changed during a multi-page read moves to a page already read).
	 */
	listOrder?: 'oldest-first' | 'newest-first' | 'recently-updated-first';
	/**
	 * [inferred] sheet Unknown: "the page base". `page` defaults to 0, which implies 0-based. Counted from 1,
	 * page 0 is answered as page 1 (as a one-indexed Spring API clamps it), so pages 0 and 1 repeat.
	 */
	firstPage?: 0 | 1;
	/** [inferred] sheet: "an unknown id may answer 400 `[inferred]`" (no 404 documented). 404 by default; 400 the other answer. */
	lookupNotFoundStatus?: number;
	/** [inferred] no sheet line decides: a task's client_id/patient_id naming nothing is refused with this status (400 by default), or accepted (null). */
	unknownReferenceStatus?: number | null;
	/** [inferred] no sheet line decides: body fields outside the documented request (status on create, id, …) are refused (400, the default: stricter) or ignored. */
	unknownFields?: 'ignore' | 'reject';
	/**
	 * [inferred] sheet Unknown: "whether `null` clears `description`, `client_id` or `patient_id`". 'reject'
	 * answers 400 (the default: the sheet says a node must not send null), 'clear' empties the field.
	 */
	nullOnOptionalText?: 'clear' | 'reject';
	/** [inferred] no sheet line decides: a number where a string id/text is expected is refused (true, the default: stricter) or turned into a string. */
	strictTypes?: boolean;
	/**
	 * Documented: "all requests must include" `Content-Type: application/json` and `Accept: application/json`
	 * (introduction.mdx), the sign-in and GETs included. [inferred] sheet: "Whether a GET without them is
	 * refused is not documented": refused with 400 before the token is looked at (true, the default), or served.
	 */
	requireJsonHeaders?: boolean;
	/** [inferred] no sheet line says what `cancellation_allowed: false` does: DELETE or status canceled fail with 400 (true, the default: stricter) or pass. */
	enforceCancellationAllowed?: boolean;
	/** [inferred] no sheet line decides: setting the status a task already has moves finalized_at to now (true) or keeps it (false, the default). */
	refinalizeOnSameStatus?: boolean;
	/** [inferred] no sheet line decides how client and patient name/email/phone filters match (always case-insensitive). */
	lookupMatch?: 'contains' | 'prefix' | 'exact';
	/** [inferred] no sheet line decides whether a blank title is taken: refused (400, the default: stricter) or stored. */
	blankTitle?: 'refuse' | 'accept';
	/** [inferred] no sheet line decides how reference_time_at is answered: as sent ('as-sent', the default) or in UTC ('utc'). */
	referenceTimeAnswer?: 'as-sent' | 'utc';
	/** [inferred] no sheet line decides whether updated_at moves on a PUT that changes nothing ('every-put', the default) or only on a change. */
	updatedAtOn?: 'every-put' | 'change';
	/** [inferred] no sheet line decides what DELETE of a task already canceled gets: 200, finalized_at kept ('ok', the default) or 400. */
	deleteCanceled?: 'ok' | 'reject';
	/** [inferred] no sheet line decides what GET /patients with a client_id naming nothing gets: [] ('empty', the default) or 400. */
	unknownClientPatients?: 'empty' | 'reject';
	/** [inferred] no sheet line decides whether the token ('token-first', the default) or X-Client-Id is checked first. */
	authOrder?: 'token-first' | 'location-first';
	/** [inferred] no sheet line decides whether an empty name/email/phone counts as not given ('absent', the default: stricter) or matches every client. */
	emptySearchValue?: 'absent' | 'match-all';
	/** [inferred] no sheet line decides whether several client filters must all match ('all', the default: fewer results) or any. */
	searchFilters?: 'all' | 'any';
}
