import type { Context } from 'hono';
import { z, type ZodType } from 'zod';
import type { Action } from '../../../domain/auth/index.js';
import type { Actor } from '../actor.js';
import type { AppDeps } from '../app-deps.js';

export type { Actor } from '../actor.js';

export interface PartialSession {
  userId: string;
  clinicId: string;
  stage: 'mfa' | 'enrol' | 'change-password';
  tokenHash: string;
}

export interface RouteContext {
  deps: AppDeps;
  c: Context;
  clientIp: string;
  userAgent: string;
}

/**
 * public: anyone; staff: a fully signed-in user whose role holds `action`; partial: a session
 * that passed the password step and still owes its second factor (or its enrolment).
 */
export type RouteAuth = 'public' | 'staff' | 'partial';

type Infer<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  A extends RouteAuth = RouteAuth,
> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth: A;
  action?: A extends 'staff' ? Action : undefined;
  params?: P;
  query?: Q;
  body?: B;
  response?: ZodType;
  successStatus?: 200 | 201;
  /** Set when the route returns something other than JSON (CSV, HTML). */
  produces?: string;
  /**
   * Set when the handler reads an HTML form body itself (the patient's questionnaire page). Every
   * other state-changing route without a `body` schema refuses any body but `{}` (mount-routes).
   */
  formBody?: true;
  handler: (input: {
    params: Infer<P>;
    query: Infer<Q>;
    body: Infer<B>;
    ctx: RouteContext;
    actor: A extends 'staff' ? Actor : undefined;
    partial: A extends 'partial' ? PartialSession : undefined;
  }) => Promise<unknown>;
}

export type AnyRoute = RouteSpec<ZodType | undefined, ZodType | undefined, ZodType | undefined, RouteAuth>;

/** Identity function that keeps the handler's input types tied to its schemas. */
export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  A extends RouteAuth = RouteAuth,
>(spec: RouteSpec<P, Q, B, A>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Route ids are UUIDs; anything else is a 404 before any query runs. */
export const idParam = z.object({ id: z.uuid() }).strict();
