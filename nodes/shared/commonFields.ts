import type { INodeProperties } from 'n8n-workflow';
import { sentInBody } from './fieldRouting';

/** Fields that mean the same wherever a vendor's record has them, sent under their own names. */

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	routing: sentInBody('name'),
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	routing: sentInBody('description'),
};
