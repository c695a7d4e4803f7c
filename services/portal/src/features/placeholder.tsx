import { PageHeader } from '../lib/components';

/** A section not built yet: says so instead of a blank page. */
export function Placeholder({ title }: { title: string }) {
  return <PageHeader title={title} description="This section is being built." />;
}
