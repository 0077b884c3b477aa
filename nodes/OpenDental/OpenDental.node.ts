import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OPEN_DENTAL_CREDENTIAL, openDentalRequestDefaults } from './transport';
import { searchTaskLists, searchUsers } from './listSearch';
import { getPriorities } from './loadOptions';
import { taskDescription } from './resources/task';
import { taskListDescription } from './resources/taskList';
import { taskNoteDescription } from './resources/taskNote';

export class OpenDental implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Open Dental',
		name: 'openDental',
		icon: {
			light: 'file:../../icons/openDental.svg',
			dark: 'file:../../icons/openDental.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with tasks, task lists and task notes in Open Dental, the dental practice software',
		defaults: { name: 'Open Dental' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OPEN_DENTAL_CREDENTIAL, required: true }],
		requestDefaults: openDentalRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Task', value: 'task' },
					{ name: 'Task List', value: 'taskList' },
					{ name: 'Task Note', value: 'taskNote' },
				],
				default: 'task',
			},
			...taskDescription,
			...taskListDescription,
			...taskNoteDescription,
		],
	};

	methods = {
		listSearch: { searchTaskLists, searchUsers },
		loadOptions: { getPriorities },
	};
}
