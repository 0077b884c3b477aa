import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { sendCollection } from '../shared/collectionBody';
import { vendorApiError } from '../shared/errors';
import type { VendorOperations } from '../shared/operation';
import { oneAtATime } from '../shared/pacing';
import { collectPages } from '../shared/paging';
import type { BuildFromValues } from '../shared/validation';
import { retryAfterIn } from '../shared/vendorApiError';
import { vendorJsonRequest, type VendorResponse } from '../shared/vendorRequest';
import {
	OPEN_DENTAL,
	OPEN_DENTAL_CREDENTIAL,
	OPEN_DENTAL_JSON_HEADERS,
	OPEN_DENTAL_PAGING,
	OPEN_DENTAL_RATE_LIMITS,
	RATE_LIMITED_CONNECTIONS,
	explanationOf,
	openDentalBaseUrl,
	openDentalEnvelope,
	recordPath,
	type OpenDentalConnection,
	type OpenDentalRateLimit,
} from './api';
import { isKnownZone, officeZoneOf, toOfficeDateTime, withIsoDates } from './dates';
import { normalizeOpenDentalTask } from './normalize';

type OpenDentalContext = IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

/** The office's time zone: the credential's, else the workflow's. A zone luxon does not know is an error. */
export async function officeZone(this: OpenDentalContext): Promise<string> {
	const credentials = await this.getCredentials(OPEN_DENTAL_CREDENTIAL);
	const zone = officeZoneOf(credentials.officeTimeZone, this.getTimezone());
	if (!isKnownZone(zone)) {
		throw new NodeOperationError(this.getNode(), `Unknown office time zone "${zone}"`, {
			description:
				'Set "Office Time Zone" in the Open Dental credential to a zone such as America/Chicago.',
		});
	}
	return zone;
}

/** How long the customer key must wait between calls, in ms: Remote's rate (1/s, or 1 per 5 s), none locally. */
async function spacingOf(this: OpenDentalContext): Promise<number> {
	const credentials = await this.getCredentials(OPEN_DENTAL_CREDENTIAL);
	const limited = RATE_LIMITED_CONNECTIONS.includes(credentials.connection as OpenDentalConnection);
	return limited
		? (OPEN_DENTAL_RATE_LIMITS[(credentials.rateLimit as OpenDentalRateLimit) ?? 'perSecond'] ?? 0)
		: 0;
}

/**
 * Sends the request when the customer key may call again (Remote: 1 per second), one at a time, so none
 * is refused; Local API and API Service calls go at once. The wait counts from the previous answer, so it
 * includes that request's own run time, as Open Dental counts it.
 */
async function paced<T>(this: OpenDentalContext, send: () => Promise<T>): Promise<T> {
	const spacing = await spacingOf.call(this);
	if (spacing === 0) return await send();
	const credentials = await this.getCredentials(OPEN_DENTAL_CREDENTIAL);
	return await oneAtATime(`open-dental:${String(credentials.customerApiKey)}`, spacing, send);
}

/** A declarative preSend step: rewrites the named body or query fields as the office's local time. */
export function sendInOfficeTime(where: 'body' | 'qs', ...keys: string[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const target = requestOptions[where] as IDataObject | undefined;
		if (!target || !keys.some((key) => target[key] !== undefined)) return requestOptions;
		const zone = await officeZone.call(this);
		for (const key of keys) {
			if (target[key] !== undefined)
				target[key] = toOfficeDateTime(target[key], zone, this.getTimezone());
		}
		return requestOptions;
	};
}

/**
 * Requests to one record, its number the one the input checks read (a URL expression would read it again).
 * An Update's also carries the Update Fields given, from the same read, each under its body property.
 */
export function toRecord(path: string, numberParameter: string) {
	return (updateFields?: INodeProperties[]): BuildFromValues =>
		async function (valueOf, requestOptions) {
			const toThisRecord = { ...requestOptions, url: recordPath(path, valueOf(numberParameter)) };
			if (!updateFields) return toThisRecord;
			return await sendCollection.call(this, updateFields, valueOf('updateFields'), toThisRecord);
		};
}

