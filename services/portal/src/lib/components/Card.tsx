import { useId, type ReactNode } from 'react';

/** A titled region of a page; its heading names it for assistive technology. */
export function Card({ title, actions, children, className }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={['card', className ?? ''].join(' ').trim()} aria-labelledby={title ? id : undefined}>
      {title || actions ? (
        <header className="card-header">
          {title ? <h2 id={id}>{title}</h2> : <span />}
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}

/** Label–value pairs (a <dl>). */
export function DescriptionList({ items }: { items: Array<[label: ReactNode, value: ReactNode]> }) {
  return (
    <dl className="description-list">
      {items.map(([label, value], i) => (
        <div key={i} className="description-item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
