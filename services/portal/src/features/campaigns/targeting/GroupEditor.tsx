import { Button, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useBuilder } from './context';
import { RemoveButton } from './RemoveButton';
import { RuleEditor } from './RuleEditor';
import { apiChildPath, childPath, MAX_DEPTH, newGroup, newRule, type GroupDraft, type Match } from './tree';

const r = t.campaigns.rules;

export interface GroupEditorProps {
  group: GroupDraft;
  /** The accessible name of the group: "Targeting rules", "Group 2" … */
  label: string;
  /** The label path of this group ("" for the root, "2", "2.1" …). */
  labelPath: string;
  /** The API path of this group (`targeting`, `targeting.all.1`). */
  path: string;
  depth: number;
  parent?: GroupDraft;
}

/** A group: the all/any selector, its children (rules or groups), and the buttons that add to it. */
export function GroupEditor({ group, label, labelPath, path, depth, parent }: GroupEditorProps) {
  const builder = useBuilder();
  const isRoot = !parent;
  const groupError = builder.errorAt(`${path}.${group.match}`) ?? builder.errorAt(path);
  const canNest = depth < MAX_DEPTH;
  return (
    <div role="group" aria-label={label} className={['cmp-rb-group', isRoot ? 'cmp-rb-root' : 'cmp-rb-nested', `cmp-rb-depth-${depth}`].join(' ')}>
      <div className="cmp-rb-group-head">
        <Field label={r.match} className="cmp-rb-match">
          <select
            ref={builder.focusRef(`match:${group.id}`)}
            value={group.match}
            onChange={(e) => builder.update(group.id, (g) => ({ ...g, match: e.target.value as Match }))}
          >
            <option value="all">{r.matchAll}</option>
            <option value="any">{r.matchAny}</option>
          </select>
        </Field>
        {parent ? <RemoveButton label={r.removeGroup} onClick={() => builder.remove(group.id, parent)} /> : null}
      </div>
      {groupError ? (
        <p className="field-error" role="alert">
          {groupError}
        </p>
      ) : null}
      {group.children.length === 0 ? (
        <p className="cmp-rb-empty muted">{isRoot ? r.empty : r.emptyGroup}</p>
      ) : (
        <ol className="cmp-rb-children">
          {group.children.map((child, i) => {
            const childLabelPath = childPath(labelPath, i);
            const childApiPath = apiChildPath(path, group, i);
            return (
              <li key={child.id} className="cmp-rb-item">
                {i > 0 ? (
                  <span className="cmp-rb-join" aria-hidden="true">
                    {group.match === 'all' ? r.joinAll : r.joinAny}
                  </span>
                ) : null}
                {child.kind === 'rule' ? (
                  <RuleEditor rule={child} label={r.rule(childLabelPath)} path={childApiPath} parent={group} />
                ) : (
                  <GroupEditor
                    group={child}
                    label={r.group(childLabelPath)}
                    labelPath={childLabelPath}
                    path={childApiPath}
                    depth={depth + 1}
                    parent={group}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="cmp-rb-actions">
        {/* A native button: the focus returns here after a child is removed. */}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          ref={builder.focusRef(`add:${group.id}`)}
          onClick={() => builder.add(group.id, newRule())}
        >
          <span aria-hidden="true">+</span> {r.addRule}
        </button>
        <Button
          size="small"
          variant="ghost"
          disabled={!canNest}
          title={canNest ? undefined : r.maxDepth}
          onClick={() => builder.add(group.id, newGroup(group.match === 'all' ? 'any' : 'all', [newRule()]))}
        >
          <span aria-hidden="true">+</span> {r.addGroup}
        </Button>
        {!canNest ? <span className="muted cmp-rb-note">{r.maxDepth}</span> : null}
      </div>
    </div>
  );
}
