import { useState } from 'react';
import { t } from '../i18n';
import { Button } from './Button';

/** Copies `text` to the clipboard; its accessible name says what it copies. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard (an insecure origin): the text stays selectable beside the button.
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Button size="small" onClick={() => void copy()} aria-label={copied ? `${label}: ${t.common.copied}` : label}>
      <span aria-live="polite">{copied ? t.common.copied : t.common.copy}</span>
    </Button>
  );
}
