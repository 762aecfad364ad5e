// tabs.tsx — an accessible tab list (arrow keys, Home/End) whose selection is kept in the
// address (?tab=…), so a tab can be linked to and the back button returns to it.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab {
  id: string;
  label: string;
}

export function Tabs(props: { tabs: Tab[]; current: string; onSelect: (id: string) => void; label: string; children: ComponentChildren }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const idx = Math.max(0, props.tabs.findIndex((x) => x.id === props.current));
  function key(e: KeyboardEvent) {
    let n = idx;
    if (e.key === 'ArrowRight') n = (idx + 1) % props.tabs.length;
    else if (e.key === 'ArrowLeft') n = (idx - 1 + props.tabs.length) % props.tabs.length;
    else if (e.key === 'Home') n = 0;
    else if (e.key === 'End') n = props.tabs.length - 1;
    else return;
    e.preventDefault();
    props.onSelect(props.tabs[n].id);
    refs.current[n]?.focus();
  }
  const cur = props.tabs[idx];
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} class="tablist" onKeyDown={key}>
        {props.tabs.map((tb, i) => (
          <button
            type="button"
            role="tab"
            id={'tab-' + tb.id}
            aria-selected={i === idx}
            aria-controls={'panel-' + tb.id}
            tabIndex={i === idx ? 0 : -1}
            ref={(el) => {
              refs.current[i] = el;
            }}
            onClick={() => props.onSelect(tb.id)}
          >
            {tb.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={'panel-' + cur.id} aria-labelledby={'tab-' + cur.id} class="tabpanel" tabIndex={0}>
        {props.children}
      </div>
    </div>
  );
}
