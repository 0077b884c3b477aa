import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { actionNodeDescription, actionSubtitle, vendorIcon } from '../shared/nodeDescription';
import { mileAppRequestDefaults } from './api';
import { searchFlows, searchHubs, searchTasks } from './listSearch';
import { getFlowFields } from './resourceMapping';
import { flowResource } from './resources/flow';
import { hubResource } from './resources/hub';
import { taskResource } from './resources/task';
import { MILEAPP_IDENTITY } from './vendorIdentity';

const resources = [taskResource, flowResource, hubResource];
const properties = resourceParameters(resources, 'task');

export class MileApp implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: MILEAPP_IDENTITY,
			description: 'Work with field tasks, flows and hubs in MileApp',
			requestDefaults: mileAppRequestDefaults,
			properties,
		}),
		icon: vendorIcon(MILEAPP_IDENTITY),
		subtitle: actionSubtitle(properties),
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchFlows, searchHubs, searchTasks },
		resourceMapping: { getFlowFields },
	};
}
