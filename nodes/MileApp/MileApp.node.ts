import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { MILEAPP_CREDENTIAL, mileAppRequestDefaults } from './api';
import { searchFlows, searchHubs } from './listSearch';
import { getFlowFields } from './resourceMapping';
import { flowResource } from './resources/flow';
import { hubResource } from './resources/hub';
import { taskResource } from './resources/task';

const resources = [taskResource, flowResource, hubResource];

export class MileApp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MileApp',
		name: 'mileApp',
		icon: { light: 'file:../../icons/mileApp.svg', dark: 'file:../../icons/mileApp.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with field tasks, flows and hubs in MileApp',
		defaults: { name: 'MileApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: MILEAPP_CREDENTIAL, required: true }],
		requestDefaults: mileAppRequestDefaults,
		properties: resourceParameters(resources, 'task'),
	};

	methods = {
		listSearch: { searchFlows, searchHubs },
		resourceMapping: { getFlowFields },
	};
}
