import { createContext, useContext } from 'react';
import type { GroupDraft, NodeDraft } from './tree';

/** A choice offered for an id field (storefronts, bundles of the environment). */
export interface Option {
  value: string;
  label: string;
}

export interface RuleOptions {
  storefronts?: Option[];
  bundles?: Option[];
}

/** What every node of the builder reaches: the edits of the one tree, its problems, the options, focus requests. */
export interface Builder {
  update(id: string, change: (node: NodeDraft) => NodeDraft): void;
  remove(id: string, parent: GroupDraft): void;
  add(groupId: string, child: NodeDraft): void;
  errorAt(path: string): string | undefined;
  options: RuleOptions;
  /** A ref for the element that should take focus after an edit, named by `key`. */
  focusRef(key: string): (el: HTMLElement | null) => void;
}

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('useBuilder outside RuleBuilder');
  return builder;
}
