// Reads a server-sent event stream the way a browser's EventSource would, for the tests.
export type StreamEvent = { readonly event: string; readonly data: string };

export type EventReader = {
  readonly status: number;
  readonly headers: Headers;
  /** The body of a refusal (not 2xx), parsed. */
  readonly refusal: unknown;
  /** The next event (not comments), or a rejection after `ms`. */
  next(ms?: number): Promise<StreamEvent>;
  /** Comment lines seen so far (": heartbeat"). */
  readonly comments: string[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
};

export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const queue: StreamEvent[] = [];
  const waiting: ((event: StreamEvent) => void)[] = [];
  const comments: string[] = [];
  let buffer = '';
  let markEnded = () => undefined as void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const refusal: unknown = res.ok ? undefined : await res.json();
  if (res.ok && res.body) {
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return markEnded();
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line);
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) {
                data.push(line.slice(6));
                any = true;
              }
            }
            if (!any) continue;
            const parsed = { event, data: data.join('\n') };
            const taker = waiting.shift();
            if (taker) taker(parsed);
            else queue.push(parsed);
          }
        }
      } catch {
        // The connection was cut, by the server or by `close`.
        markEnded();
      }
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    refusal,
    comments,
    ended,
    next(ms = 10_000) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(taker), 1);
          reject(new Error(`no event within ${ms} ms`));
        }, ms);
        const taker = (event: StreamEvent) => {
          clearTimeout(timer);
          resolve(event);
        };
        waiting.push(taker);
      });
    },
    close() {
      abort.abort();
    },
  };
}
