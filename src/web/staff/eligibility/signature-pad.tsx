import { useCallback, useEffect, useRef } from 'react';

export interface DrawnSignature {
  width: number;
  height: number;
  strokes: [number, number][][];
}

const MAX_STROKES = 50;
const MAX_POINTS = 2000;

/**
 * A signature pad: a <canvas> that records pointer strokes (mouse, pen or finger) as [x, y] points in the
 * canvas's CSS pixels. The strokes are what the server keeps and draws onto the PDF.
 */
export function SignaturePad({
  value,
  onChange,
  labelId,
  describedBy,
}: {
  value: DrawnSignature | null;
  onChange: (value: DrawnSignature | null) => void;
  labelId: string;
  describedBy?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<[number, number][] | null>(null);
  const strokes = useRef<[number, number][][]>(value?.strokes ?? []);

  const redraw = useCallback(() => {
    const el = canvas.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (el.width !== Math.round(rect.width * ratio) || el.height !== Math.round(rect.height * ratio)) {
      el.width = Math.round(rect.width * ratio);
      el.height = Math.round(rect.height * ratio);
    }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, rect.width, rect.height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    for (const stroke of strokes.current) {
      ctx.beginPath();
      stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (stroke.length === 1) ctx.lineTo(stroke[0]![0] + 0.5, stroke[0]![1] + 0.5);
      ctx.stroke();
    }
  }, []);

  useEffect(() => {
    strokes.current = value?.strokes ?? [];
    redraw();
  }, [value, redraw]);

  useEffect(() => {
    window.addEventListener('resize', redraw);
    return () => window.removeEventListener('resize', redraw);
  }, [redraw]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    const round = (n: number) => Math.round(n * 10) / 10;
    return [
      round(Math.min(Math.max(e.clientX - rect.left, 0), rect.width)),
      round(Math.min(Math.max(e.clientY - rect.top, 0), rect.height)),
    ];
  };

  const publish = (el: HTMLCanvasElement) => {
    const rect = el.getBoundingClientRect();
    onChange(
      strokes.current.length === 0
        ? null
        : {
            width: Math.round(rect.width),
            height: Math.round(rect.height),
            strokes: strokes.current.map((s) => [...s]),
          },
    );
  };

  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      role="img"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onPointerDown={(e) => {
        if (strokes.current.length >= MAX_STROKES) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = [point(e)];
        strokes.current = [...strokes.current, drawing.current];
        redraw();
      }}
      onPointerMove={(e) => {
        if (!drawing.current || drawing.current.length >= MAX_POINTS) return;
        drawing.current.push(point(e));
        redraw();
      }}
      onPointerUp={(e) => {
        if (!drawing.current) return;
        drawing.current = null;
        publish(e.currentTarget);
      }}
      onPointerCancel={(e) => {
        drawing.current = null;
        publish(e.currentTarget);
      }}
    />
  );
}
