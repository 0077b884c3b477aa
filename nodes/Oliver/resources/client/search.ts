import { sentInQuery } from '../../../shared/fieldRouting';
import { defineOperation } from '../../../shared/operation';
import { OLIVER_PATHS } from '../../api';
import { CLIENT_SEARCH_OPTIONS } from '../../vocabulary';

export const search = defineOperation({
	value: 'search',
	name: 'Search',
	action: 'Search clients',
	description: 'Find clients by name, email or phone (at most 100)',
	fields: [
		{
			displayName: 'Search By',
			name: 'searchBy',
			type: 'options',
			options: CLIENT_SEARCH_OPTIONS,
			default: 'name',
		},
		{
			displayName: 'Search For',
			name: 'searchValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Smith',
			// The query parameter is the filter chosen under Search By.
			routing: sentInQuery('={{$parameter.searchBy}}'),
		},
	],
	rules: [{ path: 'searchValue', label: 'Search For', kind: 'required' }],
	request: { method: 'GET', url: OLIVER_PATHS.clients },
});
