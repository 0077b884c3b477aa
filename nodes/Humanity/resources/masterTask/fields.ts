import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { bodyOf } from '../../../shared/collectionBody';
import { listedOptionsField } from '../../../shared/listedOptions';
import type { HumanityInput } from '../../input';

export const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'color',
	type: 'color',
	default: '#2E7D32',
	description: 'Shown with the task in Humanity',
};

export const positionsField = listedOptionsField({
	thing: 'Position',
	several: true,
	name: 'positionIds',
	loadOptionsMethod: 'getPositions',
	purpose: 'The positions that do this task.',
});

/** The positions of a master task: at least one, each a whole number. */
export function positionIdsOf(input: HumanityInput, path: string): number[] {
	return input.wholeNumbers(path, 'Position Names or IDs', { atLeastOne: 'position' });
}

/**
 * The master-task fields given in the collection at `path`, as Humanity takes them: each under its body
 * property (bodyOf), then shaped (a trimmed name, whole-number positions, a checked colour).
 */
export function masterTaskBody(
	input: HumanityInput,
	path: string,
	fields: INodeProperties[],
): IDataObject {
	const body = bodyOf(fields, input.valueOf(path));
	if (body.name !== undefined) body.name = String(body.name).trim();
	if (body.description !== undefined) body.description = String(body.description);
	// An empty description is left out: no page says that an empty one clears it.
	if (body.description === '') delete body.description;
	if (body.favorite !== undefined) body.favorite = body.favorite === true;
	if (body.positionIds !== undefined)
		body.positionIds = positionIdsOf(input, `${path}.positionIds`);
	if (body.color !== undefined) {
		const color = String(body.color).trim();
		if (!/^#[0-9a-f]{6}$/i.test(color))
			throw input.refuse(`"Color" must be a hex colour like #2E7D32 (got "${color}")`, 'Color');
		body.color = color;
	}
	return body;
}
