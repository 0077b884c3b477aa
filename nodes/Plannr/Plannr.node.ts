import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { actionNodeDescription, actionSubtitle, vendorIcon } from '../shared/nodeDescription';
import { plannrRequestDefaults } from './api';
import { authenticationField } from './authentication';
import { searchClients, searchLinkedRecords, searchTasks } from './listSearch';
import { getAccounts, getOpenStatuses, getStatuses } from './loadOptions';
import { accountResource } from './resources/account';
import { taskResource } from './resources/task';
import { taskStatusResource } from './resources/taskStatus';
import { PLANNR_IDENTITY } from './vendorIdentity';

const resources = [taskResource, taskStatusResource, accountResource];
const properties = [authenticationField, ...resourceParameters(resources, 'task')];

export class Plannr implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: PLANNR_IDENTITY,
			description: 'Work with tasks in Plannr, the CRM for financial advisers',
			requestDefaults: plannrRequestDefaults,
			properties,
		}),
		icon: vendorIcon(PLANNR_IDENTITY),
		subtitle: actionSubtitle(properties),
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchClients, searchLinkedRecords, searchTasks },
		loadOptions: { getAccounts, getOpenStatuses, getStatuses },
	};
}