interface OpenDentalAnswer {
	body: unknown;
	statusCode: number | string;
	headers?: IDataObject;
}

/** What Open Dental answered, unless it failed or is not a record or a list of them: then it is an error. */
function recordsOf(
	context: OpenDentalContext,
	{ body, statusCode, headers }: OpenDentalAnswer,
): IDataObject[] {
	if (Number(statusCode) >= 400) {
		throw vendorApiError(
			context.getNode(),
			openDentalEnvelope,
			{ message: explanationOf(body) ?? `HTTP ${statusCode}` },
			statusCode,
			{ retryAfter: retryAfterIn(headers) },
		);
	}
	const isRecord = (value: unknown) =>
		value !== null && typeof value === 'object' && !Array.isArray(value);
	if (Array.isArray(body) && body.every(isRecord)) return body as IDataObject[];
	if (isRecord(body)) return [body as IDataObject];
	const message =
		explanationOf(body) ??
		(body === null || body === undefined || body === ''
			? 'an empty answer'
			: 'an answer that is not a record or a list of records');
	// Under a success status the answer could not be read: what Open Dental did is unknown.
	throw vendorApiError(context.getNode(), openDentalEnvelope, { message }, statusCode, {
		kind: 'unsure',
	});
}

/** A declarative postReceive step: one item per record, each date beside an ISO 8601 copy in the office's zone. */
export async function outputRecords(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const records = recordsOf(this, response);
	const zone = await officeZone.call(this);
	return records.map((record) => ({ json: withIsoDates(record, zone) }));
}

/** How every Open Dental operation is sent (paced, Open Dental's errors) and read (records, tasks). */
export const openDentalOperations: VendorOperations = {
	vendorName: OPEN_DENTAL,
	routing: {
		envelope: openDentalEnvelope,
		paging: OPEN_DENTAL_PAGING,
		aroundEachRequest: paced,
		output: [outputRecords],
	},
	taskMapper: normalizeOpenDentalTask,
};

/** One call, its records returned; `around` sends it (paced, or waited for within a turn already held). */
async function openDentalCall(
	context: OpenDentalContext,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject,
	body: IDataObject | undefined,
	around: (send: () => Promise<VendorResponse>) => Promise<VendorResponse>,
): Promise<IDataObject[]> {
	const response = await vendorJsonRequest.call(context, {
		credentialType: OPEN_DENTAL_CREDENTIAL,
		envelope: openDentalEnvelope,
		method,
		path,
		qs,
		headers: OPEN_DENTAL_JSON_HEADERS,
		baseUrlOf: openDentalBaseUrl,
		// Open Dental's failures are read from the answer (recordsOf): n8n 1.x drops a plain-text error body.
		options: { ignoreHttpStatusErrors: true, ...(body ? { body } : {}) },
		around,
		check: (answer) => recordsOf(context, answer),
	});
	return recordsOf(context, response);
}

/** For programmatic callers (trigger, pickers, read-before-write): one paced call, its records returned. */
export async function openDentalApiRequest(
	this: OpenDentalContext,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	return await openDentalCall(
		this,
		method,
		path,
		qs,
		undefined,
		async (send) => (await paced.call(this, send)) as VendorResponse,
	);
}

/**
 * A further call made while a declarative answer is read: that exchange still holds the customer key's turn
 * (waiting for the turn would wait on itself), so this one waits the key's spacing itself.
 */
export async function openDentalRequestWithinTurn(
	this: IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject,
): Promise<IDataObject[]> {
	const spacing = await spacingOf.call(this);
	return await openDentalCall(this, method, path, {}, body, async (send) => {
		if (spacing > 0) await sleep(spacing);
		return await send();
	});
}

/** Every row of a list call, following Offset paging until a short page. */
export async function openDentalListAll(
	this: OpenDentalContext,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	return await collectPages(OPEN_DENTAL_PAGING, async (position) => ({
		records: await openDentalApiRequest.call(this, 'GET', path, { ...qs, ...position }),
	}));
}
