import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
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
