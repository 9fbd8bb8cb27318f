/// <reference lib="webworker" />
import { createJobs } from './jobs.ts';
import { serve, type Scope } from './serve.ts';
import { englishSpeller } from './speller.ts';

const jobs = createJobs(async (lang) => (lang === 'en' ? englishSpeller() : undefined));
serve(
  self as unknown as Scope,
  jobs as unknown as Record<string, (input: unknown, progress: (f: number) => void) => unknown>,
);
