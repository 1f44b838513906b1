/**
 * A textarea holding one item per line. It keeps the raw text while the user types (so a new,
 * still empty line survives) and reports the cleaned list upward.
 */
import { useEffect, useState } from 'preact/hooks';
import { linesToList } from '../lib/interests-edit';

interface Props {
  id: string;
  rows: number;
  items: readonly string[];
  onItems: (items: string[]) => void;
  invalid?: boolean;
  /** Ids of the help and error text that describe the field. */
  describedBy?: string;
}

export function ListField({ id, rows, items, onItems, invalid, describedBy }: Props) {
  const [text, setText] = useState(items.join('\n'));
  useEffect(() => {
    // Follow changes from outside (an import), not the echo of our own typing.
    if (linesToList(text).join('\n') !== items.join('\n')) setText(items.join('\n'));
  }, [items.join('\n')]);
  return (
    <textarea
      id={id}
      rows={rows}
      value={text}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onItems(linesToList(e.currentTarget.value));
      }}
    />
  );
}
