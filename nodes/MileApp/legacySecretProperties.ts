import type { INodeProperties } from 'n8n-workflow';

/**
 * The MileApp Trigger's secret as version 0.1.0 kept it: in its own parameters, in clear in the workflow. A new
 * trigger never shows them (`secretLocation` is hidden and defaults to none). A workflow saved with them keeps
 * them, still checked, under a notice saying how to move the secret into a MileApp Webhook credential. Once
 * Authentication is "Shared Secret" none of them is shown, so n8n drops them from the workflow when it is saved.
 */
const withSavedSecret = (...sentAs: string[]): INodeProperties['displayOptions'] => ({
	show: { authentication: ['none'], secretLocation: sentAs },
});

export const legacySecretProperties: INodeProperties[] = [
	{
		displayName: 'Secret Saved in the Workflow',
		name: 'secretLocation',
		type: 'hidden',
		default: 'none',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName:
			'This trigger checks a secret saved in the workflow itself, readable by anyone who can open or export the workflow. Move it into a credential: set Authentication to "Shared Secret", create a MileApp Webhook credential with the same header (or query parameter) name and the same secret as the webhook in MileApp, then save the workflow; the fields below are then removed from it. Until then the secret below is still checked.',
		name: 'legacySecretNotice',
		type: 'notice',
		default: '',
		displayOptions: withSavedSecret('header', 'query'),
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		displayOptions: withSavedSecret('header'),
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameterName',
		type: 'string',
		default: 'secret',
		displayOptions: withSavedSecret('query'),
	},
	{
		displayName: 'Secret Value',
		name: 'secretValue',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: withSavedSecret('header', 'query'),
		description:
			'The same as in the webhook in MileApp. Move it into a MileApp Webhook credential.',
	},
];
