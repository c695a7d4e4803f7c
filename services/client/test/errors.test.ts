import { AzotteApiError } from '@azotte/client';

const problemResponse = (status: number) => new Response(null, { status, headers: { 'Retry-After': '3' } });

describe('AzotteApiError', () => {
  it('takes status, code, fields and decline code from a problem document', () => {
    const error = AzotteApiError.fromResponse(problemResponse(400), {
      type: 'https://docs.azotte.dev/errors/invalid_request',
      title: 'Invalid request',
      status: 400,
      detail: 'The request has invalid fields.',
      code: 'invalid_request',
      errors: [{ path: 'email', message: 'must be an email address' }],
    });
    expect(error).toMatchObject({ name: 'AzotteApiError', status: 400, code: 'invalid_request', fields: [{ path: 'email', message: 'must be an email address' }] });
    expect(error.message).toBe('The request has invalid fields. (email: must be an email address)');
    expect(error.headers.get('retry-after')).toBe('3');
  });

  it('names an answer that is not a problem document unexpected_response, with its status', () => {
    for (const body of ['<html>Bad Gateway</html>', '', { message: 'no' }]) {
      const error = AzotteApiError.fromResponse(problemResponse(502), body);
      expect(error).toMatchObject({ status: 502, code: 'unexpected_response', fields: [] });
      expect(error.declineCode).toBeUndefined();
    }
  });
});
