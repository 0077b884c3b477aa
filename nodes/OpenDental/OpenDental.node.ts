import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { actionNodeDescription, actionSubtitle, vendorIcon } from '../shared/nodeDescription';
import { openDentalRequestDefaults } from './api';
import { searchTaskLists, searchTaskNotes, searchTasks, searchUsers } from './listSearch';
import { getPriorities } from './loadOptions';
import { taskResource } from './resources/task';
import { taskListResource } from './resources/taskList';
import { taskNoteResource } from './resources/taskNote';
import { OPEN_DENTAL_IDENTITY } from './vendorIdentity';

const resources = [taskResource, taskListResource, taskNoteResource];
const properties = resourceParameters(resources, 'task');

export class OpenDental implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: OPEN_DENTAL_IDENTITY,
			description:
				'Work with tasks, task lists and task notes in Open Dental, the dental practice software',
			requestDefaults: openDentalRequestDefaults,
			properties,
		}),
		icon: vendorIcon(OPEN_DENTAL_IDENTITY),
		subtitle: actionSubtitle(properties),
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchTaskLists, searchTaskNotes, searchTasks, searchUsers },
		loadOptions: { getPriorities },
	};
}
