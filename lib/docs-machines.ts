// The state machines as documentation: every machine of lib/machines/ rendered as a Mermaid stateDiagram-v2
// and a transition table, straight from its transition table, so docs/state-machines.md cannot say
// something the code does not do. scripts/docs-machines.ts writes the blocks into the file;
// lib/docs.test.ts fails when the committed file differs from what this module renders.
//
// Pure: no file system, no React/Next, no database.
import { zh } from './i18n/zh';
import { applicationMachine } from './machines/application';
import { claimMachine } from './machines/claim';
import { loanMachine } from './machines/loan';
import { pledgeMachine } from './machines/pledge';
import { matchMachine } from './machines/match';
import { needMachine } from './machines/need';
import type { Machine } from './machines/define';
import { institutionMachine } from './machines/institution';
import { productMachine } from './machines/product';
import { certificationVerificationMachine, enterpriseVerificationMachine } from './machines/verification';
import { userStatusMachine } from './machines/user';

export interface MachineDoc {
  /** The id in the section's marker comments. */
  id: string;
  /** The heading of the section the script appends when a machine has none yet. */
  title: string;
  /** The export's name and the module that defines it, as the docs cite them. */
  exportName: string;
  source: string;
  machine: Machine<string, string>;
  /** The interface's Chinese word for each state (lib/i18n/zh.ts), shown beside the state's id. */
  labels?: Readonly<Record<string, string>>;
}

/** Every state machine of lib/, in the order docs/state-machines.md presents them. */
export const MACHINE_DOCS: readonly MachineDoc[] = [
  {
    id: 'institution',
    title: 'Institution (金融机构)',
    exportName: 'institutionMachine',
    source: 'lib/machines/institution.ts',
    machine: institutionMachine,
    labels: zh.institutionStatus,
  },
  {
    id: 'enterprise-verification',
    title: 'Enterprise verification (企业核验)',
    exportName: 'enterpriseVerificationMachine',
    source: 'lib/machines/verification.ts',
    machine: enterpriseVerificationMachine,
    labels: zh.verification,
  },
  {
    id: 'certification-verification',
    title: 'Certification verification (资质核验)',
    exportName: 'certificationVerificationMachine',
    source: 'lib/machines/verification.ts',
    machine: certificationVerificationMachine,
    labels: zh.verification,
  },
  {
    id: 'user',
    title: 'User account (账号)',
    exportName: 'userStatusMachine',
    source: 'lib/machines/user.ts',
    machine: userStatusMachine,
    labels: zh.oversight.userStatus,
  },
  {
    id: 'product',
    title: 'Product (金融产品)',
    exportName: 'productMachine',
    source: 'lib/machines/product.ts',
    machine: productMachine,
    labels: zh.productStatus,
  },
  {
    id: 'need',
    title: 'Financing need (融资需求)',
    exportName: 'needMachine',
    source: 'lib/machines/need.ts',
    machine: needMachine,
    labels: zh.needs.statuses,
  },
  { id: 'match', title: 'Match (对接)', exportName: 'matchMachine', source: 'lib/machines/match.ts', machine: matchMachine },
  {
    id: 'application',
    title: 'Application (融资申请)',
    exportName: 'applicationMachine',
    source: 'lib/machines/application.ts',
    machine: applicationMachine,
    labels: zh.applications.statuses,
  },
  { id: 'loan', title: 'Loan (贷款)', exportName: 'loanMachine', source: 'lib/machines/loan.ts', machine: loanMachine, labels: zh.loans.statuses },
  {
    id: 'pledge',
    title: 'Pledge (质押)',
    exportName: 'pledgeMachine',
    source: 'lib/machines/pledge.ts',
    machine: pledgeMachine,
    labels: zh.loans.pledge.statuses,
  },
  {
    id: 'claim',
    title: 'Claim (补偿申请)',
    exportName: 'claimMachine',
    source: 'lib/machines/claim.ts',
    machine: claimMachine,
    labels: zh.loans.claims.statuses,
  },
];

