import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs: a tablist whose arrow keys move between tabs, each tab
 * controlling its panel. Controlled by `selected`, so a page can keep the tab
 * in its URL.
 */
export function Tabs({ label, items, selected, onSelect }: { label: string; items: TabItem[]; selected: string; onSelect: (id: string) => void }) {
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = items.find((i) => i.id === selected) ?? items[0];
  const onKey = (e: KeyboardEvent) => {
    const index = items.findIndex((i) => i.id === current?.id);
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    let target = delta ? items[(index + delta + items.length) % items.length] : undefined;
    if (e.key === 'Home') target = items[0];
    if (e.key === 'End') target = items.at(-1);
    if (!target) return;
    e.preventDefault();
    onSelect(target.id);
    refs.current[target.id]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist" onKeyDown={onKey}>
        {items.map((item) => {
          const active = item.id === current?.id;
          return (
            <button
              key={item.id}
              ref={(el) => {
                refs.current[item.id] = el;
              }}
              role="tab"
              type="button"
              id={`${base}-tab-${item.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${item.id}`}
              tabIndex={active ? 0 : -1}
              className="tab"
              onClick={() => onSelect(item.id)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div role="tabpanel" id={`${base}-panel-${current.id}`} aria-labelledby={`${base}-tab-${current.id}`} className="tabpanel" tabIndex={0}>
          {current.content}
        </div>
      ) : null}
    </div>
  );
}
