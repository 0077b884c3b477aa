/**
 * The five single-vendor packages `npm run build:packages` writes: for each, its npm name, its folder under
 * `.build/packages/`, the vendor folder under `nodes/`, its credential files, its icons and the words its
 * package.json and README use. One third-party service per package is the form n8n's verification asks for.
 */

/**
 * @typedef {object} VendorPackage
 * @property {string} name npm package name
 * @property {string} folder folder under `.build/packages/`
 * @property {string} vendor the vendor's key, as the node's name (`oliver`, `openDental`)
 * @property {string} displayName the vendor as the editor shows it
 * @property {string} vendorFolder folder under `nodes/`
 * @property {string[]} credentials credential class files under `credentials/`, without `.credentials.ts`
 * @property {string} icon icon base name under `icons/` (`<icon>.svg` and `<icon>.dark.svg`)
 * @property {string} about what the vendor is, for the description and README
 * @property {string} apiDocs the vendor's API documentation
 * @property {string[]} keywords extra npm keywords
 */

/** @type {VendorPackage[]} */
export const VENDOR_PACKAGES = [
	{
		name: 'n8n-nodes-taskbridge-oliver',
		folder: 'oliver',
		vendor: 'oliver',
		displayName: 'Oliver',
		vendorFolder: 'Oliver',
		credentials: ['OliverApi'],
		icon: 'oliver',
		about: 'the veterinary practice platform',
		apiDocs: 'https://docs.getoliver.com/api-reference',
		keywords: ['oliver', 'veterinary', 'tasks'],
	},
	{
		name: 'n8n-nodes-taskbridge-open-dental',
		folder: 'open-dental',
		vendor: 'openDental',
		displayName: 'Open Dental',
		vendorFolder: 'OpenDental',
		credentials: ['OpenDentalApi'],
		icon: 'openDental',
		about: 'the dental practice management software',
		apiDocs: 'https://www.opendental.com/site/apitasks.html',
		keywords: ['open-dental', 'opendental', 'dental', 'tasks'],
	},
	{
		name: 'n8n-nodes-taskbridge-plannr',
		folder: 'plannr',
		vendor: 'plannr',
		displayName: 'Plannr',
		vendorFolder: 'Plannr',
		credentials: ['PlannrApi', 'PlannrOAuth2Api'],
		icon: 'plannr',
		about: 'the CRM for financial advisers',
		apiDocs: 'https://apidocs.plannrcrm.com',
		keywords: ['plannr', 'crm', 'financial-advisers', 'tasks'],
	},
	{
		name: 'n8n-nodes-taskbridge-mileapp',
		folder: 'mileapp',
		vendor: 'mileApp',
		displayName: 'MileApp',
		vendorFolder: 'MileApp',
		credentials: ['MileAppApi', 'MileAppWebhookApi'],
		icon: 'mileApp',
		about: 'the field operations platform',
		apiDocs: 'https://docs.mile.app/api-reference',
		keywords: ['mileapp', 'field-operations', 'tasks'],
	},
	{
		name: 'n8n-nodes-taskbridge-humanity',
		folder: 'humanity',
		vendor: 'humanity',
		displayName: 'Humanity',
		vendorFolder: 'Humanity',
		credentials: ['HumanityApi'],
		icon: 'humanity',
		about: 'the shift scheduling software',
		apiDocs: 'https://platform.humanity.com/reference/',
		keywords: ['humanity', 'shift-scheduling', 'tasks'],
	},
];
