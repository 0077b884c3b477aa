import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { textOrNull } from '../shared/normalizedTask';
import { TASK_PICKER_PAGE_SIZE, taskPickerPage } from '../shared/taskPicker';
import { locatorValue } from '../shared/validation';
import { OLIVER_PATHS } from './api';
import { oliverApiRequest } from './requests';

/** Pickers for the client and patient fields. Oliver's client search needs a filter, so the list waits for one. */
export async function searchClients(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (!filter?.trim()) return { results: [] };
	const clients = (await oliverApiRequest.call(this, 'GET', OLIVER_PATHS.clients, {
		name: filter.trim(),
	})) as IDataObject[];
	return {
		results: clients.map((client) => ({
			name: [client.name, client.email].filter(Boolean).join(' · '),
			value: String(client.id),
		})),
	};
}

/** The client picked elsewhere in the node: a resource locator's value, wherever the operation keeps it. */
function chosenClientId(context: ILoadOptionsFunctions): string | undefined {
	for (const path of ['clientId', 'additionalFields.clientId', 'updateFields.clientId']) {
		const value = locatorValue(context.getCurrentNodeParameter(path));
		if (value) return value;
	}
	return undefined;
}

export async function searchPatients(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const clientId = chosenClientId(this);
	if (!clientId) return { results: [] };
	const qs: IDataObject = { client_id: clientId };
	if (filter?.trim()) qs.name = filter.trim();
	const patients = (await oliverApiRequest.call(
		this,
		'GET',
		OLIVER_PATHS.patients,
		qs,
	)) as IDataObject[];
	return {
		results: patients.map((patient) => ({
			name: [patient.name, patient.species].filter(Boolean).join(' · '),
			value: String(patient.id),
		})),
	};
}

/**
 * The staff-task picker: a page of tasks at a time (the list loads more as it scrolls), by title. The next page
 * follows the page Oliver says it answered, so a count from 0 or from 1 (Oliver does not say which) moves on alike.
 */
export async function searchStaffTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const asked = Number(paginationToken ?? 0);
	const page = ((await oliverApiRequest.call(this, 'GET', OLIVER_PATHS.staffTasks, {
		page: asked,
		per_page: TASK_PICKER_PAGE_SIZE,
	})) ?? {}) as IDataObject;
	const tasks = (Array.isArray(page.content) ? page.content : []) as IDataObject[];
	const answered = typeof page.page === 'number' ? page.page : asked;
	return taskPickerPage(
		tasks,
		filter,
		(task) => ({
			title: textOrNull(task.title),
			detail: String(task.status),
			value: String(task.id),
		}),
		() => String(answered + 1),
	);
}
