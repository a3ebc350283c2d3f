// The baseline for api-throughput.ts: the same read-by-id route with nothing but Express and pg.
// Copied into the generated project at benchmark time so it resolves the same express and pg.
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = express();
app.get('/events/:id', async (req, res) => {
  const { rows } = await pool.query('select * from events where id = $1', [req.params.id]);
  if (rows.length === 0) res.status(404).json({ error: 'not found' });
  else res.json(rows[0]);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => pool.end()));
