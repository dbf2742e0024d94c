// Classification frameworks (guide §9), shipped as editable data: a round copies one and
// the team may rename, add or remove nodes.
import type { Framework, FrameworkNode } from './types'

function node(id: string, title: string, children: [string, string][] = []): FrameworkNode {
  return { id, title, children: children.map(([cid, ct]) => ({ id: cid, title: ct, children: [] })) }
}

export const FOUR_IMPLEMENTATIONS: Framework = {
  key: 'four-implementations',
  name: '四个落实',
  nodes: [
    node('L1', '落实党的理论路线方针政策和党中央重大决策部署'),
    node('L2', '落实全面从严治党战略部署', [
      ['L2.1', '主体责任'],
      ['L2.2', '监督责任'],
      ['L2.3', '中央八项规定精神'],
      ['L2.4', '形式主义官僚主义'],
      ['L2.5', '群众身边腐败和作风问题'],
    ]),
    node('L3', '落实新时代党的组织路线', [
      ['L3.1', '领导班子建设'],
      ['L3.2', '选人用人'],
      ['L3.3', '基层党组织建设'],
    ]),
    node('L4', '落实巡视巡察整改和成果运用'),
  ],
}

export const THREE_FOCUSES: Framework = {
  key: 'three-focuses',
  name: '三个聚焦',
  nodes: [
    node('F1', '贯彻落实党的路线方针政策和上级决策部署'),
    node('F2', '群众身边腐败问题和不正之风'),
    node('F3', '基层党组织软弱涣散、组织力欠缺'),
  ],
}

export const FOUR_FOCUSES: Framework = {
  key: 'four-focuses',
  name: '四个聚焦',
  nodes: [...THREE_FOCUSES.nodes, node('F4', '巡察整改落实')],
}

export const BUILT_IN_FRAMEWORKS: readonly Framework[] = [FOUR_IMPLEMENTATIONS, THREE_FOCUSES, FOUR_FOCUSES]

/** A deep copy, so editing a round's framework never touches the built-in one. */
export function copyFramework(f: Framework): Framework {
  return structuredClone(f)
}

/** Flattened nodes with their depth, for pickers and charts. */
export function flattenFramework(f: Framework): { node: FrameworkNode; depth: number }[] {
  const out: { node: FrameworkNode; depth: number }[] = []
  const walk = (nodes: FrameworkNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ node: n, depth })
      walk(n.children, depth + 1)
    }
  }
  walk(f.nodes, 0)
  return out
}

/** The top-level node a category id belongs to (`L2.3` → `L2`). */
export function topLevelOf(f: Framework, nodeId: string): FrameworkNode | undefined {
  return f.nodes.find((n) => n.id === nodeId || flattenFramework({ ...f, nodes: [n] }).some((x) => x.node.id === nodeId))
}
