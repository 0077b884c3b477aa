import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { OPEN_DENTAL_PATHS } from './api';
import { openDentalListAll } from './requests';
import { TASK_PRIORITY_CATEGORY } from './vocabulary';

/** The office's task priorities in its own order, hidden ones left out. */
export async function getPriorities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await openDentalListAll.call(this, OPEN_DENTAL_PATHS.definitions, {
		Category: TASK_PRIORITY_CATEGORY,
	});
	return definitions
		.filter((definition) => String(definition.isHidden) !== 'true')
		.sort((a, b) => Number(a.ItemOrder ?? 0) - Number(b.ItemOrder ?? 0))
		.map((definition) => ({ name: String(definition.ItemName), value: String(definition.DefNum) }));
}
