import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_LIBRARY } from '../../../domain/protocols';
import { internalNameLeaks, visibleText } from '../ui/internal-name-leaks';
import { ProtocolCard } from './protocol-card';

describe('a protocol card as a clinician reads it', () => {
  it.each(PROTOCOL_LIBRARY.map((p) => [`${p.id} v${p.version}`, p] as const))(
    '%s names its sources by title, without file paths, anchors or field paths',
    (_name, protocol) => {
      const text = visibleText(renderToStaticMarkup(<ProtocolCard protocol={protocol} />));
      expect(text).toContain('Clinical source register');
      expect(internalNameLeaks(text)).toEqual([]);
    },
  );
});
