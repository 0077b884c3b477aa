import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	INodeProperties,
} from 'n8n-workflow';

/**
 * What several credentials of the pack declare alike: the Base URL, the secrets, a bearer token, a refusal
 * in a 200 answer.
 */

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

/** The credential's Base URL as an n8n expression, without its trailing slashes, followed by `path`. */
export function credentialBaseUrl(path = ''): string {
	return `={{$credentials.baseUrl.replace(/\\/+$/, "")}}${path}`;
}

/**
 * A secret the user types (a password, a key, a token). Always masked: a secret field made here cannot be
 * shown in clear, which n8n's lint rule can no longer check once the field is not written out in the class.
 */
export function secretProperty(
	displayName: string,
	name: string,
	more: Pick<INodeProperties, 'required' | 'description' | 'displayOptions'> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		...more,
	};
}

/**
 * A secret the credential keeps for itself, filled by its preAuthentication: hidden and masked. An
 * `expirable` one is emptied by n8n when the vendor refuses it, so that a new one is fetched.
 */
export function keptSecretProperty(
	displayName: string,
	name: string,
	{ expirable = false } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'hidden',
		typeOptions: expirable ? { expirable: true, password: true } : { password: true },
		default: '',
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

/**
 * A Test button rule for an HTTP status: n8n's tester shows `message` instead of the bare reason phrase
 * ("Unauthorized"), so it can say which field of the credential to check.
 */
export function refusedWithStatus(status: number, message: string): IAuthenticateRuleResponseCode {
	return { type: 'responseCode', properties: { value: status, message } };
}

/**
 * A Test button's rules of both kinds. n8n types `rules` as one kind per list, but its tester reads each rule
 * by its own `type`, so a list may hold both.
 */
export function testRules(
	...rules: Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody>
): ICredentialTestRequest['rules'] {
	return rules as ICredentialTestRequest['rules'];
}