export const startMarker = (id: string) => `<!-- machine:${id}:start -->`;
export const endMarker = (id: string) => `<!-- machine:${id}:end -->`;
const MARKER_RE = /<!-- machine:([a-z0-9-]+):(start|end) -->/g;

interface Edge {
  from: string;
  to: string;
  action: string;
  roles: readonly string[];
}

/** Every (from-state, action) pair of the table, in declaration order. */
export function edgesOf(machine: Machine<string, string>): Edge[] {
  return Object.entries(machine.actions).flatMap(([action, rule]) => rule.from.map((from) => ({ from, to: rule.to, action, roles: rule.roles })));
}

/** States no action leaves. */
export function finalStates(machine: Machine<string, string>): string[] {
  const left = new Set(edgesOf(machine).map((e) => e.from));
  return machine.states.filter((s) => !left.has(s));
}

/**
 * The machine as Mermaid. A new row starts in the first state of `states` (each table's default in
 * db/schema.ts, which the test checks); states no action leaves end in [*].
 */
export function mermaidOf(doc: MachineDoc): string {
  const m = doc.machine;
  const lines = ['```mermaid', 'stateDiagram-v2'];
  for (const s of m.states) {
    const label = doc.labels?.[s];
    if (label) lines.push(`    state "${s} · ${label}" as ${s}`);
  }
  lines.push(`    [*] --> ${m.states[0]}`);
  for (const e of edgesOf(m)) lines.push(`    ${e.from} --> ${e.to}: ${e.action} (${e.roles.join(', ')})`);
  for (const s of finalStates(m)) lines.push(`    ${s} --> [*]`);
  lines.push('```');
  return lines.join('\n');
}

const code = (s: string) => `\`${s}\``;

/** One row per action: from which states, to which, and which roles may take it. */
export function tableOf(doc: MachineDoc): string {
  const rows = Object.entries(doc.machine.actions).map(
    ([action, rule]) => `| ${code(action)} | ${rule.from.map(code).join(', ')} | ${code(rule.to)} | ${rule.roles.join(', ')} |`,
  );
  return ['| action | from | to | who may |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The generated body between one machine's markers. */
export function renderMachineBlock(doc: MachineDoc): string {
  const m = doc.machine;
  const note =
    `Generated from ${code(doc.exportName)} in [${doc.source}](../${doc.source}) (entity ${code(m.entity)}; ` +
    `states: ${m.states.map(code).join(', ')}). Do not edit by hand: run ${code('npx tsx scripts/docs-machines.ts')}.`;
  return [startMarker(doc.id), mermaidOf(doc), '', tableOf(doc), '', note, endMarker(doc.id)].join('\n');
}

export interface MachineDocsUpdate {
  text: string;
  /** Machines that had no section: one was appended at the end of the text. */
  appended: string[];
  /** Marker ids in the text that name no machine (a machine was removed or renamed). */
  unknown: string[];
}

/**
 * Replaces everything between each machine's markers (markers included) with its rendered block;
 * text outside the markers is kept as written. A machine without markers gets a new section at the
 * end. Throws on a start marker without its end marker.
 */
export function updateMachineDocs(markdown: string, docs: readonly MachineDoc[] = MACHINE_DOCS): MachineDocsUpdate {
  let text = markdown;
  const appended: string[] = [];
  for (const doc of docs) {
    const start = text.indexOf(startMarker(doc.id));
    if (start === -1) {
      text = `${text.replace(/\n*$/, '')}\n\n## ${doc.title}\n\n${renderMachineBlock(doc)}\n`;
      appended.push(doc.id);
      continue;
    }
    const end = text.indexOf(endMarker(doc.id), start);
    if (end === -1) throw new Error(`${startMarker(doc.id)} has no ${endMarker(doc.id)}`);
    text = text.slice(0, start) + renderMachineBlock(doc) + text.slice(end + endMarker(doc.id).length);
  }
  const known = new Set(docs.map((d) => d.id));
  const unknown = [...new Set([...text.matchAll(MARKER_RE)].map((m) => m[1]).filter((id) => !known.has(id)))];
  return { text, appended, unknown };
}
