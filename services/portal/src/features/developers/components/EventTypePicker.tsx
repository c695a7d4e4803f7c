import { useEffect, useId, useRef } from 'react';
import { t } from '../../../lib/i18n';
import { ALL_EVENTS, EVENT_GROUPS, groupState, listensToAll, normalizeTypes, unknownTypes, withGroup, withType, type EventGroup } from '../model/event-types';

const copy = t.developers.picker;

export const resourceLabel = (resource: string) => copy.resources[resource] ?? resource;

export interface EventTypePickerProps {
  /** `enabledEvents` as the API has it: `['*']` for all, or the chosen types. */
  value: readonly string[];
  onChange: (enabledEvents: string[]) => void;
  error?: string | undefined;
}

/**
 * "All events" or a list of the public types, as checkboxes grouped by the
 * resource they are about; each group has a checkbox of its own that takes or
 * leaves all of it. Going back from "All events" to a list restores the list
 * chosen before, and a type the portal does not know is kept, shown apart.
 */
export function EventTypePicker({ value, onChange, error }: EventTypePickerProps) {
  const all = listensToAll(value);
  const chosen = all ? [] : normalizeTypes(value);
  // The list chosen before "All events" was picked: picking "Only…" again brings it back.
  const remembered = useRef<string[]>(chosen);
  if (!all) remembered.current = chosen;
  const name = useId();
  const errorId = useId();
  const allHintId = useId();
  const extra = unknownTypes(chosen);

  return (
    <fieldset className="fieldset wh-picker" aria-describedby={error ? errorId : undefined}>
      <legend>{copy.legend}</legend>
      <div className="wh-picker-modes">
        <div className="wh-picker-mode">
          <label className="checkbox">
            <input type="radio" name={name} checked={all} aria-describedby={allHintId} onChange={() => onChange([ALL_EVENTS])} />
            <span>{copy.all}</span>
          </label>
          <span id={allHintId} className="field-hint">
            {copy.allHint}
          </span>
        </div>
        <div className="wh-picker-mode">
          <label className="checkbox">
            <input type="radio" name={name} checked={!all} onChange={() => onChange(remembered.current)} />
            <span>{copy.chosen}</span>
          </label>
        </div>
      </div>
      {all ? null : (
        <div className="wh-picker-groups" role="group" aria-label={copy.chosenLabel}>
          {EVENT_GROUPS.map((group) => (
            <Group key={group.resource} group={group} chosen={chosen} onChange={onChange} />
          ))}
          {extra.length > 0 ? (
            <fieldset className="wh-picker-group">
              <legend>{copy.unknown}</legend>
              {extra.map((type) => (
                <TypeCheckbox key={type} type={type} checked onChange={(on) => onChange(withType(chosen, type, on))} />
              ))}
            </fieldset>
          ) : null}
        </div>
      )}
      <p className="field-hint">{copy.testHint}</p>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Group({ group, chosen, onChange }: { group: EventGroup; chosen: string[]; onChange: (types: string[]) => void }) {
  const state = groupState(chosen, group);
  const ref = useRef<HTMLInputElement>(null);
  // "Some of the group" is the checkbox's mixed state, which has no attribute in HTML.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  const resource = resourceLabel(group.resource);
  return (
    <fieldset className="wh-picker-group">
      <legend>{resource}</legend>
      <label className="checkbox wh-picker-all">
        <input
          ref={ref}
          type="checkbox"
          checked={state === 'all'}
          onChange={(e) => onChange(withGroup(chosen, group, e.target.checked))}
        />
        <span>{copy.group(resource.toLowerCase())}</span>
      </label>
      {group.types.map((type) => (
        <TypeCheckbox key={type} type={type} checked={chosen.includes(type)} onChange={(on) => onChange(withType(chosen, type, on))} />
      ))}
    </fieldset>
  );
}

function TypeCheckbox({ type, checked, onChange }: { type: string; checked: boolean; onChange: (on: boolean) => void }) {
  const noteId = useId();
  const note = copy.notes[type];
  return (
    <div className="wh-picker-type">
      <label className="checkbox">
        <input type="checkbox" checked={checked} aria-describedby={note ? noteId : undefined} onChange={(e) => onChange(e.target.checked)} />
        <code>{type}</code>
      </label>
      {note ? (
        <span id={noteId} className="muted wh-picker-note">
          {note}
        </span>
      ) : null}
    </div>
  );
}
