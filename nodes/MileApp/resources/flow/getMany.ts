import { MILEAPP_PATHS } from '../../api';
import { pagedList } from '../../requests';

export const getMany = pagedList('flows', MILEAPP_PATHS.flows);
