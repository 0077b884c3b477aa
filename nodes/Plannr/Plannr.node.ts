import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { PLANNR_CREDENTIALS, plannrRequestDefaults } from './transport';
import { authenticationField } from './authentication';
import { searchTasks } from './listSearch';
import { getAccounts, getOpenStatuses, getStatuses } from './loadOptions';
import { accountDescription } from './resources/account';
import { taskDescription } from './resources/task';
import { taskStatusDescription } from './resources/taskStatus';

export class Plannr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plannr',
		name: 'plannr',
		icon: { light: 'file:../../icons/plannr.svg', dark: 'file:../../icons/plannr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with tasks in Plannr, the CRM for financial advisers',
		defaults: { name: 'Plannr' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: PLANNR_CREDENTIALS.accessToken,
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: PLANNR_CREDENTIALS.oAuth2,
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		requestDefaults: plannrRequestDefaults,
		properties: [
			authenticationField,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Task', value: 'task' },
					{ name: 'Task Status', value: 'taskStatus' },
				],
				default: 'task',
			},
			...taskDescription,
			...taskStatusDescription,
			...accountDescription,
		],
	};

	methods = {
		listSearch: { searchTasks },
		loadOptions: { getAccounts, getOpenStatuses, getStatuses },
	};
}
