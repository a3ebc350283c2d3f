import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('applies defaults when optional variables are absent', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, TRUST_PROXY_HOPS: 0, CORS_ORIGINS: [] });
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
