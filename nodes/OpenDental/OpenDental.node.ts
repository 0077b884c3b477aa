import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { OPEN_DENTAL_CREDENTIAL, openDentalRequestDefaults } from './api';
import { searchTaskLists, searchUsers } from './listSearch';
import { getPriorities } from './loadOptions';
import { taskResource } from './resources/task';
import { taskListResource } from './resources/taskList';
import { taskNoteResource } from './resources/taskNote';

const resources = [taskResource, taskListResource, taskNoteResource];

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
		properties: resourceParameters(resources, 'task'),
	};

	methods = {
		listSearch: { searchTaskLists, searchUsers },
		loadOptions: { getPriorities },
	};
}
