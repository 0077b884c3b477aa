import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { OPEN_DENTAL_PATHS } from './api';
import { openDentalListAll } from './requests';
import { TASK_PRIORITY_CATEGORY } from './vocabulary';

/**
 * The office's task priorities in the order Open Dental lists them (definitions carry no order field). Open
 * Dental leaves hidden ones out by default; the check here keeps them out whatever it answers.
 */
export async function getPriorities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await openDentalListAll.call(this, OPEN_DENTAL_PATHS.definitions, {
		Category: TASK_PRIORITY_CATEGORY,
	});
	return definitions
		.filter((definition) => String(definition.isHidden) !== 'true')
		.map((definition) => ({ name: String(definition.ItemName), value: String(definition.DefNum) }));
}
