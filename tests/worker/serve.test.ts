import { describe, expect, it } from 'vitest';
import { serve, type Scope } from '../../src/worker/serve.ts';
import type { JobMessage, JobRequest } from '../../src/worker/protocol.ts';

function scope() {
  const posted: JobMessage[] = [];
  const s: Scope = { onmessage: null, postMessage: (m) => posted.push(m) };
  const send = (m: JobRequest) => s.onmessage?.({ data: m } as MessageEvent<JobRequest>);
  return { s, posted, send };
}

const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i += 1) await new Promise((r) => setTimeout(r, 0));
};

describe('the worker queue', () => {
  it('answers a ping at once, even while a job waits', async () => {
    const { s, posted, send } = scope();
    serve(s, { slow: () => new Promise((r) => setTimeout(() => r('x'), 50)) });
    send({ type: 'run', id: 1, name: 'slow', input: null });
    send({ type: 'ping', id: 7 });
    expect(posted).toEqual([{ id: 7, type: 'pong' }]);
    await settle();
  });

  it('announces each job, then answers it; jobs interleave where they await', async () => {
    const { s, posted, send } = scope();
    const order: string[] = [];
    serve(s, {
      slow: async (input) => {
        order.push(`start ${String(input)}`);
        await new Promise((r) => setTimeout(r, 5));
        order.push(`end ${String(input)}`);
        return input;
      },
    });
    send({ type: 'run', id: 1, name: 'slow', input: 'a' });
    send({ type: 'run', id: 2, name: 'slow', input: 'b' });
    await settle(40);
    expect(order).toEqual(['start a', 'start b', 'end a', 'end b']);
    expect(posted.filter((m) => m.id === 1)).toEqual([
      { id: 1, type: 'started' },
      { id: 1, type: 'done', output: 'a' },
    ]);
    expect(posted.filter((m) => m.id === 2)).toEqual([
      { id: 2, type: 'started' },
      { id: 2, type: 'done', output: 'b' },
    ]);
  });

  it('never starts a job cancelled while it waited in the queue', async () => {
    const { s, posted, send } = scope();
    const ran: number[] = [];
    serve(s, { job: (input) => ran.push(input as number) });
    send({ type: 'run', id: 1, name: 'job', input: 1 });
    send({ type: 'run', id: 2, name: 'job', input: 2 });
    send({ type: 'cancel', id: 2 });
    await settle();
    expect(ran).toEqual([1]);
    expect(posted).toContainEqual({ id: 2, type: 'cancelled' });
  });

  it('stops a running job at its next progress report once its cancel has arrived', async () => {
    const { s, posted, send } = scope();
    let reached = 0;
    serve(s, {
      long: async (_input, progress) => {
        for (let i = 0; i < 100; i += 1) {
          progress(i / 100);
          reached = i;
          await new Promise((r) => setTimeout(r, 0));
        }
        return 'finished';
      },
    });
    send({ type: 'run', id: 7, name: 'long', input: null });
    await settle(5);
    send({ type: 'cancel', id: 7 });
    await settle(10);
    expect(reached).toBeLessThan(20);
    expect(posted.at(-1)).toEqual({ id: 7, type: 'cancelled' });
    expect(posted).not.toContainEqual(expect.objectContaining({ type: 'done' }));
  });

  it('answers a failing or unknown job with an error and goes on with the next', async () => {
    const { s, posted, send } = scope();
    serve(s, {
      bad: () => {
        throw new Error('broken input');
      },
      good: () => 'fine',
    });
    send({ type: 'run', id: 1, name: 'bad', input: null });
    send({ type: 'run', id: 2, name: 'missing', input: null });
    send({ type: 'run', id: 3, name: 'good', input: null });
    await settle();
    expect(posted).toContainEqual({ id: 1, type: 'error', message: 'broken input' });
    expect(posted).toContainEqual({ id: 2, type: 'error', message: 'unknown job "missing"' });
    expect(posted).toContainEqual({ id: 3, type: 'done', output: 'fine' });
  });
});
