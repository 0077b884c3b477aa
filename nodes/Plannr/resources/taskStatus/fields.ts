import type { INodeProperties } from 'n8n-workflow';
import { nameField } from '../../../shared/commonFields';
import { sentInBody } from '../../../shared/fieldRouting';
import type { FieldRule } from '../../../shared/validation';

/**
 * A status's fields that a request can set, each with the body property it is sent as. Documented request
 * bodies: Create takes `name` (required) and `colour` (post-api-v1-task-status); Update takes `name`, `colour`
 * and `position` (put-api-v1-task-status-parameter). The answer's `is_type_completed`, `is_not_started` and
 * `is_archived` are not request fields on either page, so they are not offered.
 */
export const statusNameField: INodeProperties = {
	...nameField,
	placeholder: 'e.g. Waiting on client',
};

export const statusColourField: INodeProperties = {
	displayName: 'Colour',
	name: 'colour',
	type: 'color',
	default: '#4a90e2',
	description: 'The colour Plannr shows the status in, as a hex colour such as #ff0000',
	routing: sentInBody('colour'),
};

export const statusPositionField: INodeProperties = {
	displayName: 'Position',
	name: 'position',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description: 'Where the status comes in the firm’s order, from 0',
	routing: sentInBody('position'),
};

/** The checks of a status's optional fields, wherever an operation keeps them (Position: Update only). */
export function statusDetailRules(collection: string, withPosition: boolean): FieldRule[] {
	return [
		{ path: `${collection}.colour`, label: 'Colour', kind: 'notBlankWhenGiven' },
		{ path: `${collection}.colour`, label: 'Colour', kind: 'text' },
		...(withPosition
			? [{ path: `${collection}.position`, label: 'Position', kind: 'wholeNumber' } as const]
			: []),
	];
}
