/**
 * Reading grafana/dashboards/*.json for tests: every PromQL expression (panel targets and
 * template-variable queries), the metric names an expression uses, and the expression with
 * Grafana's variables replaced so Prometheus can run it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const dashboardsDir = resolve(import.meta.dirname, '../../grafana/dashboards');
export const alertsDir = resolve(import.meta.dirname, '../../grafana/alerts');

export interface DashboardQuery {
  dashboard: string;
  panel: string;
  expr: string;
  /** 'panel' (a target) or 'variable' (a label_values(...) template query). */
  kind: 'panel' | 'variable';
}

export function loadDashboards(): Array<{ file: string; json: any }> {
  return readdirSync(dashboardsDir).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) }));
}

export function dashboardQueries(): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  for (const { file, json } of loadDashboards()) {
    for (const panel of json.panels ?? []) {
      for (const target of panel.targets ?? []) out.push({ dashboard: file, panel: panel.title, expr: target.expr, kind: 'panel' });
    }
    for (const variable of json.templating?.list ?? []) {
      if (variable.type === 'query') out.push({ dashboard: file, panel: `variable ${variable.name}`, expr: variable.definition, kind: 'variable' });
    }
  }
  return out;
}

/** The Prometheus alert rule files shipped in grafana/alerts/. */
export function alertRuleFiles(): string[] {
  return readdirSync(alertsDir).filter((f) => f.endsWith('.yml')).sort().map((f) => join(alertsDir, f));
}

/** Every alert rule's expression, as a DashboardQuery (dashboard: the file, panel: the alert). */
export function alertRuleQueries(): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  for (const file of alertRuleFiles()) {
    const doc = parseYaml(readFileSync(file, 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
    for (const group of doc.groups) for (const rule of group.rules) out.push({ dashboard: file, panel: rule.alert, expr: rule.expr, kind: 'panel' });
  }
  return out;
}

const promqlWords = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan',
]);

/**
 * Metric names used by a PromQL expression: identifiers outside label matchers, grouping
 * clauses, strings and range selectors, that are not function calls or keywords.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\$\w+/g, '');
  const names = new Set<string>();
  for (const m of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = bare.slice(m.index! + m[0].length).trimStart();
    if (after.startsWith('(')) continue;
    if (promqlWords.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}

/** Sample names present in a Prometheus text exposition (histogram series keep their suffixes). */
export function expositionNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    names.add(/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)![0]);
  }
  return names;
}

/** Grafana's variables as Prometheus needs them: every multi-value variable means "all". */
export function substituteVariables(expr: string, rateInterval: string): string {
  return expr.replaceAll('$__rate_interval', rateInterval).replace(/\$(instance|topic|group)\b/g, '.*');
}
