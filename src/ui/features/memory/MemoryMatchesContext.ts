import { createContext } from 'react';

/** Targets of the memory matches of the active unit, best first: the editor inserts one by key. */
export const MemoryMatchesContext = createContext<readonly string[]>([]);
