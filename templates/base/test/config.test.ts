import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('applies defaults when optional variables are absent', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, HOST: '127.0.0.1', TRUST_PROXY_HOPS: 0, CORS_ORIGINS: [], SHUTDOWN_DELAY_MS: 0 });
  });

  it('listens on loopback outside production and on every interface in production, unless HOST says otherwise', () => {
    const url = 'postgres://app:postgres@localhost:5432/app';
    expect(loadConfig({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: url }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('refuses LOG_PRETTY in production, where pino-pretty is not installed, with a one-line reason', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app:postgres@localhost:5432/app' };
    expect(() => loadConfig({ ...production, LOG_PRETTY: 'true' })).toThrow(/LOG_PRETTY: must not be true when NODE_ENV is production/);
    expect(loadConfig({ ...production, LOG_PRETTY: 'false' }).LOG_PRETTY).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'true' }).LOG_PRETTY).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('reports every bad or missing variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'eighty', LOG_LEVEL: 'loud', CORS_ORIGINS: '*' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'LOG_LEVEL', 'CORS_ORIGINS.0', 'DATABASE_URL']));
    expect((error as ConfigError).message).toMatch(/a wildcard is not allowed/);
  });

  it('refuses to trust proxy headers unless given a bounded hop count', () => {
    expect(() => loadConfig({ TRUST_PROXY_HOPS: 'true' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(loadConfig({ TRUST_PROXY_HOPS: '1' }).TRUST_PROXY_HOPS).toBe(1);
  });
});
