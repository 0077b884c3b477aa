import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { ACTION_SUBTITLE, actionNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { mileAppRequestDefaults } from './api';
import { searchFlows, searchHubs } from './listSearch';
import { getFlowFields } from './resourceMapping';
import { flowResource } from './resources/flow';
import { hubResource } from './resources/hub';
import { taskResource } from './resources/task';
import { MILEAPP_IDENTITY } from './vendorIdentity';

const resources = [taskResource, flowResource, hubResource];

export class MileApp implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: MILEAPP_IDENTITY,
			description: 'Work with field tasks, flows and hubs in MileApp',
			requestDefaults: mileAppRequestDefaults,
			properties: resourceParameters(resources, 'task'),
		}),
		icon: vendorIcon(MILEAPP_IDENTITY),
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = { listSearch: { searchFlows, searchHubs }, resourceMapping: { getFlowFields } };
}
