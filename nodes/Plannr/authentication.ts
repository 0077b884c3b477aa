import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { PLANNR_CREDENTIALS } from './api';

type Authentication = keyof typeof PLANNR_CREDENTIALS;

const AUTHENTICATIONS: { name: string; value: Authentication }[] = [
	{ name: 'Personal Access Token', value: 'accessToken' },
	{ name: 'OAuth2', value: 'oAuth2' },
];

/** Which Plannr credential a node uses; both nodes show it first. */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: AUTHENTICATIONS,
	default: 'accessToken',
};

/** Both nodes' credentials: each one asked for only when the Authentication field chooses it. */
export function plannrCredentials(): INodeCredentialDescription[] {
	return AUTHENTICATIONS.map(({ value }) => ({
		name: PLANNR_CREDENTIALS[value],
		required: true,
		displayOptions: { show: { authentication: [value] } },
	}));
}
