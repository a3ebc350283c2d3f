/**
 * Throughput of the generated app against a bare Express + pg app serving the same read-by-id route
 * from the same real PostgreSQL, side by side with autocannon. Prints medians of requests per second
 * and p99 latency over alternating rounds, and the ratio. A benchmark, not a test: nothing asserts.
 *
 *   pnpm --filter create-backend-portfolio exec tsx bench/api-throughput.ts
 *
 * Needs pnpm and a PostgreSQL server: BENCH_DATABASE_URL, default postgres://postgres:postgres@127.0.0.1:5432/postgres
 * (a database named cbp_bench is created there and dropped at the end).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { execa, type ResultPromise } from 'execa';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

const databaseUrl = Object.assign(new URL(serverUrl), { pathname: '/cbp_bench' }).toString();
const work = await mkdtemp(path.join(tmpdir(), 'cbp-bench-'));
const project = path.join(work, 'bench-app');

const psql = (sql: string) => execa('psql', [serverUrl, '-qc', sql]);
const run = (file: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execa(file, args, { cwd: project, env: { DATABASE_URL: databaseUrl, ...env } });

try {
  console.log('scaffolding, installing and building the generated app…');
  const cli = path.join(repo, 'packages/create-backend-portfolio/src/bin.ts');
  const scaffold = ['bench-app', '--background', 'frontend', '--domain', 'ticketing', '--pm', 'pnpm', '--yes', '--no-git', '--no-install'];
  await execa(process.execPath, ['--import', import.meta.resolve('tsx'), cli, ...scaffold], { cwd: work });
  await run('pnpm', ['install', '--prefer-offline']);
  await run('pnpm', ['build']);
  await copyFile(path.join(here, 'bare-app.mjs'), path.join(project, 'bare-app.mjs'));

  await psql('drop database if exists cbp_bench with (force)');
  await psql('create database cbp_bench');
  await run('node', ['dist/db/cli.js', 'migrate:latest'], { NODE_ENV: 'production' });
  await run('node', ['dist/db/cli.js', 'seed'], { NODE_ENV: 'production' });
  const ids = (await execa('psql', [databaseUrl, '-Atc', 'select id from events'])).stdout.split('\n');

  const apps = {
    bare: { args: ['bare-app.mjs'], port: 3101 },
    generated: { args: ['dist/server.js'], port: 3102 },
  } as const;
  const results: Record<keyof typeof apps, { rps: number[]; p99: number[]; errors: number }> = {
    bare: { rps: [], p99: [], errors: 0 },
    generated: { rps: [], p99: [], errors: 0 },
  };

  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const name of Object.keys(apps) as (keyof typeof apps)[]) {
      const { args, port } = apps[name];
      // Everything on, as in production: helmet, CORS, rate limiting (with a limit the load stays under), JSON access logs.
      const server = run('node', [...args], {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        RATE_LIMIT_PER_MINUTE: '100000000',
      });
      server.stdout?.resume();
      await waitForListening(server);
      const requests = ids.map((id) => ({ method: 'GET' as const, path: `/events/${id}` }));
      await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: 2, requests }); // warm-up
      const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: DURATION_S, requests });
      results[name].rps.push(result.requests.average);
      results[name].p99.push(result.latency.p99);
      results[name].errors += result.errors + result.non2xx;
      server.kill('SIGTERM');
      await server.catch(() => undefined);
      console.log(`round ${round} ${name.padEnd(9)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p99 ${result.latency.p99} ms`);
    }
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const bare = { rps: median(results.bare.rps), p99: median(results.bare.p99) };
  const generated = { rps: median(results.generated.rps), p99: median(results.generated.p99) };
  console.log(`\nGET /events/:id, ${CONNECTIONS} connections, ${DURATION_S} s x ${ROUNDS} rounds, medians:`);
  console.log(`  bare Express + pg   ${bare.rps.toFixed(0).padStart(6)} req/s   p99 ${bare.p99} ms   errors ${results.bare.errors}`);
  console.log(`  generated app       ${generated.rps.toFixed(0).padStart(6)} req/s   p99 ${generated.p99} ms   errors ${results.generated.errors}`);
  console.log(`  ratio (generated / bare throughput): ${(generated.rps / bare.rps).toFixed(2)}`);
} finally {
  await psql('drop database if exists cbp_bench with (force)').catch(() => undefined);
  await rm(work, { recursive: true, force: true });
}

async function waitForListening(server: ResultPromise): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    server.catch(reject);
  });
}
