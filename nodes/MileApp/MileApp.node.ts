import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { searchFlows, searchHubs } from './listSearch';
import { getFlowFields } from './resourceMapping';
import { flowDescription } from './resources/flow';
import { hubDescription } from './resources/hub';
import { taskDescription } from './resources/task';
import { MILEAPP_CREDENTIAL, mileAppRequestDefaults } from './transport';

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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Flow', value: 'flow' },
					{ name: 'Hub', value: 'hub' },
					{ name: 'Task', value: 'task' },
				],
				default: 'task',
			},
			...taskDescription,
			...flowDescription,
			...hubDescription,
		],
	};

	methods = {
		listSearch: { searchFlows, searchHubs },
		resourceMapping: { getFlowFields },
	};
}
