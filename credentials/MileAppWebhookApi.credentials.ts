import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a MileApp webhook carries, for the MileApp Trigger. MileApp signs no delivery; its webhook
 * settings take a custom header and value (or the URL may end with a query parameter), which the trigger checks.
 * Nothing here is sent to MileApp: the MileApp Trigger's credential test checks the fields instead.
 */
export class MileAppWebhookApi implements ICredentialType {
	// A literal, as MILEAPP_WEBHOOK_CREDENTIAL: n8n's lint matches the trigger's reference against it.
	name = 'mileAppWebhookApi';

	displayName = 'MileApp Webhook API';

	icon: Icon = { light: 'file:../icons/mileApp.svg', dark: 'file:../icons/mileApp.dark.svg' };

	// MileApp's page on the Webhook automation, where its custom header and value are set.
	documentationUrl = 'https://docs.mileapp.dev/pages/automation/automation-type/webhook';

	properties: INodeProperties[] = [
		{
			displayName:
				'MileApp signs no webhook. In the MileApp web app open Automation and edit the Webhook that calls the MileApp Trigger: add the secret below as a custom header (Header and Value), or at the end of its URL. The trigger refuses any delivery without it (401).',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Sent As',
			name: 'sentAs',
			type: 'options',
			options: [
				{
					name: 'Custom Header',
					value: 'header',
					description: 'A header on the webhook in MileApp (its Header and Value fields)',
				},
				{
					name: 'Query Parameter',
					value: 'query',
					description:
						'At the end of the URL pasted into MileApp (?name=value). URLs are logged more often than headers: prefer a header.',
				},
			],
			default: 'header',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			description: 'The Header field of the webhook in MileApp',
			displayOptions: { show: { sentAs: ['header'] } },
		},
		{
			displayName: 'Query Parameter Name',
			name: 'queryParameterName',
			type: 'string',
			default: 'secret',
			description: 'The name after ? at the end of the URL pasted into MileApp',
			displayOptions: { show: { sentAs: ['query'] } },
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Value field of the webhook in MileApp (or the value after name= in its URL). Make it long and random, e.g. 32 characters from a password generator, and put the same in both places.',
		},
	];
}
