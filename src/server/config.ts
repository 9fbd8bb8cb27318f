/** Everything the server needs comes from the environment, so several instances can share one configuration. */
export type ServerConfig = {
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  /** Browser origins allowed to call the API with credentials; empty means loopback origins only. */
  readonly origins: readonly string[];
  /** Where `npm run server` keeps its own PostgreSQL cluster when DATABASE_URL is not set. */
  readonly dataDir: string;
};

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? '4310');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: env.HOST ?? '127.0.0.1',
    origins: (env.ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    dataDir: env.AUDARMA_DATA ?? '.audarma-server',
  };
}
