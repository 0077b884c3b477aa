import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	INodeProperties,
} from 'n8n-workflow';

/** What several credentials of the pack declare alike: the Base URL, a bearer token, a refusal in a 200 answer. */

/** Where the vendor answers: its own address unless a sandbox or a proxy stands in. */
export function baseUrlProperty(defaultUrl: string, description: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: defaultUrl,
		description,
	};
}

/** Sends the credential field `tokenField` as a bearer token, with the vendor's other headers. */
export function bearerAuthentication(
	tokenField: string,
	otherHeaders: Record<string, string> = {},
): IAuthenticateGeneric {
	return {
		type: 'generic',
		properties: {
			headers: { Authorization: `=Bearer {{$credentials.${tokenField}}}`, ...otherHeaders },
		},
	};
}

/** A Test button rule for vendors that refuse a call in a 200 answer: its body's `key` holds `value`. */
export function refusedWhen(
	key: string,
	value: unknown,
	message: string,
): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message } };
}
