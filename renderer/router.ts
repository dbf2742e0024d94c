import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export interface NavItem {
  path: string
  title: string
}

/** The sections of the mission, in the order of the navigation. */
export const NAV: NavItem[] = [
  { path: '/', title: '工作台' },
  { path: '/interviews', title: '谈话' },
  { path: '/documents', title: '调阅' },
  { path: '/petitions', title: '信访' },
  { path: '/visits', title: '走访' },
  { path: '/papers', title: '底稿' },
  { path: '/clues', title: '线索' },
  { path: '/reports', title: '报告' },
  { path: '/exports', title: '导出' },
  { path: '/exchange', title: '协同交换' },
  { path: '/settings', title: '设置' },
]

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./features/dashboard/DashboardView.vue') },
  { path: '/rounds', component: () => import('./features/rounds/RoundsView.vue'), meta: { title: '巡察轮次' } },
  { path: '/team', component: () => import('./features/team/TeamView.vue'), meta: { title: '巡察组' } },
  { path: '/registry', component: () => import('./features/registry/RegistryView.vue'), meta: { title: '干部名册' } },
  { path: '/exports', component: () => import('./features/exports/ExportsView.vue') },
  { path: '/settings', component: () => import('./features/settings/SettingsView.vue') },
  { path: '/audit', component: () => import('./features/audit/AuditView.vue') },
  { path: '/interviews', component: () => import('./features/interviews/InterviewsView.vue') },
  { path: '/documents', component: () => import('./features/documents/DocumentsView.vue') },
  { path: '/petitions', component: () => import('./features/petitions/PetitionsView.vue') },
  { path: '/visits', component: () => import('./features/visits/VisitsView.vue') },
  { path: '/papers', component: () => import('./features/papers/PapersView.vue') },
  { path: '/clues', component: () => import('./features/clues/CluesView.vue') },
  { path: '/exchange', component: () => import('./features/exchange/ExchangeView.vue') },
  { path: '/reports', component: () => import('./features/reports/ReportsView.vue') },
  { path: '/reports/:id', component: () => import('./features/reports/ReportEditor.vue'), meta: { title: '报告编辑' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
