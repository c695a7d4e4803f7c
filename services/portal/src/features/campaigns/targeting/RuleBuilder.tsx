import { useCallback, useMemo, useRef } from 'react';
import { t } from '../../../lib/i18n';
import { BuilderContext, type Builder, type RuleOptions } from './context';
import { GroupEditor } from './GroupEditor';
import { appendChild, removeNode, updateNode, type GroupDraft } from './tree';
import './rule-builder.css';

export interface RuleBuilderProps {
  value: GroupDraft;
  onChange(next: GroupDraft): void;
  /** The message for an API path (`targeting.all.0.value`): the browser's checks and the API's `errors[]` alike. */
  errorAt?(path: string): string | undefined;
  options?: RuleOptions;
  /** The API path of the tree's root. */
  path?: string;
}

const noError = () => undefined;

/**
 * The targeting rule tree as nested groups: each group matches all or any of
 * its children, each child a rule (field, operator, value) or a group. Every
 * control is a native, labelled one, so the whole tree is keyboard usable;
 * focus follows what was added or removed.
 */
export function RuleBuilder({ value, onChange, errorAt = noError, options = {}, path = 'targeting' }: RuleBuilderProps) {
  // The latest tree, so that edits made in one render's handlers build on each other.
  const tree = useRef(value);
  tree.current = value;
  const pendingFocus = useRef<string | null>(null);

  const commit = useCallback(
    (next: GroupDraft) => {
      tree.current = next;
      onChange(next);
    },
    [onChange],
  );

  const builder = useMemo<Builder>(
    () => ({
      update: (id, change) => commit(updateNode(tree.current, id, change)),
      remove(id, parent) {
        pendingFocus.current = `add:${parent.id}`;
        commit(removeNode(tree.current, id));
      },
      add(groupId, child) {
        pendingFocus.current = child.kind === 'rule' ? `field:${child.id}` : `match:${child.id}`;
        commit(appendChild(tree.current, groupId, child));
      },
      errorAt,
      options,
      focusRef: (key) => (el) => {
        if (el && pendingFocus.current === key) {
          pendingFocus.current = null;
          el.focus();
        }
      },
    }),
    [commit, errorAt, options],
  );

  return (
    <BuilderContext.Provider value={builder}>
      <div className="cmp-rule-builder">
        <GroupEditor group={value} label={t.campaigns.rules.root} labelPath="" path={path} depth={1} />
      </div>
    </BuilderContext.Provider>
  );
}
