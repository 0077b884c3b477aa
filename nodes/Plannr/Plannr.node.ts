import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { PLANNR_CREDENTIALS, plannrRequestDefaults } from './api';
import { authenticationField } from './authentication';
import { searchTasks } from './listSearch';
import { getAccounts, getOpenStatuses, getStatuses } from './loadOptions';
import { accountResource } from './resources/account';
import { taskResource } from './resources/task';
import { taskStatusResource } from './resources/taskStatus';

const resources = [taskResource, taskStatusResource, accountResource];

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
		properties: [authenticationField, ...resourceParameters(resources, 'task')],
	};

	methods = {
		listSearch: { searchTasks },
		loadOptions: { getAccounts, getOpenStatuses, getStatuses },
	};
}
