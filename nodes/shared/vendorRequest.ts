import type {
	IAllExecuteFunctions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { vendorApiError, withVendorMessage, type FailureEnvelope } from './errors';
import { isRepeatable, retryPolicy, withRetries } from './retry';
import { retryAfterIn } from './vendorApiError';

export interface VendorResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

interface VendorCall {
	credentialType: string;
	envelope: FailureEnvelope;
	request: IHttpRequestOptions;
	/** Wraps the exchange: where a vendor's rate limit or pacing is kept. */
	around?: (send: () => Promise<VendorResponse>) => Promise<VendorResponse>;
	/** Throws when the answer is a failure the envelope cannot see (e.g. read with ignoreHttpStatusErrors). */
	check?: (response: VendorResponse) => void;
	itemIndex?: number;
}

/** The credential's base URL (without its trailing slashes) followed by the path. */
export function urlFrom(baseUrl: unknown, path: string): string {
	return `${String(baseUrl).replace(/\/+$/, '')}${path}`;
}

/**
 * One programmatic call through n8n's credential handling (which signs in again once when a vendor refuses
 * the token): a failure that may pass is tried again (withRetries), an HTTP failure keeps the vendor's words,
 * and a failure body is an error under any status.
 */
export async function vendorRequest(
	this: IAllExecuteFunctions,
	call: VendorCall,
): Promise<VendorResponse> {
	const { credentialType, envelope, request, around, check, itemIndex } = call;
	const send = async () =>
		(await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
			timeout: retryPolicy.timeoutMs,
			...request,
			returnFullResponse: true,
		})) as VendorResponse;
	return await withRetries(envelope.vendor, isRepeatable(request.method), async () => {
		const response = await (around ? around(send) : send()).catch((error: unknown) => {
			throw withVendorMessage(this.getNode(), envelope, error, itemIndex);
		});
		const body = response.body;
		if (
			body !== null &&
			typeof body === 'object' &&
			!Array.isArray(body) &&
			envelope.isFailure(body as IDataObject)
		) {
			throw vendorApiError(this.getNode(), envelope, body as IDataObject, response.statusCode, {
				itemIndex,
				retryAfter: retryAfterIn(response.headers),
			});
		}
		check?.(response);
		return response;
	});
}

/** One programmatic JSON call to `path` under the vendor's address. */
interface VendorJsonCall extends Omit<VendorCall, 'request'> {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	/** The headers every call to this vendor carries: `Accept: application/json` unless the vendor needs more. */
	headers?: IDataObject;
	/** The address `path` follows: the credential's Base URL unless the vendor builds it otherwise. */
	baseUrlOf?: (credentials: ICredentialDataDecryptedObject) => unknown;
	/** What else the request sets (e.g. ignoreHttpStatusErrors). */
	options?: Partial<IHttpRequestOptions>;
}

/** A vendorRequest to `path` under the address the call's credential gives. */
export async function vendorJsonRequest(
	this: IAllExecuteFunctions,
	call: VendorJsonCall,
): Promise<VendorResponse> {
	const {
		method,
		path,
		qs,
		baseUrlOf = (credentials) => credentials.baseUrl,
		headers = { Accept: 'application/json' },
		options,
		...rest
	} = call;
	const credentials = await this.getCredentials(call.credentialType);
	return await vendorRequest.call(this, {
		...rest,
		request: {
			method,
			url: urlFrom(baseUrlOf(credentials), path),
			qs,
			// A copy: applying the credential writes its headers into the request's own object.
			headers: { ...headers },
			json: true,
			...options,
		},
	});
}
