import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

/** A sign-in's answer, whatever its HTTP status: the credential words the failure itself. */
interface SignInAnswer<Body> {
	statusCode?: number;
	body?: Body;
}

/**
 * POSTs a credential's sign-in. Its body carries a password or a secret, so a vendor that cannot be reached
 * is reported by the credential's own `unreachable` error from the cause's message: never as the raw HTTP
 * error, which holds the request.
 */
export async function signInRequest<Body>(
	helper: IHttpRequestHelper,
	request: Pick<IHttpRequestOptions, 'url' | 'body' | 'headers'>,
	unreachable: (cause: string) => Error,
): Promise<SignInAnswer<Body>> {
	try {
		return (await helper.helpers.httpRequest({
			method: 'POST',
			...request,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as SignInAnswer<Body>;
	} catch (error) {
		throw unreachable((error as Error).message);
	}
}
