import { errorInfos } from '../protocol/generated/error-codes.js';

/** One non-zero error code in a response: top level or one topic/partition/resource's answer. */
export interface ErrorAnswer {
  /** The name from protocol/errors.json, or UNKNOWN_ERROR_CODE for a code it does not list. */
  error: string;
  /** The nearest enclosing topic (or resource) name, when the answer is inside one. */
  topic?: string;
  partition?: number;
  /** The answer's own errorMessage, when the response carries one. */
  message?: string;
}

/** The label for a code protocol/errors.json does not list; keeps the `error` label set closed. */
export const UNKNOWN_ERROR_CODE = 'UNKNOWN_ERROR_CODE';

/** Walks at most this deep; generated responses nest 4–5 levels. */
const DEPTH_MAX = 8;

/**
 * Every non-zero `errorCode` in a decoded response, wherever the generated codec put it: the top
 * level (JoinGroup), per topic (CreateTopics), per partition (Produce, Fetch, ListOffsets), per
 * member or resource. Generic on purpose: one walk serves every API handler, and a new handler
 * is counted without code of its own. Record data (Buffers) is skipped, not walked.
 */
export function responseErrors(response: unknown): ErrorAnswer[] {
  const out: ErrorAnswer[] = [];
  walk(response, {}, 0, out);
  return out;
}

function walk(value: unknown, where: { topic?: string; partition?: number }, depth: number, out: ErrorAnswer[]): void {
  if (depth > DEPTH_MAX || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, where, depth + 1, out);
    return;
  }
  const node = value as Record<string, unknown>;
  const here = { ...where };
  const name = node.name ?? node.topic ?? node.resourceName;
  if (typeof name === 'string') here.topic = name;
  const partition = node.partitionIndex ?? node.partition ?? node.index;
  if (typeof partition === 'number') here.partition = partition;
  const code = node.errorCode;
  if (typeof code === 'number' && code !== 0) {
    const answer: ErrorAnswer = { error: errorInfos.get(code)?.name ?? UNKNOWN_ERROR_CODE, ...here };
    if (typeof node.errorMessage === 'string') answer.message = node.errorMessage;
    out.push(answer);
  }
  for (const child of Object.values(node)) {
    if (child !== null && typeof child === 'object') walk(child, here, depth + 1, out);
  }
}
