import { markStatus } from './markStatus';

export const markViewed = markStatus('Viewed', 'Set the status to Viewed.');
