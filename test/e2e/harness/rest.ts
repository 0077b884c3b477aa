/**
 * The editor's REST API as its owner calls it: setting the owner account up and logging in. The tests'
 * N8nInstance.ownerRest and `npm start` both come through here.
 */

export interface N8nOwner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** A REST call with the owner's session: the answer's status and JSON body (undefined when it has none). */
export type RestCaller = (
	method: string,
	route: string,
	body?: object,
) => Promise<{ status: number; body: any }>;

const JSON_HEADERS = { 'content-type': 'application/json' };

async function call(
	base: string,
	method: string,
	route: string,
	body?: object,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: any; response: Response }> {
	const response = await fetch(`${base}${route}`, {
		method,
		headers: { ...JSON_HEADERS, ...headers },
		body: body ? JSON.stringify(body) : undefined,
	});
	return { status: response.status, body: await response.json().catch(() => undefined), response };
}

/** Whether the n8n at `base` (`http://host:port`) still asks for its owner account to be set up. */
export async function needsOwnerSetup(base: string): Promise<boolean> {
	const settings = await call(base, 'GET', '/rest/settings');
	return Boolean(settings.body?.data?.userManagement?.showSetupOnFirstLoad);
}

/** `POST /rest/owner/setup`: makes `owner` the instance's owner (refused once there is one). */
export async function setUpOwner(
	base: string,
	owner: N8nOwner,
): Promise<{ status: number; body: any }> {
	const { status, body } = await call(base, 'POST', '/rest/owner/setup', owner);
	return { status, body };
}

/**
 * `POST /rest/login` as `owner`. With status 200, `rest` sends the session cookie (and the browser id n8n ties
 * the session to) with every call.
 */
export async function logIn(
	base: string,
	owner: N8nOwner,
): Promise<{ status: number; rest?: RestCaller }> {
	const login = await call(base, 'POST', '/rest/login', {
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	if (login.status !== 200) return { status: login.status };
	const cookie = (login.response.headers.get('set-cookie') ?? '').split(';')[0];
	const rest: RestCaller = async (method, route, body) => {
		const { status, body: answer } = await call(base, method, route, body, {
			cookie,
			'browser-id': 'e2e',
		});
		return { status, body: answer };
	};
	return { status: login.status, rest };
}
