import { sentInQuery } from '../../../shared/fieldRouting';
import { MILEAPP_PATHS } from '../../api';
import { pagedList } from '../../requests';

export const getMany = pagedList('hubs', MILEAPP_PATHS.hubs, [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only hubs whose name or address contains this',
		routing: sentInQuery('q', '={{ $value.trim() || undefined }}'),
	},
]);
