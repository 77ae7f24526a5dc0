import {
  boardResponse,
  checkInBody,
  sessionEntryBody,
  sessionList,
  sessionView,
} from '../../../contracts/session.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { readBoard } from './board.service.js';
import { sessionEventHub } from './session-events.js';
import { sessionNotePdf } from './session-note-pdf.js';
import { checkIn, listPatientSessions, readSession, recordEntry } from './session.service.js';

const tag = 'session';

/** A comment line every 25 s keeps proxies from closing an idle event stream. */
const KEEPALIVE_MS = 25_000;

export const sessionRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/sessions',
    summary: 'Check a patient in: a session for a booked appointment, or a walk-in',
    tag,
    auth: 'staff',
    action: 'session.checkin',
    body: checkInBody,
    response: sessionView,
    successStatus: 201,
    handler: async ({ body, actor, ctx }) => checkIn(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/sessions/board',
    summary: 'The chair board: every session checked in today, with vitals due and alerts',
    tag,
    auth: 'staff',
    action: 'session.board',
    response: boardResponse,
    handler: async ({ actor, ctx }) => readBoard(ctx.deps, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/api/sessions/board/stream',
    summary: 'Server-Sent Events: one "session" event per change to any of the clinic’s sessions',
    tag,
    auth: 'staff',
    action: 'session.board',
    produces: 'text/event-stream',
    handler: async ({ actor, ctx }) => {
      const hub = sessionEventHub(ctx.deps.db, ctx.deps.log);
      const encoder = new TextEncoder();
      let stop = () => undefined as void;
      const stream = new ReadableStream<Uint8Array>({
        start: async (controller) => {
          const send = (text: string) => {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              stop();
            }
          };
          const unsubscribe = await hub.subscribe(actor.clinicId, (change) =>
            send(
              `event: session\ndata: ${JSON.stringify({ sessionId: change.sessionId, version: change.version })}\n\n`,
            ),
          );
          const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEPALIVE_MS);
          stop = () => {
            clearInterval(keepAlive);
            unsubscribe();
          };
          ctx.c.req.raw.signal.addEventListener('abort', () => {
            stop();
            try {
              controller.close();
            } catch {
              // already closed
            }
          });
          send('retry: 3000\n: connected\n\n');
        },
        cancel: () => stop(),
      });
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sessions/:id',
    summary: 'A session as the chair sees it: checklist, dose, vitals, scales, events, gate and note',
    tag,
    auth: 'staff',
    action: 'session.read',
    params: idParam,
    response: sessionView,
    handler: async ({ params, actor, ctx }) => readSession(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/sessions/:id/entries',
    summary:
      'Chart one entry (checklist, decision, action, vitals, scale, event, rescue, note); a repeat of a client id charts nothing',
    tag,
    auth: 'staff',
    action: 'session.chart',
    params: idParam,
    body: sessionEntryBody,
    response: sessionView,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => {
      const { view, replayed } = await recordEntry(ctx.deps, actor, params.id, body);
      if (replayed) return ctx.c.json(view, 200);
      return view;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sessions/:id/note.pdf',
    summary: 'The signed session note as a PDF (printable)',
    tag,
    auth: 'staff',
    action: 'session.read',
    params: idParam,
    produces: 'application/pdf',
    handler: async ({ params, actor, ctx }) =>
      new Response(Buffer.from(await sessionNotePdf(ctx.deps, actor, params.id)), {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="session-note-${params.id}.pdf"`,
        },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/sessions',
    summary: "A patient's treatment sessions, newest first",
    tag,
    auth: 'staff',
    action: 'session.read',
    params: idParam,
    response: sessionList,
    handler: async ({ params, actor, ctx }) => listPatientSessions(ctx.deps, actor, params.id),
  }),
];
