import pg from 'pg';
import type { Pool } from 'pg';

/** The PostgreSQL channel every instance listens on; a push notifies it inside its own transaction. */
export const CHANNEL = 'audarma_changes';

/**
 * The statement a push runs before committing, given SQL expressions for the project id and the latest sequence
 * number: PostgreSQL delivers the notification only if, and when, the push commits.
 */
export const notifyStatement = (project: string, seq: string) =>
  `select pg_notify('${CHANNEL}', json_build_object('p', ${project}::text, 's', ${seq}::bigint)::text)`;

type Listener = (seq: number) => void;

/**
 * Tells this instance's subscribers (the open event streams) when any instance stored changes for their project.
 * The only state is who is subscribed here; the news itself travels through PostgreSQL's LISTEN/NOTIFY, so it
 * reaches every instance over the same database. One connection per instance listens; when it drops, it is
 * opened again and every subscribed project is told its latest sequence number, as notifications sent while it
 * was away are lost.
 */
export class ChangeFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly log: (line: string) => void,
  ) {}

  /** Resolves once this instance is listening. */
  start(): Promise<void> {
    this.ready ??= this.connect();
    return this.ready;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.pool.options);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { p, s } = JSON.parse(message.payload) as { p: string; s: number };
        this.emit(p, Number(s));
      } catch {
        this.log(`change feed: unreadable notification ${message.payload}`);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.log(`change feed: ${error.message}; listening again in 1 s`);
    client.end().catch(() => undefined);
    this.reconnect();
  }

  private reconnect(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.ready = this.connect()
        .then(() => this.catchUp())
        .catch((reason: unknown) => {
          this.log(`change feed: ${reason instanceof Error ? reason.message : String(reason)}`);
          this.reconnect();
        });
    }, 1000);
  }

  private async catchUp(): Promise<void> {
    for (const project of this.listeners.keys()) this.emit(project, await latestSeq(this.pool, project));
  }

  private emit(project: string, seq: number): void {
    for (const listener of this.listeners.get(project) ?? []) listener(seq);
  }

  subscribe(project: string, listener: Listener): () => void {
    let set = this.listeners.get(project);
    if (!set) this.listeners.set(project, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(project) === set) this.listeners.delete(project);
    };
  }

  get subscribers(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** The last sequence number stored for a project, 0 when it has none. */
export async function latestSeq(pool: Pool, project: string): Promise<number> {
  const { rows } = await pool.query<{ seq: string | null }>(
    'select max(seq) as seq from changes where project_id = $1',
    [project],
  );
  return Number(rows[0]?.seq ?? 0);
}
