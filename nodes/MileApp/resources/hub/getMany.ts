import { sentInQuery } from '../../../shared/fieldRouting';
import { MILEAPP_PATHS } from '../../api';
import { pagedList } from '../../requests';

export const getMany = pagedList('hubs', MILEAPP_PATHS.hubs, [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		// Documented (openapi `/hubs`): `q` matches names only, never addresses.
		description: 'Only hubs whose name contains this (MileApp does not search addresses)',
		routing: sentInQuery('q', '={{ $value.trim() || undefined }}'),
	},
]);
